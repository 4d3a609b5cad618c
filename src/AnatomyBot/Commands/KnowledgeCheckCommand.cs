using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Commands;

/// <summary>
/// <c>knowledge check [folder]</c>: validates the folder the way a reload would and lists every problem with file and
/// line, for CI and for moderators before they reload.
/// </summary>
internal static class KnowledgeCheckCommand
{
    public static int Run(string folder, Func<string, (KnowledgeSnapshot? Snapshot, ImmutableArray<KnowledgeError> Errors)> load, TextWriter output)
    {
        if (!Directory.Exists(folder))
        {
            output.WriteLine($"{folder}: knowledge folder not found (set Knowledge:Path or pass the folder: knowledge check <folder>).");
            output.WriteLine("Knowledge check failed: 1 problem.");
            return 1;
        }

        var (snapshot, errors) = load(folder);
        foreach (var error in errors)
        {
            output.WriteLine(AnswerText.Sanitize(error.ToString()));
        }

        if (!errors.IsDefaultOrEmpty || snapshot is null)
        {
            var count = errors.IsDefaultOrEmpty ? 1 : errors.Length;
            output.WriteLine($"Knowledge check failed: {count} problem(s) in {folder}.");
            return 1;
        }

        output.WriteLine(
            $"Knowledge OK: {snapshot.Muscles.Length} muscles, {snapshot.Topics.Length} topics, {snapshot.Quiz.Length} quiz questions, " +
            $"{snapshot.Sources.Length} sources, {snapshot.Safety.RedFlags.Length} red flags in {folder} (version {snapshot.Version}).");
        return 0;
    }
}

using System.Globalization;
using System.Text;

namespace AnatomyBot.Core.Knowledge;

/// <summary>Plain-text summary of a reload, shared by every adapter's /reload reply.</summary>
public static partial class ReloadText
{
    public static string Format(ReloadResult result, int maxErrors = 20)
    {
        var text = new StringBuilder();
        if (result.Succeeded && result.Report is { } r)
        {
            text.Append(CultureInfo.InvariantCulture, $"Knowledge reloaded (version {r.Version}): {r.Muscles} muscles, {r.Topics} topics, ")
                .Append(CultureInfo.InvariantCulture, $"{r.QuizQuestions} quiz questions, {r.Sources} sources.");
            AppendIds(text, "Added", r.Added);
            AppendIds(text, "Changed", r.Changed);
            AppendIds(text, "Removed", r.Removed);
            if (r.Added.IsEmpty && r.Changed.IsEmpty && r.Removed.IsEmpty)
            {
                text.Append("\nNothing changed.");
            }

            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"Reload failed with {result.Errors.Length} problem(s); the previous knowledge is still being served.");
        foreach (var error in result.Errors.Take(maxErrors))
        {
            // A chat never sees file content: quoted values from the files are replaced, locations and rules stay.
            text.Append("\n- ").Append(Quoted().Replace(error.ToString(), "'…'"));
        }

        if (result.Errors.Length > maxErrors)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n...and {result.Errors.Length - maxErrors} more (run `knowledge check` to see all).");
        }

        return text.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex("'[^'\\n]*'")]
    private static partial System.Text.RegularExpressions.Regex Quoted();

    private static void AppendIds(StringBuilder text, string label, System.Collections.Immutable.ImmutableArray<string> ids)
    {
        if (!ids.IsDefaultOrEmpty)
        {
            text.Append('\n').Append(label).Append(": ").AppendJoin(", ", ids);
        }
    }
}

using AnatomyBot.Core.Knowledge;
using YamlDotNet.RepresentationModel;

namespace AnatomyBot.Knowledge.Loading;

/// <summary>Collects errors for one file (path relative to the knowledge folder, forward slashes).</summary>
internal sealed class FileDiagnostics(string file, ProblemList sink)
{
    public string File => file;

    public void Add(int line, string field, string message) => sink.Add(new KnowledgeError(file, line, field, message));

    public void Add(YamlNode node, string field, string message) => Add(LineOf(node), field, message);

    public static int LineOf(YamlNode node) => ToLine(node.Start.Line);

    public static int ToLine(long line) => (int)Math.Clamp(line, 0, int.MaxValue);
}

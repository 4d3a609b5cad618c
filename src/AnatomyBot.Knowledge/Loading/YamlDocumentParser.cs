using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace AnatomyBot.Knowledge.Loading;

/// <summary>
/// Parses one YAML file into the representation model (every node keeps its line) without ever throwing:
/// syntax problems become errors. Aliases are refused because a few of them can expand into an exponential
/// number of paths for the validator, and nesting is capped because building the node tree recurses.
/// </summary>
internal static partial class YamlDocumentParser
{
    public const int MaxDepth = 64;

    public static YamlNode? Parse(string text, FileDiagnostics diagnostics)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new GuardedParser(new Parser(scanner)));
        }
        catch (YamlException e)
        {
            var line = FileDiagnostics.ToLine(e.Start.Line);
            if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentedLine(text) is { } tabLine)
            {
                // YamlDotNet points at the start of the enclosing mapping; the tab itself is what needs fixing.
                line = tabLine;
            }

            diagnostics.Add(line, "(syntax)", "YAML syntax error: " + Describe(e));
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet's scanner throws InvalidOperationException on some truncated input (an unclosed '[' at the
            // end of the file); the scanner's position is the best line available.
            diagnostics.Add(FileDiagnostics.ToLine(scanner.CurrentPosition.Line), "(syntax)",
                "YAML syntax error: the YAML is incomplete here (often an unclosed '[', '{' or quote)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(1, "(file)", "the file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(stream.Documents[1].RootNode, "(file)", "only one YAML document per file is allowed (remove the second '---')");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the line is reported separately.
        var message = MarkPrefix().Replace(e.Message, string.Empty).Trim();
        if (e.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += " (" + MarkPrefix().Replace(inner.Message, string.Empty).Trim() + ")";
        }

        return message.Length == 0 ? "invalid YAML" : message;
    }

    private static int? FirstTabIndentedLine(string text)
    {
        var line = 1;
        var atIndent = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                atIndent = true;
            }
            else if (atIndent && c == '\t')
            {
                return line;
            }
            else if (c != ' ')
            {
                atIndent = false;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    private sealed class GuardedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case AnchorAlias alias:
                    throw new YamlException(alias.Start, alias.End, "aliases (*name) are not supported in knowledge files; write the value out");
                case MappingStart or SequenceStart:
                    if (++_depth > MaxDepth)
                    {
                        throw new YamlException(inner.Current.Start, inner.Current.End, $"nesting deeper than {MaxDepth} levels");
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }
}

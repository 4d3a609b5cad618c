using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>A multiple-choice question: its stem, each option as typed with its label ("b)", "2.", or none), and whether it asks for the odd one out.</summary>
internal sealed record Choices(string Stem, ImmutableArray<string> Labels, ImmutableArray<string> Options, bool AsksForTheOdd);

/// <summary>
/// Multiple-choice questions in the layouts students paste them in, and which option the answer to their stem supports.
/// Layouts read: lettered options ("A) ... B) ...", "(a) ...", "a. ...", see <see cref="QuestionForms.WithoutChoices"/>, also
/// after an instruction such as "choose all that apply:"),
/// numbered ones ("1) ... 2) ...", "1. ... 2. ..."), one option a line under the stem, and an inline list of three or more
/// after a stem that asks to pick ("which of these is NOT an action of the psoas major: flex the hip, ..., extend the knee").
/// Not read: options woven into the stem without a mark ("is it supplied by the femoral, obturator or sciatic nerve?"),
/// two-option choices (<c>X or Y</c>, answered elsewhere), options longer than five words, options that are themselves
/// attributes asked for ("psoas major vs minor: a) origin b) insertion").
/// The verdict only compares words: an option is supported when its own words (those not shared by every option)
/// stand close together in one line of the reply or one fact of the attribute or topic answered, so it can still name
/// an option a fact mentions in passing, and it says nothing when the facts cover no option or every option.
/// </summary>
internal static partial class ChoiceOptions
{
    /// <summary>Words of a stem that ask for the option the sources do not support ("which is NOT", "all EXCEPT").</summary>
    private static readonly FrozenSet<string> OddOneWords = new[]
    {
        "not", "except", "exception", "false", "incorrect", "untrue", "wrong", "isnt", "doesnt", "arent", "dont", "odd", "least",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of a stem that ask to pick among listed things (an inline list after them is options, not a question's own list).</summary>
    private static readonly FrozenSet<string> PickWords = new[]
    {
        "which", "what", "whats", "these", "following", "pick", "choose", "select", "identify", "one", "except",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int MaxOptionWords = 5;

    /// <summary>The choices of a multiple-choice question; null when the text is no such question.</summary>
    public static Choices? Read(string raw)
    {
        if (raw.Length == 0 || raw.Length > TextNormalizer.MaxRoutingChars)
        {
            return null;
        }

        var lettered = QuestionForms.WithoutChoices(raw);
        if (!ReferenceEquals(lettered, raw))
        {
            // The stem is cut as before even where the options do not read one by one; the verdict then names none.
            return Marked(raw, lettered.Length, QuestionForms.ChoiceMarker()) ?? new Choices(lettered, [], [], false);
        }

        return Instructed(raw) ?? Numbered(raw) ?? OnLines(raw) ?? Inline(raw);
    }

    /// <summary>
    /// Lettered options after a stem that ends in "?" or ":" with an instruction between ("psoas major actions? choose all
    /// that apply: a) ... b) ..."), which <see cref="QuestionForms.WithoutChoices"/> leaves whole.
    /// </summary>
    private static Choices? Instructed(string raw)
    {
        var first = QuestionForms.ChoiceMarker().Match(raw);
        if (!first.Success || first.Index == 0)
        {
            return null;
        }

        var stem = raw.AsSpan(0, first.Index).TrimEnd();
        return stem.Length > 0 && stem[^1] is '?' or ':' ? Marked(raw, stem.Length, QuestionForms.ChoiceMarker()) : null;
    }

    /// <summary>"1) femoral 2) obturator 3) sciatic" after a stem ending in "?" or ":" (or three options after a longer stem).</summary>
    private static Choices? Numbered(string raw)
    {
        var first = NumberMarker().Match(raw);
        if (!first.Success || first.Index == 0)
        {
            return null;
        }

        var stem = raw.AsSpan(0, first.Index).TrimEnd();
        var count = NumberMarker().Count(raw.AsSpan(first.Index));
        return stem.Length > 0 && (stem[^1] is '?' or ':' || (stem.Count(' ') >= 2 && count >= 3)) ? Marked(raw, stem.Length, NumberMarker()) : null;
    }

    /// <summary>Options after <paramref name="stemLength"/>, each led by a marker counting up from a or 1; null when they do not.</summary>
    private static Choices? Marked(string raw, int stemLength, Regex marker)
    {
        var rest = raw[stemLength..];
        var markers = marker.Matches(rest);
        var parts = marker.Split(rest);
        if (markers.Count < 2 || parts.Length != markers.Count + 1 || !string.IsNullOrWhiteSpace(parts[0]))
        {
            return null;
        }

        var labels = ImmutableArray.CreateBuilder<string>(markers.Count);
        var options = ImmutableArray.CreateBuilder<string>(markers.Count);
        for (var i = 0; i < markers.Count; i++)
        {
            var label = markers[i].Value.Trim();
            var key = char.ToLowerInvariant(label.TrimStart('(')[0]);
            var option = parts[i + 1].Trim().TrimEnd(',', ';', '.');
            if ((key != 'a' + i && key != '1' + i) || !IsOption(option))
            {
                return null;
            }

            labels.Add(label);
            options.Add(option);
        }

        return Make(raw[..stemLength].TrimEnd(), labels.ToImmutable(), options.ToImmutable());
    }

    /// <summary>A stem on the first line and two to six options on the lines under it, each led by a bullet or nothing.</summary>
    private static Choices? OnLines(string raw)
    {
        if (!raw.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        var lines = raw.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 3 || lines.Length > 7 || lines[0].Length == 0 || lines[0][^1] is not ('?' or ':'))
        {
            return null;
        }

        var options = ImmutableArray.CreateBuilder<string>(lines.Length - 1);
        foreach (var line in lines.AsSpan(1))
        {
            var option = line.TrimStart('-', '*', '\u2022', ' ').Trim().TrimEnd(',', ';', '.');
            if (!IsOption(option))
            {
                return null;
            }

            options.Add(option);
        }

        return Make(lines[0], Unlabelled(options.Count), options.ToImmutable());
    }

    /// <summary>"which of these is not a satellite muscle: quadratus lumborum, piriformis, biceps brachii or multifidus".</summary>
    private static Choices? Inline(string raw)
    {
        var mark = raw.IndexOfAny([':', '?']);
        if (mark < 1 || mark + 1 >= raw.Length)
        {
            return null;
        }

        var stem = raw[..(mark + 1)];
        var stemWords = TokenizedText.From(stem);
        if (!stemWords.Words.Any(PickWords.Contains))
        {
            return null;
        }

        var items = ListSeparator().Split(raw[(mark + 1)..].Trim().TrimEnd('?', '.', '!'));
        if (items.Length < 3)
        {
            return null;
        }

        var options = ImmutableArray.CreateBuilder<string>(items.Length);
        foreach (var item in items)
        {
            var option = item.Trim();
            if (!IsOption(option))
            {
                return null;
            }

            options.Add(option);
        }

        return Make(stem.Trim(), Unlabelled(options.Count), options.ToImmutable());
    }

    private static ImmutableArray<string> Unlabelled(int count) => [.. Enumerable.Repeat(string.Empty, count)];

    private static Choices Make(string stem, ImmutableArray<string> labels, ImmutableArray<string> options) =>
        new(stem, labels, options, TokenizedText.From(stem).Words.Any(OddOneWords.Contains));

    /// <summary>A short phrase that asks nothing and is not an attribute asked for ("origin", "insertion").</summary>
    private static bool IsOption(string option)
    {
        if (option.Length == 0 || option.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        var words = TokenizedText.From(option);
        return words.Count is > 0 and <= MaxOptionWords && !(words.Count == 1 && Vocabulary.SingleWordCues.Contains(words.WordString(0)));
    }

    /// <summary>
    /// The line that names the option(s) the answer's facts support, or for an odd-one-out stem the option(s) they do not
    /// list; null when the words settle nothing (no option or every option found, or an odd-one-out with options half found).
    /// Reads the reply's sections but not its "Related" line or editors' notes (a note may name a wrong option to correct
    /// it), and every fact of the attribute or topic answered.
    /// </summary>
    public static string? Verdict(Choices choices, Reply reply, KnowledgeIndex index)
    {
        if (choices.Options.Length < 2 || reply.Intent is not (Intent.MuscleAttribute or Intent.Topic or Intent.Muscle))
        {
            return null;
        }

        var texts = AnswerLines(reply);
        // Every fact of the answered attribute or topic, not only those the reply had room for: "which is NOT an action"
        // is settled by all of the muscle's actions.
        var facts = reply.Intent == Intent.MuscleAttribute && reply.Entity is { } muscle && reply.Attribute is { } attribute
            && index.MuscleById.TryGetValue(muscle, out var m) ? m.Get(attribute)
            : reply.Intent == Intent.Topic && reply.Entity is { } topic && index.TopicById.TryGetValue(topic, out var t) ? t.Facts
            : [];
        foreach (var fact in facts)
        {
            texts.Add(ContentWords(fact.Text));
        }

        var optionWords = choices.Options.Select(o => TokenizedText.From(o).Words.Where(IsContentWord).ToArray()).ToArray();
        // Words every option shares ("artery" in "femoral artery", "iliolumbar artery") tell no option apart.
        var shared = optionWords.Skip(1).Aggregate((IEnumerable<string>)optionWords[0], (a, b) => a.Intersect(b)).ToHashSet(StringComparer.Ordinal);
        var coverage = new double[optionWords.Length];
        for (var i = 0; i < optionWords.Length; i++)
        {
            var own = optionWords[i].Where(w => !shared.Contains(w)).ToArray();
            coverage[i] = own.Length == 0 ? double.NaN : texts.Max(words => HeldTogether(words, own)) / (double)own.Length;
        }

        if (coverage.Any(double.IsNaN))
        {
            return null;
        }

        var full = Enumerable.Range(0, coverage.Length).Where(i => coverage[i] >= 1).ToList();
        var none = Enumerable.Range(0, coverage.Length).Where(i => coverage[i] <= 0).ToList();
        if (choices.AsksForTheOdd)
        {
            var short1 = Enumerable.Range(0, coverage.Length).Where(i => coverage[i] < 1).ToList();
            var odd = short1.Count == 1 && full.Count == coverage.Length - 1 ? short1
                : none.Count > 0 && full.Count > 0 && none.Count + full.Count == coverage.Length ? none : null;
            return odd is null ? null : $"Of the options, {Named(choices, odd)} {(odd.Count == 1 ? "is the one" : "are the ones")} missing from the sources.";
        }

        return full.Count > 0 && full.Count < coverage.Length ? $"Of the options, the sources support {Named(choices, full)}." : null;
    }

    private static string Named(Choices choices, List<int> picked)
    {
        var names = picked.Select(i => choices.Labels[i].Length > 0 ? $"{choices.Labels[i]} {choices.Options[i]}" : $"\"{choices.Options[i]}\"").ToArray();
        return names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    private static bool IsContentWord(string word) => word.Length > 1 && !Vocabulary.StopWords.Contains(word);

    /// <summary>The content words of each line of the reply, without its "Related" line and editors' notes.</summary>
    private static List<string[]> AnswerLines(Reply reply)
    {
        var lines = new List<string[]>();
        foreach (var section in reply.Sections)
        {
            if (section.Heading is "Related")
            {
                continue;
            }

            foreach (var line in section.Body.Split('\n'))
            {
                if (!line.TrimStart().StartsWith("Editors' note", StringComparison.Ordinal))
                {
                    lines.Add(ContentWords(line));
                }
            }
        }

        return lines;
    }

    private static string[] ContentWords(string text) => [.. TokenizedText.From(text).Words.Where(IsContentWord)];

    /// <summary>
    /// How many of an option's own words one line or fact holds close together (within the option's length and two
    /// more words): "hip extension" needs "hip" and "extend" near each other in one fact, so a fact that flexes the hip
    /// and another about extending the low back do not add up to it.
    /// </summary>
    private static int HeldTogether(string[] words, string[] own)
    {
        var span = own.Length + 2;
        var best = 0;
        for (var start = 0; start < words.Length && best < own.Length; start++)
        {
            var held = 0;
            foreach (var word in own)
            {
                for (var k = start; k < words.Length && k < start + span; k++)
                {
                    if (HoldsWord(words[k], word))
                    {
                        held++;
                        break;
                    }
                }
            }

            best = Math.Max(best, held);
        }

        return best;
    }

    /// <summary>
    /// Whether a word of the answer stands for the option's word: the same word or stem, or one shares a start of five
    /// letters with it or is a start of it of four ("flex" / "flexes", "anteriorly" / "anterior", "extend" / "extension").
    /// </summary>
    private static bool HoldsWord(string other, string word)
    {
        if (other == word)
        {
            return true;
        }

        var shorter = Math.Min(other.Length, word.Length);
        var common = 0;
        while (common < shorter && other[common] == word[common])
        {
            common++;
        }

        return common >= 5 || (common == shorter && shorter >= 4) || Stemmer.Stem(other) == Stemmer.Stem(word);
    }

    /// <summary>"1)", "(2)", "3." or "4:" standing alone.</summary>
    [GeneratedRegex(@"(?:^|\s)(?:\(?[1-6]\)|[1-6][.:])(?=\s)")]
    private static partial Regex NumberMarker();

    /// <summary>Commas, semicolons and a closing "or"/"and" between the items of an inline list.</summary>
    [GeneratedRegex(@"\s*[,;]\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+(?=\S+(?:\s+\S+){0,4}\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();
}

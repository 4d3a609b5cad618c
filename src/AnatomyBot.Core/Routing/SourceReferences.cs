using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A question that refers to one of the documents by its kind or its author instead of naming a subject: "according to the
/// book", "what did the PT clinic blog recommend first", "in the consumer health article", "with reference to Myers",
/// "just the blog's version please". The words come from the knowledge's own source records, never from a list of
/// phrasings: each description's opening noun phrase ("A physical-therapy clinic blog post on ..."), each title's
/// parenthesis ("(book excerpt)", "(2019)"), the initials of a hyphenated compound there ("pt" for physical-therapy), and
/// the names of the people that only one source's facts quote ("Tom Myers", "Alexander Lowen").
/// A reference is a run of those words holding a document noun (the last word of such a phrase: "book", "post",
/// "article", "blog") or a name, or two or more of them after "the", "per" or "according to". It resolves to the sources
/// whose words it holds most distinctively ("the book": the manual-therapy excerpt; "the blog": both blog posts; "the
/// health site": both health-site articles).
/// Used two ways: a message that asks nothing besides the reference, after an answer, gets the last subject's facts that
/// cite those sources (<see cref="Restate"/>); a question that found no answer as put is asked again without it. A
/// question answered as put is left alone: the facts' own attributions ("the manual-therapy book names ...") already
/// favour the referred source's facts there, and taking the words out loses that.
/// What it does not catch: a source named by its title's own words ("the muscle of the month post" is read by "post"
/// alone, so both posts), a misspelt document noun ("the artical"), an indefinite one ("a book says", "any article"),
/// a source asked for ("which book", "what article": those ask which source, and stay as they are), and a question
/// answered as put from another source's facts ("what does Tom Myers suggest for an anterior tilt" still gets the
/// massage blog's tilt fact first: the reference does not rank the facts).
/// </summary>
internal sealed class SourceReferences
{
    private static readonly ConditionalWeakTable<KnowledgeIndex, SourceReferences> Built = new();

    /// <summary>Words before a run that point at one source: "the book", "per the blog", "according to the article".</summary>
    private static readonly FrozenSet<string> Pointers = new[] { "the", "that", "this", "your", "per", "to", "by" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words before a run that ask for a source rather than refer to one ("which book", "what article", "a blog").</summary>
    private static readonly FrozenSet<string> AsksForASource = new[] { "which", "what", "whats", "any", "a", "an", "some", "other", "another" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What introduces a reference and goes with it when it is taken out: "according to", "per", "with reference to", "in".</summary>
    private static readonly FrozenSet<string> Introducers = new[] { "per", "in", "from", "by", "according", "to", "with", "reference", "of" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Where a description's opening noun phrase ends: a preposition or a comma ("... blog post on ...").</summary>
    private static readonly FrozenSet<string> PhraseEnds = new[] { "on", "about", "of", "for", "with", "that", "which", "and" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The attribute cue words ("origin", "nerve"): a question that names one asks something of its own.</summary>
    private static readonly FrozenSet<string> CueWords = Vocabulary.AttributeCues.Select(c => c.Phrase).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that set sources side by side or keep to one ("the book vs the blog", "only the blog's"): they ask nothing of
    /// their own, though a fact may use them ("L2, L3 and L4 only").
    /// </summary>
    private static readonly FrozenSet<string> SetsSourcesApart = new[] { "vs", "versus", "compared", "against", "only", "alone", "instead" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Articles = new[] { "a", "an", "the", "from" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Dictionary<string, HashSet<string>> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heads = new(StringComparer.Ordinal);

    /// <summary>The words as the records spell them ("book", not "books").</summary>
    private readonly HashSet<string> _spelt = new(StringComparer.Ordinal);

    /// <summary>
    /// The verbs the facts put after a source they name ("the consumer health article says", "the manual-therapy book
    /// names"): in a question they only report what a source holds ("what does the book say vs the blog").
    /// </summary>
    private readonly HashSet<string> _reportingVerbs = new(StringComparer.Ordinal);

    private readonly FactIndex _facts;

    private readonly Func<string, bool> _muscleWord;

    private SourceReferences(KnowledgeIndex index)
    {
        foreach (var source in index.Snapshot.Sources.IsDefault ? [] : index.Snapshot.Sources)
        {
            AddPhrase(source.Id, OpeningPhrase(source.Description));
            var open = source.Title.IndexOf('(', StringComparison.Ordinal);
            var close = source.Title.LastIndexOf(')');
            if (open >= 0 && close > open)
            {
                foreach (var part in source.Title[(open + 1)..close].Split(','))
                {
                    AddPhrase(source.Id, part.Trim());
                }
            }
        }

        AddQuotedNames(index);
        _facts = index.Facts;
        _muscleWord = index.IsMuscleWord;
        foreach (var passage in index.Facts.Passages)
        {
            var words = TextNormalizer.Normalize(passage.Fact.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 1 < words.Length; i++)
            {
                if (_heads.Contains(Key(words[i])) && !Holds(words[i + 1]) && !Vocabulary.StopWords.Contains(words[i + 1]))
                {
                    _reportingVerbs.Add(Key(words[i + 1]));
                }
            }
        }
    }

    public static SourceReferences For(KnowledgeIndex index) => Built.GetValue(index, static i => new SourceReferences(i));

    /// <summary>A reference found in a question: the sources it points at and the question without it.</summary>
    /// <param name="Sources">The sources referred to.</param>
    /// <param name="Rest">The question without the references.</param>
    /// <param name="AsksNothingElse">
    /// Nothing is left but small words, the verbs the facts use to report a source and the noun a source owns ("just the
    /// blog's version please", "ok and per the book?", "what does the book say vs the blog"): no muscle, no other word a
    /// fact uses.
    /// </param>
    public sealed record Found(ImmutableArray<string> Sources, TokenizedText Rest, bool AsksNothingElse);

    /// <summary>
    /// The references to sources in the question, or null: the sources they point at (all of them: "what does the book say
    /// vs the blog") and the question without them.
    /// </summary>
    public Found? Find(TokenizedText text)
    {
        var dropped = new bool[text.Count];
        if (Mark(text, dropped) is not { } sources)
        {
            return null;
        }

        return Rest(text, dropped, sources);
    }

    /// <summary>
    /// Which words of the question belong to a reference to a source (its run, the possessive after it and what introduces
    /// it), or null when it refers to none.
    /// </summary>
    public bool[]? ReferenceWords(TokenizedText text)
    {
        var dropped = new bool[text.Count];
        return Mark(text, dropped) is null ? null : dropped;
    }

    /// <summary>Marks the words of each reference in <paramref name="dropped"/>; returns the sources referred to, or null.</summary>
    private List<string>? Mark(TokenizedText text, bool[] dropped)
    {
        List<string>? sources = null;
        for (var i = 0; i < text.Count; i++)
        {
            if (!Holds(text.WordString(i)))
            {
                continue;
            }

            var end = i;
            while (end + 1 < text.Count && (Holds(text.WordString(end + 1)) || (text.WordString(end + 1) == "s" && end + 2 < text.Count && Holds(text.WordString(end + 2)))))
            {
                end++;
            }

            var before = i > 0 ? text.WordString(i - 1) : null;
            var length = end - i + 1;
            var named = false;
            for (var k = i; k <= end; k++)
            {
                // "the books", "the blogs": sources in general, not one of them ("do the books argue on that?").
                named |= _heads.Contains(Key(text.WordString(k))) && _spelt.Contains(text.WordString(k));
            }

            if ((before is not null && AsksForASource.Contains(before))
                || !(named || (length >= 2 && before is not null && Pointers.Contains(before)))
                || Resolve(text, i, end) is not { Length: > 0 } resolved)
            {
                i = end;
                continue;
            }

            sources ??= [];
            foreach (var id in resolved)
            {
                if (!sources.Contains(id))
                {
                    sources.Add(id);
                }
            }

            // Take out the run, the possessive after it ("the blog's") and what introduces it ("according to the").
            var from = i;
            while (from > 0 && (Introducers.Contains(text.WordString(from - 1)) || Pointers.Contains(text.WordString(from - 1))))
            {
                from--;
            }

            var to = end + 1 < text.Count && text.WordString(end + 1) == "s" ? end + 1 : end;
            for (var k = from; k <= to; k++)
            {
                dropped[k] = true;
            }

            i = to;
        }

        return sources;
    }

    private Found Rest(TokenizedText text, bool[] dropped, List<string> sources)
    {
        var left = new List<string>(text.Count);
        var nothingElse = true;
        for (var k = 0; k < text.Count; k++)
        {
            if (dropped[k])
            {
                continue;
            }

            var word = text.WordString(k);
            left.Add(word);
            // "the blog's version please", "the book's take?": the noun a source owns, closing the message (the normaliser
            // drops the possessive "'s"). Not a muscle or an attribute ("the book's origin for the iliacus").
            var owned = k > 0 && dropped[k - 1] && LastWordAfter(text, k) && !CueWords.Contains(word) && !_muscleWord(word);
            nothingElse &= owned || word.Length <= 1 || SetsSourcesApart.Contains(word) || Vocabulary.StopWords.Contains(word) || Vocabulary.ThanksWords.Contains(word)
                || _reportingVerbs.Contains(Key(word))
                || (!(_facts.InFactText(word) || CueWords.Contains(word)) && !AsksOfItsOwn(word));
        }

        return new Found([.. sources], new TokenizedText(string.Join(' ', left)) { EndsWithQuestionMark = text.EndsWithQuestionMark }, nothingElse);
    }

    /// <summary>
    /// A word no fact uses that still asks something of its own: a treatment, test, condition or medicine, a measure or a
    /// unit ("per the blog, is ibuprofen ok?" asks about ibuprofen, which the sources do not cover).
    /// </summary>
    private static bool AsksOfItsOwn(string word) =>
        EverydayWords.IsClinicalSubject(word) || Vocabulary.MeasureWords.Contains(word) || Vocabulary.UnitWords.Contains(word);

    /// <summary>
    /// The last answer's subject as the referred sources give it: its facts that cite one of them, in the subject's order;
    /// null when none does (the caller answers the question as it is).
    /// </summary>
    public static Reply? Restate(KnowledgeIndex index, ConversationContext context, ImmutableArray<string> sources)
    {
        if (!context.HasSubject)
        {
            return null;
        }

        var facts = MoreFollowUps.SubjectFacts(index, context, out var title, out var topic);
        var kept = new List<int>();
        foreach (var passage in facts)
        {
            if (kept.Count < MoreFollowUps.MaxNewFacts && Cites(passage.Fact, sources))
            {
                kept.Add(passage.Ordinal);
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var cited = new Citations();
        var (sections, ids) = FactAnswerer.Compose(index, kept, cited, dropSingleHeading: true, showNote: static _ => false);
        sections = [.. sections.Select(f => string.Equals(f.Heading, title, StringComparison.OrdinalIgnoreCase) ? f with { Heading = null } : f)];
        return MoreFollowUps.SubjectReply(index, context, topic, index.Facts.Passages[kept[0]].Muscle, title, sections, cited) with { Facts = ids };
    }

    private static bool Cites(Fact fact, ImmutableArray<string> sources)
    {
        foreach (var id in fact.Sources.IsDefault ? [] : fact.Sources)
        {
            if (sources.Contains(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether nothing but small words and courtesy follows the word at <paramref name="at"/>.</summary>
    private static bool LastWordAfter(TokenizedText text, int at)
    {
        for (var k = at + 1; k < text.Count; k++)
        {
            if (!Vocabulary.StopWords.Contains(text.WordString(k)) && !Vocabulary.ThanksWords.Contains(text.WordString(k)))
            {
                return false;
            }
        }

        return true;
    }

    private bool Holds(string word) => _words.ContainsKey(Key(word));

    private static string Key(string word) => Stemmer.Stem(word);

    /// <summary>The sources whose words the run holds most distinctively: a word of one source counts 1, one of two 1/2.</summary>
    private ImmutableArray<string> Resolve(TokenizedText text, int start, int end)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = start; k <= end; k++)
        {
            if (_words.TryGetValue(Key(text.WordString(k)), out var ids))
            {
                foreach (var id in ids)
                {
                    scores[id] = scores.GetValueOrDefault(id) + 1.0 / ids.Count;
                }
            }
        }

        var best = scores.Count == 0 ? 0 : scores.Values.Max();
        return best <= 0 ? [] : [.. scores.Where(s => s.Value >= best - 1e-9).Select(s => s.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>"A physical-therapy clinic blog post on where ..." gives "A physical-therapy clinic blog post".</summary>
    private static string OpeningPhrase(string description)
    {
        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        foreach (var raw in words)
        {
            var word = raw.TrimEnd(',', '.', ';', ':');
            var bare = word.ToLowerInvariant();
            if (PhraseEnds.Contains(bare) || (bare.Length > 4 && bare.EndsWith("ing", StringComparison.Ordinal)))
            {
                break;
            }

            kept.Add(word);
            if (word.Length != raw.Length)
            {
                break;
            }
        }

        return string.Join(' ', kept);
    }

    /// <summary>
    /// Adds a phrase's words for a source. Its document nouns are the last word before "from" or the end ("An excerpt
    /// from a manual-therapy book": excerpt, book) and a plain word right before one ("blog" of "blog post"; not "therapy"
    /// of "manual-therapy book", which is half of a compound). A compound also gives its initials ("pt").
    /// </summary>
    private void AddPhrase(string source, string phrase)
    {
        var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var p = 0; p < parts.Length; p++)
        {
            var raw = parts[p].ToLowerInvariant();
            if (raw.EndsWith("'s", StringComparison.Ordinal))
            {
                raw = raw[..^2];
            }

            if (Articles.Contains(raw))
            {
                continue;
            }

            var last = p == parts.Length - 1 || parts[p + 1].Equals("from", StringComparison.OrdinalIgnoreCase);
            var beforeLast = !last && !raw.Contains('-', StringComparison.Ordinal)
                && (p + 1 == parts.Length - 1 || (p + 2 < parts.Length && parts[p + 2].Equals("from", StringComparison.OrdinalIgnoreCase)));
            var pieces = raw.Split('-', StringSplitOptions.RemoveEmptyEntries);
            foreach (var piece in pieces)
            {
                Add(source, piece, head: (last || beforeLast) && pieces.Length == 1);
            }

            if (pieces.Length > 1)
            {
                Add(source, string.Concat(pieces.Select(x => x[0])), head: false);
                if (last)
                {
                    Add(source, pieces[^1], head: true);
                }
            }
        }
    }

    private void Add(string source, string word, bool head)
    {
        // Generic words ("references", "sources") and small numbers ("9 references") point at no one source.
        if (word.Length < 2 || Vocabulary.StopWords.Contains(word) || Vocabulary.SourceWords.Contains(word)
            || (word.All(char.IsAsciiDigit) && word.Length < 4))
        {
            return;
        }

        _spelt.Add(word);
        var key = Key(word);
        if (!_words.TryGetValue(key, out var ids))
        {
            _words[key] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(source);
        if (head)
        {
            _heads.Add(key);
        }
    }

    /// <summary>
    /// People the facts quote: two or more capitalised words in a row inside a sentence ("A theory from Tom Myers"), each
    /// of them a word no fact uses in lower case, pointing at the sources every fact naming them cites.
    /// </summary>
    private void AddQuotedNames(KnowledgeIndex index)
    {
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var named = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var passage in index.Facts.Passages)
        {
            foreach (var word in passage.Fact.Text.Split([' ', '-', '"', '(', ')', ',', '.', ';', ':'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length > 0 && char.IsLower(word[0]))
                {
                    lower.Add(word);
                }
            }
        }

        foreach (var passage in index.Facts.Passages)
        {
            foreach (var name in CapitalisedRuns(passage.Fact.Text))
            {
                var key = name.ToLowerInvariant();
                if (named.TryGetValue(key, out var ids))
                {
                    ids?.IntersectWith(passage.Fact.Sources.IsDefault ? [] : passage.Fact.Sources);
                }
                else
                {
                    named[key] = passage.Fact.Sources.IsDefault ? [] : [.. passage.Fact.Sources];
                }
            }
        }

        foreach (var (name, ids) in named)
        {
            if (!lower.Contains(name) && ids is { Count: > 0 })
            {
                foreach (var id in ids)
                {
                    Add(id, name, head: true);
                }
            }
        }
    }

    /// <summary>The words of capitalised runs of two or more inside a sentence (not a sentence's first word).</summary>
    private static List<string> CapitalisedRuns(string text)
    {
        var found = new List<string>();
        var run = new List<string>();
        var sentenceStart = true;
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('"', '(', ')', ',', '.', ';', ':', '\'');
            var capital = !sentenceStart && word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(c => char.IsLower(c) || c == '-');
            if (capital)
            {
                run.AddRange(word.Split('-', StringSplitOptions.RemoveEmptyEntries));
            }

            if (!capital || raw.EndsWith(',') || raw.EndsWith('.') || raw.EndsWith(')') || raw.EndsWith(';'))
            {
                if (run.Count >= 2)
                {
                    found.AddRange(run);
                }

                run.Clear();
            }

            sentenceStart = raw.EndsWith('.') || raw.EndsWith(':');
        }

        if (run.Count >= 2)
        {
            found.AddRange(run);
        }

        return found;
    }
}

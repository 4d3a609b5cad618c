using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A question that asks for every fact of what it names rather than the best one or two: "psoas major actions list",
/// "Enumerate the actions attributed to psoas major", "list every action", "all the works the psoas is doing", "every
/// attachment of the iliacus". The shape is a listing verb ("list", "enumerate") anywhere, or "all"/"every" before an
/// attribute's own word (skipping "the", "its", "of"), so "do all the sources agree" or "does it reach all the lumbar
/// vertebrae" is no list request. Used for a single attribute of a single muscle: all of its facts are shown, and the
/// reply is not cut to the phone-screen budget. Not caught: a list asked by a count ("name three actions") or by a
/// plural alone ("what are the actions of the psoas major"), which keep the best facts.
/// </summary>
internal static class ListRequests
{
    /// <summary>Verbs that ask for a list by themselves.</summary>
    private static readonly FrozenSet<string> ListVerbs = new[] { "list", "lists", "listing", "enumerate", "itemise", "itemize" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that ask for all of what follows them.</summary>
    private static readonly FrozenSet<string> AllWords = new[] { "all", "every", "each" }.ToFrozenSet(StringComparer.Ordinal);


    /// <summary>The listing verb a rarer one ("enumerate", "itemise") is read as.</summary>
    public const string PlainListVerb = "list";

    /// <summary>Whether the word is a verb asking for a list ("enumerate", "itemise").</summary>
    public static bool IsListVerb(string word) => ListVerbs.Contains(word);

    public static bool AsksForList(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (ListVerbs.Contains(word))
            {
                return true;
            }

            if (!AllWords.Contains(word))
            {
                continue;
            }

            var next = i + 1;
            // Words passed over between "all" and what it quantifies: determiners and "of" ("all the", "all of its").
            while (next < text.Count && (Vocabulary.Determiners.Contains(text.WordString(next)) || text.WordString(next) == "of"))
            {
                next++;
            }

            // A cue's own word ("actions", "attachments"), not a function word that only sits inside a longer cue
            // ("it" of "what does it do"): "a half, two-thirds, all of it?" offers a choice and asks for no list.
            if (next < text.Count && Vocabulary.SingleWordCues.Contains(text.WordString(next)))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Text;

namespace AnatomyBot.Core.Text;

/// <summary>
/// Sound-alike keys of English words, two grains for two uses. <see cref="Key"/> is exact enough to look up: a word that
/// is no English word meets the frequent word it is spelt as ("blud" and "blood", "wich" and "which") without short
/// words colliding ("mri" is not "more"). <see cref="Skeleton"/> is coarser and is only scored, never looked up: the fuzzy
/// attribute cues compare it with a ratio and a penalty ("insershun" and "insertion").
/// </summary>
public static class SpokenSpelling
{
    /// <summary>
    /// Vowels are one sound, doubled letters one letter, a silent final "e" dropped, and the letters that spell one sound
    /// (c/k/q, s/z, ph/f, wh/w, tion/shun) one letter.
    /// </summary>
    public static string Key(string word) => Key(word, keepVowels: false);

    /// <summary>
    /// As <see cref="Key"/>, but each vowel stays itself (a "y" is an "i"): fine enough that "looser" and "lesser" differ,
    /// while "paradocks" and "paradox", "burza" and "bursa", "sattelite" and "satellite" still meet.
    /// </summary>
    public static string VowelKey(string word) => Key(word, keepVowels: true);

    private static string Key(string word, bool keepVowels)
    {
        var w = word.Replace("tion", "shun", StringComparison.Ordinal).Replace("sion", "shun", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal).Replace("wh", "w", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal);
        if (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }

        var key = new StringBuilder(w.Length + 2);
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var sound = c switch
            {
                'y' when keepVowels => "i",
                'a' or 'e' or 'i' or 'o' or 'u' when keepVowels => c.ToString(),
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' => "*",
                'c' => i + 1 < w.Length && w[i + 1] is 'e' or 'i' or 'y' ? "s" : "k",
                'q' => "k",
                'z' => "s",
                'x' => "ks",
                _ => c.ToString(),
            };
            foreach (var s in sound)
            {
                if (key.Length == 0 || key[^1] != s)
                {
                    key.Append(s);
                }
            }
        }

        return key.ToString();
    }

    /// <summary>A rough sound-alike key: "-tion", "-sion" and "-shun" alike, no inner vowels, no doubled letters.</summary>
    public static string Skeleton(string word)
    {
        var text = word.Replace("tion", "shn", StringComparison.Ordinal).Replace("sion", "shn", StringComparison.Ordinal)
            .Replace("shun", "shn", StringComparison.Ordinal).Replace("ph", "f", StringComparison.Ordinal)
            .Replace('z', 's').Replace("ck", "k", StringComparison.Ordinal).Replace('q', 'k');
        var key = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            // A hard "c" is said as "k" ("akshun" is action, "funkshun" function); a soft one before e, i, y stays.
            var c = text[i] == 'c' && (i + 1 >= text.Length || text[i + 1] is not ('e' or 'i' or 'y')) ? 'k' : text[i];
            if (i > 0 && (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || c == key[^1]))
            {
                continue;
            }

            key.Append(c);
        }

        return key.ToString();
    }
}

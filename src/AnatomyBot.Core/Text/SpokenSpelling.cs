using System.Text;

namespace AnatomyBot.Core.Text;

/// <summary>
/// A rough key of how an English word sounds, so a word spelt as it is said meets the word it means: "blud" and
/// "blood", "akshun" and "action", "pleez" and "please", "wich" and "which". Vowels are one sound, doubled letters one
/// letter, a silent final "e" dropped, and the letters that spell one sound (c/k/q, s/z, ph/f, wh/w, tion/shun) one letter.
/// </summary>
public static class SpokenSpelling
{
    public static string Key(string word)
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
}

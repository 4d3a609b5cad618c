using System.Numerics;
using System.Runtime.Intrinsics;

namespace AnatomyBot.Core.Text;

/// <summary>
/// FuzzySharp's <c>Fuzz.Ratio</c> (0-100), computed without allocating. FuzzySharp scores two strings by their
/// Levenshtein distance with a substitution costing two (an insertion plus a deletion), which is
/// <c>len1 + len2 - 2 * LCS</c>; the ratio is <c>round(100 * (lensum - distance) / lensum)</c>. The longest common
/// subsequence is computed bit-parallel (one machine word per 64 characters of the shorter string) instead of
/// FuzzySharp's row of the full matrix over two fresh char arrays. Tests check it against FuzzySharp itself.
/// </summary>
public static class FuzzyRatio
{
    [ThreadStatic]
    private static ulong[]? t_masks;

    public static int Of(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // FuzzySharp scores an empty string 0 against anything, itself included.
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        return OfCommon(CommonSubsequence(a, b), a.Length + b.Length);
    }

    /// <summary>The ratio of two non-empty strings whose lengths add up to <paramref name="lensum"/> and share a longest common subsequence of <paramref name="common"/>.</summary>
    public static int OfCommon(int common, int lensum)
    {
        var distance = lensum - (2 * common);
        var ratio = distance == 0 ? 1 : (lensum - distance) / (double)lensum;
        return (int)Math.Round(100 * ratio);
    }

    /// <summary>The highest ratio two strings of these lengths can reach: at best every letter of the shorter one is shared.</summary>
    public static int Ceiling(int lengthA, int lengthB) =>
        lengthA == 0 || lengthB == 0 ? 0 : (int)Math.Round(100 * (2.0 * Math.Min(lengthA, lengthB) / (lengthA + lengthB)));

    /// <summary>
    /// Letter counts in 32 buckets (a-z, the rest by code), for texts of at most 255 characters. The sum of two texts'
    /// smaller counts (<see cref="SharedLetters"/>) is at least their longest common subsequence, whatever the
    /// bucketing, so it bounds the ratio from above without comparing the texts.
    /// </summary>
    public static Vector256<byte> Letters(ReadOnlySpan<char> text)
    {
        Span<byte> counts = stackalloc byte[32];
        counts.Clear();
        foreach (var c in text)
        {
            counts[c is >= 'a' and <= 'z' ? c - 'a' : 26 + (c % 6)]++;
        }

        return Vector256.Create<byte>(counts);
    }

    /// <summary>How many letters two texts share by <see cref="Letters"/>: an upper bound of their longest common subsequence.</summary>
    public static int SharedLetters(Vector256<byte> a, Vector256<byte> b)
    {
        var (low, high) = Vector256.Widen(Vector256.Min(a, b));
        return Vector256.Sum(low + high);
    }

    /// <summary>
    /// The highest ratio two texts with these <see cref="Letters"/> can reach, their lengths adding up to
    /// <paramref name="lensum"/>: the letters they share bound their longest common subsequence, hence the ratio.
    /// </summary>
    public static int CeilingByLetters(Vector256<byte> a, Vector256<byte> b, int lensum) => OfCommon(SharedLetters(a, b), lensum);

    /// <summary>Length of the longest common subsequence.</summary>
    public static int CommonSubsequence(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        if (a.Length == 0)
        {
            return 0;
        }

        if (a.Length > 64 || !Ascii(a) || !Ascii(b))
        {
            return CommonSubsequenceSlow(a, b);
        }

        // Hyyro's bit-parallel LCS: bit i of a character's mask says a[i] is that character; V's zero bits count the
        // common subsequence so far.
        // The masks live in a per-thread table that is all zero between calls (only a's letters are set, and reset after).
        var masks = t_masks ??= new ulong[128];
        for (var i = 0; i < a.Length; i++)
        {
            masks[a[i]] |= 1UL << i;
        }

        var v = ulong.MaxValue;
        foreach (var c in b)
        {
            var u = v & masks[c];
            v = (v + u) | (v - u);
        }

        foreach (var c in a)
        {
            masks[c] = 0;
        }

        var used = a.Length == 64 ? ulong.MaxValue : (1UL << a.Length) - 1;
        return BitOperations.PopCount(~v & used);
    }

    private static bool Ascii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 128)
            {
                return false;
            }
        }

        return true;
    }

    private static int CommonSubsequenceSlow(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var row = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : Math.Max(above, row[j - 1]);
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}

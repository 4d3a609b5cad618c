using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Tests.Text;

/// <summary>
/// The router's fast string measures must give exactly what they replace: <see cref="FuzzyRatio"/> is FuzzySharp's
/// <c>Fuzz.Ratio</c>, and <see cref="EditDistance"/> keeps the full-matrix result it had before it went allocation-free.
/// </summary>
public sealed class FuzzyRatioTests
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    [Theory]
    [InlineData("psoas major", "psoas mjaor")]
    [InlineData("iliacus", "illiacus")]
    [InlineData("insertion", "insershun")]
    [InlineData("", "")]
    [InlineData("", "psoas")]
    [InlineData("a", "b")]
    [InlineData("a", "a")]
    [InlineData("ab", "ba")]
    [InlineData("psoas", "psoas")]
    [InlineData("straße ilíacus", "strasse iliacus")]
    public void Equals_FuzzySharp_on_examples(string a, string b)
    {
        Assert.Equal(FuzzySharp.Fuzz.Ratio(a, b), FuzzyRatio.Of(a, b));
        Assert.Equal(FuzzySharp.Fuzz.Ratio(b, a), FuzzyRatio.Of(b, a));
    }

    [Fact]
    public void Equals_FuzzySharp_on_random_and_near_strings_of_every_length_and_never_exceeds_its_ceiling()
    {
        var random = new Random(8);
        for (var n = 0; n < 20_000; n++)
        {
            // Small alphabets make long common subsequences; lengths run past 64 (the bit-parallel limit).
            var alphabet = n % 3 == 0 ? "ab " : n % 3 == 1 ? "abcdeo " : Letters + " 0123456789";
            var a = RandomText(random, random.Next(0, n % 50 == 0 ? 140 : 40), alphabet);
            var b = n % 2 == 0 ? Mutate(random, a) : RandomText(random, random.Next(0, 40), alphabet);
            var expected = FuzzySharp.Fuzz.Ratio(a, b);
            Assert.True(expected == FuzzyRatio.Of(a, b), $"'{a}' vs '{b}': FuzzySharp {expected}, FuzzyRatio {FuzzyRatio.Of(a, b)}");
            Assert.True(FuzzyRatio.Of(a, b) <= FuzzyRatio.Ceiling(a.Length, b.Length), $"'{a}' vs '{b}' above its ceiling");
        }
    }

    [Fact]
    public void Edit_distance_equals_the_full_matrix_on_random_and_near_strings()
    {
        var random = new Random(9);
        for (var n = 0; n < 20_000; n++)
        {
            var alphabet = n % 2 == 0 ? "abc" : Letters;
            var a = RandomText(random, random.Next(0, n % 100 == 0 ? 200 : 14), alphabet);
            var b = n % 2 == 0 ? Mutate(random, a) : RandomText(random, random.Next(0, 14), alphabet);
            Assert.True(FullMatrix(a, b) == EditDistance.Between(a, b), $"'{a}' vs '{b}'");
        }
    }

    [Fact]
    public void Within_one_edit_agrees_with_the_edit_distance_on_random_and_near_strings()
    {
        var random = new Random(10);
        for (var n = 0; n < 20_000; n++)
        {
            var alphabet = n % 2 == 0 ? "ab" : Letters;
            var a = RandomText(random, random.Next(0, 12), alphabet);
            var b = n % 4 == 3 ? RandomText(random, random.Next(0, 12), alphabet) : Mutate(random, a);
            Assert.True((EditDistance.Between(a, b) <= 1) == EditDistance.Within(a, b, 1), $"'{a}' vs '{b}'");
            Assert.True((EditDistance.Between(a, b) <= 2) == EditDistance.Within(a, b, 2), $"'{a}' vs '{b}' (two edits)");
        }
    }

    private static string RandomText(Random random, int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A typo or two: a swap, a dropped letter, an added letter, a changed letter.</summary>
    private static string Mutate(Random random, string text)
    {
        var chars = text.ToList();
        for (var edits = random.Next(0, 3); edits > 0; edits--)
        {
            var at = chars.Count == 0 ? 0 : random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0 when chars.Count >= 2 && at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
                case 1 when chars.Count > 0:
                    chars.RemoveAt(at);
                    break;
                case 2:
                    chars.Insert(at, Letters[random.Next(Letters.Length)]);
                    break;
                default:
                    if (chars.Count > 0)
                    {
                        chars[at] = Letters[random.Next(Letters.Length)];
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }

    /// <summary>The optimal string alignment distance over the whole matrix, as it was computed before.</summary>
    private static int FullMatrix(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// <see cref="PhraseWords"/> lets the router skip fuzzy topic windows that no phrase can match word for word, so it
/// must agree exactly with the plain rule it stands for: some phrase word equals the word, or both have four letters
/// or more and a FuzzySharp ratio of at least the threshold.
/// </summary>
public sealed class PhraseWordsTests
{
    private static readonly string[] Phrases =
    [
        "psoas paradox", "trigger points", "heat and ice", "low back pain", "hip flexor strengthening", "diaphragm",
        "common tendon", "anatomical variations", "x ray", "straße ilíacus", "iliopsoas bursitis", "snapping hip",
    ];

    [Theory]
    [InlineData("paradox", true)]
    [InlineData("paradx", true)]
    [InlineData("triger", true)]
    [InlineData("x", true)]
    [InlineData("ray", true)]
    [InlineData("rays", false)]
    [InlineData("pain", true)]
    [InlineData("pian", false)]
    [InlineData("stabilising", false)]
    [InlineData("kidney", false)]
    [InlineData("abc", false)]
    public void Matches_phrase_words_exactly_or_closely(string word, bool expected) =>
        Assert.Equal(expected, new PhraseWords(Phrases, 80).AnyAligns(word));

    [Fact]
    public void Agrees_with_the_plain_rule_on_random_and_near_words()
    {
        var words = Phrases.SelectMany(p => p.Split(' ')).Distinct().ToArray();
        var random = new Random(11);
        foreach (var threshold in new[] { 60, 80, 90 })
        {
            var index = new PhraseWords(Phrases, threshold);
            for (var n = 0; n < 5_000; n++)
            {
                var word = n % 2 == 0 ? Mutate(random, words[random.Next(words.Length)]) : RandomWord(random);
                var expected = words.Any(p => p == word || (p.Length >= 4 && word.Length >= 4 && FuzzyRatio.Of(p, word) >= threshold));
                Assert.True(expected == index.AnyAligns(word), $"'{word}' at {threshold}: expected {expected}");
            }
        }
    }

    private static string RandomWord(Random random)
    {
        const string letters = "abcdeilmnoprstuxyß0";
        return new string([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => letters[random.Next(letters.Length)])]);
    }

    /// <summary>One to three typos: a changed, dropped, added or swapped letter.</summary>
    private static string Mutate(Random random, string word)
    {
        var chars = word.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = chars.Count == 0 ? 0 : random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0 when chars.Count > 0:
                    chars[at] = (char)('a' + random.Next(26));
                    break;
                case 1 when chars.Count > 0:
                    chars.RemoveAt(at);
                    break;
                case 2 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
                default:
                    chars.Insert(at, (char)('a' + random.Next(26)));
                    break;
            }
        }

        return new string([.. chars]);
    }
}

using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// <see cref="FactIndex.BestFirst.Sort"/> replaces a comparer sort of every scored fact, so it must give the comparer's
/// order exactly: score descending, then the lower passage, with 0.0 and -0.0 equal and NaN last.
/// </summary>
public sealed class BestFirstSortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(200)]
    [InlineData(300)]
    [InlineData(1500)]
    public void Gives_the_comparers_order(int count)
    {
        var random = new Random(count + 5);
        double[] pool = [0.0, -0.0, 0.42, 0.5, -0.1, 1.0, 0.30000000000000004, 0.3];
        for (var trial = 0; trial < 20; trial++)
        {
            var items = new (int Passage, double Score)[count];
            var passages = Enumerable.Range(0, count * 2).OrderBy(_ => random.Next()).ToArray();
            for (var i = 0; i < count; i++)
            {
                // Many ties (a few repeated values) as well as distinct scores.
                var score = random.Next(3) == 0 ? pool[random.Next(pool.Length)] : Math.Round(random.NextDouble(), random.Next(1, 4));
                items[i] = (passages[i], score);
            }

            var expected = items.ToArray();
            Array.Sort(expected, FactIndex.BestFirst.Instance);
            FactIndex.BestFirst.Sort(items);
            Assert.Equal(expected, items);
            Assert.Equal(expected.Select(e => BitConverter.DoubleToInt64Bits(e.Score)), items.Select(e => BitConverter.DoubleToInt64Bits(e.Score)));
        }
    }

    [Fact]
    public void Puts_NaN_last_as_the_comparer_does()
    {
        (int, double)[] items = [(3, double.NaN), (1, 0.5), (2, 0.7)];
        var expected = items.ToArray();
        Array.Sort(expected, FactIndex.BestFirst.Instance);
        FactIndex.BestFirst.Sort(items);
        Assert.Equal(expected, items);
    }
}

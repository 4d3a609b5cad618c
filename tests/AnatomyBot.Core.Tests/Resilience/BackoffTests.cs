using AnatomyBot.Core.Resilience;

namespace AnatomyBot.Core.Tests.Resilience;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(0, 0.0, 0.5)]
    [InlineData(0, 0.999, 0.9995)]
    [InlineData(3, 0.0, 4.0)]
    [InlineData(3, 0.5, 6.0)]
    [InlineData(50, 0.0, 30.0)]
    [InlineData(-4, 0.0, 0.5)]
    public void Doubles_per_attempt_is_capped_and_keeps_at_least_half(int attempt, double jitter, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, Backoff.Exponential(attempt, TimeSpan.FromSeconds(60), jitter).TotalSeconds, precision: 3);

    [Fact]
    public void Delays_is_the_exponential_sequence_with_its_own_jitter_per_step()
    {
        var jitters = new Queue<double>([1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.5, 1.0]);
        var delays = Backoff.Delays(TimeSpan.FromSeconds(30), jitters.Dequeue).Take(8).Select(d => d.TotalSeconds);
        Assert.Equal([1, 1, 4, 8, 16, 30, 22.5, 30], delays);
    }

    [Fact]
    public void Delays_draws_jitter_only_for_the_delays_taken()
    {
        var draws = 0;
        var delays = Backoff.Delays(TimeSpan.FromSeconds(60), () => ++draws * 0.0);
        Assert.Equal(0, draws);
        Assert.Equal(3, delays.Take(3).Count());
        Assert.Equal(3, draws);
    }
}

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
}

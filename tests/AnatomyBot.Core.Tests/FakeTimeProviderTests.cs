using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public void Timer_fires_only_when_the_clock_reaches_it()
    {
        var clock = new FakeTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(3, fired);
    }

    [Fact]
    public async Task Task_delay_completes_when_advanced()
    {
        var clock = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(5));
        await delay.WaitAsync(Wait.Guard);
    }
}

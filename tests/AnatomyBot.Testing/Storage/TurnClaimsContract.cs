using AnatomyBot.Core.Storage;
using Xunit;

namespace AnatomyBot.Testing.Storage;

/// <summary>
/// The contract of <see cref="ITurnClaims"/>: one turn per interval per pace, the next due exactly an interval after the
/// last one taken, paces independent, and one winner among callers racing for a turn. All instants are given, never
/// read from a clock. (That the PostgreSQL turns are shared by replicas is checked with separate provider instances
/// in the PostgreSQL tests; the SQLite provider's turns are this process's by design.)
/// </summary>
public abstract class TurnClaimsContract<TDatabase> : StorageContractBase<TDatabase>
    where TDatabase : IStorageTestDatabase, new()
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private ITurnClaims Turns => Ports.Turns ?? throw new InvalidOperationException("This provider registers no turn claims.");

    [Fact]
    public async Task A_turn_is_taken_once_per_interval_and_the_next_is_due_exactly_an_interval_after_the_last()
    {
        Assert.Null(await Turns.TryTakeTurnAsync("discord-identify/0", T0, Interval, default));
        Assert.Equal(T0 + Interval, await Turns.TryTakeTurnAsync("discord-identify/0", T0, Interval, default));
        Assert.Equal(T0 + Interval, await Turns.TryTakeTurnAsync("discord-identify/0", T0 + Interval - TimeSpan.FromMilliseconds(1), Interval, default));

        Assert.Null(await Turns.TryTakeTurnAsync("discord-identify/0", T0 + Interval, Interval, default));
        Assert.Equal(T0 + (2 * Interval), await Turns.TryTakeTurnAsync("discord-identify/0", T0 + Interval, Interval, default));

        // A turn taken late moves the next one with it: the interval counts from the turn actually taken.
        Assert.Null(await Turns.TryTakeTurnAsync("discord-identify/0", T0 + TimeSpan.FromMinutes(1), Interval, default));
        Assert.Equal(T0 + TimeSpan.FromMinutes(1) + Interval, await Turns.TryTakeTurnAsync("discord-identify/0", T0 + TimeSpan.FromMinutes(1), Interval, default));
    }

    [Fact]
    public async Task Paces_are_independent()
    {
        Assert.Null(await Turns.TryTakeTurnAsync("discord-identify/0", T0, Interval, default));
        Assert.Null(await Turns.TryTakeTurnAsync("discord-identify/1", T0, Interval, default));
        Assert.Null(await Turns.TryTakeTurnAsync("other", T0, TimeSpan.FromMinutes(1), default));
        Assert.Equal(T0 + Interval, await Turns.TryTakeTurnAsync("discord-identify/1", T0, Interval, default));
        Assert.Null(await Turns.TryTakeTurnAsync("discord-identify/1", T0 + Interval, Interval, default));
        Assert.Equal(T0 + TimeSpan.FromMinutes(1), await Turns.TryTakeTurnAsync("other", T0 + Interval, TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public async Task Of_callers_racing_for_one_turn_exactly_one_takes_it_and_the_others_learn_when_the_next_is_due()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Turns.TryTakeTurnAsync("discord-identify/0", T0, Interval, default))));

        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(T0 + Interval, r));
    }
}

using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Core.Study;
using Xunit;

namespace AnatomyBot.Testing.Storage;

/// <summary>Every storage port of one provider, over one database.</summary>
public sealed record StoragePorts(IStorageSchema Schema, IQuizStore Quiz, IDailyQuizStore Daily, IChatStore Chats, IUpdateInbox Inbox)
{
    /// <summary>The study store (/review, /progress, /link); a provider without one fails <see cref="StudyStoreContract{TDatabase}"/>.</summary>
    public IStudyStore? Study { get; init; }

    /// <summary>Turns of a pace (Discord's session starts); a provider without them fails <see cref="TurnClaimsContract{TDatabase}"/>.</summary>
    public ITurnClaims? Turns { get; init; }
}

/// <summary>
/// One provider's test database: how to make an empty one, how to open it again as a restarted process would, and how
/// to delete it. Each provider's test project implements it once.
/// </summary>
public interface IStorageTestDatabase
{
    /// <summary>Creates an empty database for one test and returns its ports (not yet migrated).</summary>
    Task<StoragePorts> CreateAsync();

    /// <summary>New port instances over the same database, as a restarted process would open it.</summary>
    Task<StoragePorts> ReopenAsync();

    /// <summary>Deletes the database.</summary>
    Task DropAsync();
}

/// <summary>
/// The base of the shared storage contract: a provider's test project derives one class per port contract
/// (<see cref="QuizStoreContract{TDatabase}"/>, <see cref="DailyQuizStoreContract{TDatabase}"/>,
/// <see cref="ChatStoreContract{TDatabase}"/>, <see cref="UpdateInboxContract{TDatabase}"/>) with its
/// <see cref="IStorageTestDatabase"/>, e.g. <c>public sealed class SqliteQuiz : QuizStoreContract&lt;SqliteTestDatabase&gt;;</c>.
/// Every test gets a fresh, migrated, real database; nothing is mocked.
/// </summary>
public abstract class StorageContractBase<TDatabase> : IAsyncLifetime
    where TDatabase : IStorageTestDatabase, new()
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly TDatabase _database = new();
    private StoragePorts? _ports;

    /// <summary>The ports over this test's database.</summary>
    protected StoragePorts Ports => _ports ?? throw new InvalidOperationException("InitializeAsync has not run");

    /// <summary>New port instances over the same database, as a restarted process would open it.</summary>
    protected Task<StoragePorts> ReopenStoreAsync() => _database.ReopenAsync();

    public async Task InitializeAsync()
    {
        _ports = await _database.CreateAsync();
        await _ports.Schema.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => _database.DropAsync();
}

/// <summary>The contract of <see cref="IQuizStore"/>.</summary>
public abstract class QuizStoreContract<TDatabase> : StorageContractBase<TDatabase>
    where TDatabase : IStorageTestDatabase, new()
{
    private static readonly ChatKey Group = new("telegram", "-1001");
    private static readonly ChatKey OtherGroup = new("telegram", "-1002");
    private static readonly ChatKey DiscordSameId = new("discord", "-1001");
    private static readonly UserKey Ana = new("telegram", "7");
    private static readonly UserKey Ben = new("telegram", "8");

    private static QuizPost Post(string id, ChatKey chat, string question = "q1", int correct = 1, DateTimeOffset? at = null) =>
        new(id, chat, question, correct, at ?? T0);

    private Task<AnswerOutcome?> AnswerAsync(string postId, UserKey user, int chosen, string name = "Ana") =>
        Ports.Quiz.RecordAnswerAsync(new QuizAnswerRecord(postId, user, name, chosen, T0.AddMinutes(1)), CancellationToken.None);

    [Fact]
    public async Task A_reserved_post_joins_the_round_of_its_own_chat_only_and_a_reset_starts_a_new_round()
    {
        var quiz = Ports.Quiz;
        await quiz.ReservePostAsync(Post("p1", Group, "q1"), default);
        await quiz.ReservePostAsync(Post("p2", Group, "q2"), default);
        await quiz.ReservePostAsync(Post("p3", DiscordSameId, "q3"), default);

        Assert.Equal(["q1", "q2"], (await quiz.GetAskedQuestionsAsync(Group, default)).Order());
        Assert.Equal(["q3"], await quiz.GetAskedQuestionsAsync(DiscordSameId, default));
        Assert.Empty(await quiz.GetAskedQuestionsAsync(OtherGroup, default));

        await quiz.ResetRoundAsync(Group, default);
        Assert.Empty(await quiz.GetAskedQuestionsAsync(Group, default));
        Assert.Equal(["q3"], await quiz.GetAskedQuestionsAsync(DiscordSameId, default));
    }

    [Fact]
    public async Task A_post_is_pending_until_completed_and_is_then_found_by_its_platform_handle()
    {
        var quiz = Ports.Quiz;
        await quiz.ReservePostAsync(Post("p1", Group, "q1", correct: 2), default);
        var pending = await quiz.GetPostAsync("p1", default);
        Assert.Equal(new QuizPost("p1", Group, "q1", 2, T0, null, Pending: true), pending);

        await quiz.CompletePostAsync("p1", "poll-9", T0.AddSeconds(1), default);

        var sent = await quiz.FindPostByExternalIdAsync("telegram", "poll-9", default);
        Assert.Equal(new QuizPost("p1", Group, "q1", 2, T0, "poll-9", Pending: false), sent);
        Assert.Null(await quiz.FindPostByExternalIdAsync("discord", "poll-9", default));
        Assert.Null(await quiz.GetPostAsync("nope", default));

        // A post whose answers carry its own id completes without a handle.
        await quiz.ReservePostAsync(Post("p2", DiscordSameId), default);
        await quiz.CompletePostAsync("p2", null, T0, default);
        Assert.False((await quiz.GetPostAsync("p2", default))!.Pending);
    }

    [Fact]
    public async Task The_first_answer_of_a_user_counts_and_later_ones_return_it()
    {
        var quiz = Ports.Quiz;
        await quiz.ReservePostAsync(Post("p1", Group, correct: 1), default);

        Assert.Equal(new AnswerOutcome(true, 1, true), await AnswerAsync("p1", Ana, 1));
        Assert.Equal(new AnswerOutcome(false, 1, true), await AnswerAsync("p1", Ana, 0));
        Assert.Equal(new AnswerOutcome(true, 0, false), await AnswerAsync("p1", Ben, 0, "Ben"));

        Assert.Equal(new ScoreEntry(Ana, "Ana", 1, 1), await quiz.GetScoreAsync(Group, Ana, default));
        Assert.Equal(new ScoreEntry(Ben, "Ben", 0, 1), await quiz.GetScoreAsync(Group, Ben, default));
        Assert.Null(await quiz.GetScoreAsync(OtherGroup, Ana, default));
    }

    [Fact]
    public async Task An_answer_to_an_unknown_post_or_from_another_platform_is_not_recorded()
    {
        var quiz = Ports.Quiz;
        await quiz.ReservePostAsync(Post("p1", Group), default);
        Assert.Null(await AnswerAsync("missing", Ana, 1));
        Assert.Null(await AnswerAsync("p1", new UserKey("discord", "7"), 1));
        Assert.Empty(await quiz.GetLeaderboardAsync(Group, 10, default));
    }

    [Fact]
    public async Task Concurrent_answers_of_one_user_count_once()
    {
        var quiz = Ports.Quiz;
        await quiz.ReservePostAsync(Post("p1", Group, correct: 1), default);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => AnswerAsync("p1", Ana, 1))));

        Assert.Single(outcomes, o => o!.Counted);
        Assert.Equal(new ScoreEntry(Ana, "Ana", 1, 1), await quiz.GetScoreAsync(Group, Ana, default));
    }

    [Fact]
    public async Task The_leaderboard_ranks_right_answers_then_names_refreshes_names_and_honours_the_limit()
    {
        var quiz = Ports.Quiz;
        for (var i = 0; i < 3; i++)
        {
            await quiz.ReservePostAsync(Post($"p{i}", Group, $"q{i}", correct: 0), default);
        }

        await AnswerAsync("p0", Ana, 0, "Ana");
        await AnswerAsync("p1", Ana, 0, "Ana B.");
        await AnswerAsync("p0", Ben, 0, "Ben");
        await AnswerAsync("p1", Ben, 1, "Ben");
        var cleo = new UserKey("telegram", "9");
        await AnswerAsync("p0", cleo, 1, "Cleo");

        var board = await quiz.GetLeaderboardAsync(Group, 10, default);
        Assert.Equal([("Ana B.", 2, 2), ("Ben", 1, 2), ("Cleo", 0, 1)], board.Select(e => (e.DisplayName, e.Correct, e.Answered)));
        Assert.Equal(2, (await quiz.GetLeaderboardAsync(Group, 2, default)).Count);
        Assert.Empty(await quiz.GetLeaderboardAsync(OtherGroup, 10, default));
    }

    [Fact]
    public async Task An_unknown_handle_binds_to_the_one_pending_post_that_fits_the_user()
    {
        var quiz = Ports.Quiz;
        await quiz.ReservePostAsync(Post("p1", Group, "q1", correct: 1, at: T0), default);

        var bound = await quiz.BindPendingPostAsync("poll-1", Ana, T0.AddHours(-1), default);

        Assert.Equal(new QuizPost("p1", Group, "q1", 1, T0, "poll-1", Pending: false), bound);
        Assert.Equal("p1", (await quiz.FindPostByExternalIdAsync("telegram", "poll-1", default))!.PostId);
        // The late completion keeps the bound handle.
        await quiz.CompletePostAsync("p1", "poll-other", T0, default);
        Assert.Equal("poll-1", (await quiz.GetPostAsync("p1", default))!.ExternalId);
        // Nothing pending is left to bind.
        Assert.Null(await quiz.BindPendingPostAsync("poll-2", Ana, T0.AddHours(-1), default));
    }

    [Fact]
    public async Task Binding_refuses_when_several_posts_fit_or_the_post_is_too_old()
    {
        var quiz = Ports.Quiz;
        await quiz.ReservePostAsync(Post("p1", Group, at: T0), default);
        await quiz.ReservePostAsync(Post("p2", OtherGroup, at: T0), default);
        Assert.Null(await quiz.BindPendingPostAsync("poll-1", Ana, T0.AddHours(-1), default));
        Assert.Null(await quiz.BindPendingPostAsync("poll-1", Ana, T0.AddHours(1), default));

        // Once Ana has answered in Group, only Group's pending post fits her.
        await quiz.ReservePostAsync(Post("p0", Group, "q0"), default);
        await quiz.CompletePostAsync("p0", "poll-0", T0, default);
        await AnswerAsync("p0", Ana, 1);
        var bound = await quiz.BindPendingPostAsync("poll-1", Ana, T0.AddHours(-1), default);
        Assert.Equal("p1", bound!.PostId);
    }

    [Fact]
    public async Task Pending_posts_nobody_answered_are_pruned_after_a_week()
    {
        var quiz = Ports.Quiz;
        await quiz.ReservePostAsync(Post("old", Group, "q1", at: T0), default);
        await quiz.ReservePostAsync(Post("old-answered", Group, "q2", at: T0), default);
        await AnswerAsync("old-answered", Ana, 1);
        await quiz.ReservePostAsync(Post("sent", Group, "q3", at: T0), default);
        await quiz.CompletePostAsync("sent", "poll-3", T0, default);

        await quiz.ReservePostAsync(Post("new", Group, "q4", at: T0.AddDays(8)), default);

        Assert.Null(await quiz.GetPostAsync("old", default));
        Assert.NotNull(await quiz.GetPostAsync("old-answered", default));
        Assert.NotNull(await quiz.GetPostAsync("sent", default));
    }

    [Fact]
    public async Task Posts_answers_and_scores_survive_a_restart()
    {
        await Ports.Quiz.ReservePostAsync(Post("p1", Group, "q1", correct: 1), default);
        await Ports.Quiz.CompletePostAsync("p1", "poll-1", T0, default);
        await AnswerAsync("p1", Ana, 1);

        var reopened = await ReopenStoreAsync();
        await reopened.Schema.MigrateAsync(default);

        Assert.Equal("poll-1", (await reopened.Quiz.GetPostAsync("p1", default))!.ExternalId);
        Assert.Equal(new AnswerOutcome(false, 1, true),
            await reopened.Quiz.RecordAnswerAsync(new QuizAnswerRecord("p1", Ana, "Ana", 0, T0), default));
        Assert.Equal(["q1"], await reopened.Quiz.GetAskedQuestionsAsync(Group, default));
        Assert.Equal(new ScoreEntry(Ana, "Ana", 1, 1), Assert.Single(await reopened.Quiz.GetLeaderboardAsync(Group, 10, default)));
    }

    [Fact]
    public async Task The_post_open_for_typed_answers_is_one_per_chat_replaced_by_the_next_and_survives_a_restart()
    {
        var quiz = Ports.Quiz;
        var dm = new ChatKey("discord", "dm9");
        await quiz.ReservePostAsync(Post("p1", dm, "q1"), default);
        await quiz.OpenTypedAnswersAsync(dm, "p1", T0, default);
        Assert.Equal("p1", (await quiz.GetTypedAnswerPostAsync(dm, default))!.PostId);
        Assert.Null(await quiz.GetTypedAnswerPostAsync(new ChatKey("telegram", "dm9"), default));
        Assert.Null(await quiz.GetTypedAnswerPostAsync(new ChatKey("discord", "dm8"), default));

        await quiz.ReservePostAsync(Post("p2", dm, "q2", correct: 2, at: T0.AddMinutes(1)), default);
        await quiz.OpenTypedAnswersAsync(dm, "p2", T0.AddMinutes(1), default);
        await quiz.CompletePostAsync("p2", null, T0.AddMinutes(1), default);

        var reopened = await ReopenStoreAsync();
        await reopened.Schema.MigrateAsync(default);
        Assert.Equal(new QuizPost("p2", dm, "q2", 2, T0.AddMinutes(1), null, Pending: false), await reopened.Quiz.GetTypedAnswerPostAsync(dm, default));
    }

    [Fact]
    public async Task Closing_typed_answers_closes_the_post_named_only_while_it_is_open_or_whatever_is_open()
    {
        var quiz = Ports.Quiz;
        var dm = new ChatKey("discord", "dm9");
        var channel = new ChatKey("discord", "c1");
        await quiz.ReservePostAsync(Post("p1", dm, "q1"), default);
        await quiz.ReservePostAsync(Post("p2", dm, "q2"), default);
        await quiz.ReservePostAsync(Post("p3", channel, "q3"), default);
        await quiz.OpenTypedAnswersAsync(dm, "p1", T0, default);
        await quiz.OpenTypedAnswersAsync(dm, "p2", T0, default);
        await quiz.OpenTypedAnswersAsync(channel, "p3", T0, default);

        // The older post's failed send does not close the newer one opened since.
        await quiz.CloseTypedAnswersAsync(dm, "p1", default);
        Assert.Equal("p2", (await quiz.GetTypedAnswerPostAsync(dm, default))!.PostId);

        await quiz.CloseTypedAnswersAsync(dm, "p2", default);
        Assert.Null(await quiz.GetTypedAnswerPostAsync(dm, default));
        Assert.Equal("p3", (await quiz.GetTypedAnswerPostAsync(channel, default))!.PostId);

        await quiz.CloseTypedAnswersAsync(channel, null, default);
        Assert.Null(await quiz.GetTypedAnswerPostAsync(channel, default));
        await quiz.CloseTypedAnswersAsync(channel, null, default);
    }

    [Fact]
    public async Task Typed_answers_open_on_a_post_since_pruned_find_nothing()
    {
        var quiz = Ports.Quiz;
        var dm = new ChatKey("discord", "dm9");
        await quiz.ReservePostAsync(Post("never-sent", dm, "q1", at: T0), default);
        await quiz.OpenTypedAnswersAsync(dm, "never-sent", T0, default);

        await quiz.ReservePostAsync(Post("a-week-later", new ChatKey("discord", "c1"), "q2", at: T0.AddDays(8)), default);

        Assert.Null(await quiz.GetPostAsync("never-sent", default));
        Assert.Null(await quiz.GetTypedAnswerPostAsync(dm, default));
    }
}

/// <summary>The contract of <see cref="IDailyQuizStore"/>.</summary>
public abstract class DailyQuizStoreContract<TDatabase> : StorageContractBase<TDatabase>
    where TDatabase : IStorageTestDatabase, new()
{
    private static readonly ChatKey Group = new("telegram", "-1001");
    private static readonly ChatKey Channel = new("discord", "555");

    [Fact]
    public async Task A_subscription_is_saved_changed_and_removed_and_a_change_keeps_the_last_post()
    {
        var daily = Ports.Daily;
        Assert.Null(await daily.GetSubscriptionAsync(Group, default));
        await daily.SaveSubscriptionAsync(Group, new TimeOnly(9, 0), "Europe/Berlin", T0, default);
        Assert.True(await daily.TryClaimDailyPostAsync(Group, null, new DateOnly(2026, 3, 2), T0.AddHours(1), default));

        await daily.SaveSubscriptionAsync(Group, new TimeOnly(18, 30), "UTC", T0.AddHours(2), default);

        Assert.Equal(
            new DailyQuizSubscription(Group, new TimeOnly(18, 30), "UTC", T0.AddHours(2), T0.AddHours(1), new DateOnly(2026, 3, 2)),
            await daily.GetSubscriptionAsync(Group, default));
        Assert.True(await daily.RemoveSubscriptionAsync(Group, default));
        Assert.False(await daily.RemoveSubscriptionAsync(Group, default));
        Assert.Null(await daily.GetSubscriptionAsync(Group, default));
    }

    [Fact]
    public async Task A_day_is_claimed_once_even_by_concurrent_claimers()
    {
        var daily = Ports.Daily;
        await daily.SaveSubscriptionAsync(Group, new TimeOnly(9, 0), "UTC", T0, default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => daily.TryClaimDailyPostAsync(Group, null, new DateOnly(2026, 3, 2), T0.AddSeconds(i), default))));

        Assert.Single(claims, c => c);
        var claimed = (await daily.GetSubscriptionAsync(Group, default))!.LastPostedAt;
        Assert.False(await daily.TryClaimDailyPostAsync(Group, null, new DateOnly(2026, 3, 3), T0.AddDays(1), default));
        Assert.True(await daily.TryClaimDailyPostAsync(Group, claimed, new DateOnly(2026, 3, 3), T0.AddDays(1), default));
        Assert.False(await daily.TryClaimDailyPostAsync(Channel, null, new DateOnly(2026, 3, 3), T0.AddDays(1), default));
    }

    [Fact]
    public async Task Subscriptions_are_listed_per_platform_without_chats_the_bot_left()
    {
        var daily = Ports.Daily;
        var gone = new ChatKey("telegram", "-1003");
        await daily.SaveSubscriptionAsync(Group, new TimeOnly(9, 0), "UTC", T0, default);
        await daily.SaveSubscriptionAsync(gone, new TimeOnly(9, 0), "UTC", T0, default);
        await daily.SaveSubscriptionAsync(Channel, new TimeOnly(10, 0), "UTC", T0, default);
        await Ports.Chats.MarkChatGoneAsync(gone, T0, default);

        Assert.Equal([Group], (await daily.GetSubscriptionsAsync("telegram", default)).Select(s => s.Chat));
        Assert.Equal([Channel], (await daily.GetSubscriptionsAsync("discord", default)).Select(s => s.Chat));
    }
}

/// <summary>The contract of <see cref="IChatStore"/>.</summary>
public abstract class ChatStoreContract<TDatabase> : StorageContractBase<TDatabase>
    where TDatabase : IStorageTestDatabase, new()
{
    [Fact]
    public async Task A_chat_is_gone_until_marked_active_and_platforms_are_separate()
    {
        var chats = Ports.Chats;
        var chat = new ChatKey("telegram", "-5");
        await chats.MarkChatGoneAsync(chat, T0, default);
        await chats.MarkChatGoneAsync(chat, T0.AddHours(1), default);
        Assert.True(await chats.IsChatGoneAsync(chat, default));
        Assert.False(await chats.IsChatGoneAsync(new ChatKey("discord", "-5"), default));
        await chats.MarkChatActiveAsync(chat, default);
        Assert.False(await chats.IsChatGoneAsync(chat, default));
    }

    [Fact]
    public async Task Moving_a_chat_moves_every_row_and_adds_up_scores()
    {
        var from = new ChatKey("telegram", "-1");
        var to = new ChatKey("telegram", "-2");
        var ana = new UserKey("telegram", "7");
        await Ports.Daily.SaveSubscriptionAsync(from, new TimeOnly(9, 0), "UTC", T0, default);
        await Ports.Quiz.ReservePostAsync(new QuizPost("p1", from, "q1", 0, T0), default);
        await Ports.Quiz.ReservePostAsync(new QuizPost("p2", to, "q2", 0, T0), default);
        await Ports.Quiz.RecordAnswerAsync(new QuizAnswerRecord("p1", ana, "Ana", 0, T0), default);
        await Ports.Quiz.RecordAnswerAsync(new QuizAnswerRecord("p2", ana, "Ana", 1, T0), default);
        await Ports.Quiz.OpenTypedAnswersAsync(from, "p1", T0, default);
        await Ports.Chats.MarkChatGoneAsync(from, T0, default);

        await Ports.Chats.MoveChatAsync(from, to, default);

        Assert.Null(await Ports.Daily.GetSubscriptionAsync(from, default));
        Assert.Equal(new TimeOnly(9, 0), (await Ports.Daily.GetSubscriptionAsync(to, default))!.Time);
        Assert.Equal(to, (await Ports.Quiz.GetPostAsync("p1", default))!.Chat);
        Assert.Equal(["q1", "q2"], (await Ports.Quiz.GetAskedQuestionsAsync(to, default)).Order());
        Assert.Empty(await Ports.Quiz.GetLeaderboardAsync(from, 10, default));
        Assert.Equal(new ScoreEntry(ana, "Ana", 1, 2), Assert.Single(await Ports.Quiz.GetLeaderboardAsync(to, 10, default)));
        Assert.Null(await Ports.Quiz.GetTypedAnswerPostAsync(from, default));
        Assert.Equal("p1", (await Ports.Quiz.GetTypedAnswerPostAsync(to, default))!.PostId);
        Assert.False(await Ports.Chats.IsChatGoneAsync(to, default));
    }
}

/// <summary>The contract of <see cref="IUpdateInbox"/>.</summary>
public abstract class UpdateInboxContract<TDatabase> : StorageContractBase<TDatabase>
    where TDatabase : IStorageTestDatabase, new()
{
    private const string Stream = "telegram";

    [Fact]
    public async Task The_offset_is_kept_per_stream()
    {
        var inbox = Ports.Inbox;
        Assert.Null(await inbox.GetOffsetAsync(Stream, default));
        await inbox.SetOffsetAsync(Stream, 42, default);
        await inbox.SetOffsetAsync(Stream, 43, default);
        Assert.Equal(43, await inbox.GetOffsetAsync(Stream, default));
        Assert.Null(await inbox.GetOffsetAsync("other", default));

        var reopened = await ReopenStoreAsync();
        Assert.Equal(43, await reopened.Inbox.GetOffsetAsync(Stream, default));
    }

    [Fact]
    public async Task An_update_is_stored_once_handed_out_in_order_and_never_again_once_handled()
    {
        var inbox = Ports.Inbox;
        Assert.True(await inbox.EnqueueAsync(Stream, 2, "{\"update_id\":2}", T0, default));
        Assert.True(await inbox.EnqueueAsync(Stream, 1, "{\"update_id\":1}", T0, default));
        Assert.False(await inbox.EnqueueAsync(Stream, 2, "{}", T0, default));
        Assert.True(await inbox.EnqueueAsync("other", 2, "{}", T0, default));

        Assert.Equal([new InboxUpdate(1, "{\"update_id\":1}"), new InboxUpdate(2, "{\"update_id\":2}")], await inbox.GetPendingAsync(Stream, 10, default));
        Assert.Equal([1L], (await inbox.GetPendingAsync(Stream, 1, default)).Select(u => u.UpdateId));
        Assert.Equal(2, await inbox.CountPendingAsync(Stream, default));

        await inbox.CompleteAsync(Stream, 1, T0, default);

        Assert.True(await inbox.IsHandledAsync(Stream, 1, default));
        Assert.False(await inbox.IsHandledAsync("other", 1, default));
        Assert.False(await inbox.EnqueueAsync(Stream, 1, "{}", T0, default));
        Assert.Equal([2L], (await inbox.GetPendingAsync(Stream, 10, default)).Select(u => u.UpdateId));
        Assert.Equal(1, await inbox.CountPendingAsync(Stream, default));
    }

    [Fact]
    public async Task Records_of_handled_updates_are_pruned_after_two_days()
    {
        var inbox = Ports.Inbox;
        await inbox.CompleteAsync(Stream, 1, T0, default);
        await inbox.CompleteAsync(Stream, 2, T0.AddDays(3), default);
        Assert.False(await inbox.IsHandledAsync(Stream, 1, default));
        Assert.True(await inbox.IsHandledAsync(Stream, 2, default));
    }
}

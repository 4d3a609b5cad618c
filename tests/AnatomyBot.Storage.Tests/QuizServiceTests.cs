using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Testing;

namespace AnatomyBot.Storage.Tests;

/// <summary>The one quiz service over the real SQLite store, on a fake clock and a seeded random source.</summary>
public sealed class QuizServiceTests : IDisposable
{
    private static readonly ChatKey Chat = new("telegram", "-1001");
    private static readonly UserKey Ana = new("telegram", "7");

    private readonly SqliteTestDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly Bank _knowledge = new(3);

    private QuizService NewService(int seed = 1) => new(_knowledge, _db.Open().Quiz, _clock, new Random(seed));

    [Fact]
    public async Task No_question_repeats_in_a_chat_until_the_bank_is_done_then_a_new_round_starts()
    {
        using var quizzes = NewService();
        var asked = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var start = await quizzes.StartAsync(Chat, default);
            Assert.True(start.IsReady);
            asked.Add(start.Question.Id);
        }

        foreach (var round in asked.Chunk(3))
        {
            Assert.Equal(["q1", "q2", "q3"], round.Order());
        }

        // Another chat has its own round.
        var other = await quizzes.StartAsync(new ChatKey("discord", "-1001"), default);
        Assert.True(other.IsReady);
    }

    [Fact]
    public async Task The_round_is_kept_across_a_restart()
    {
        string first;
        using (var before = NewService(seed: 1))
        {
            first = (await before.StartAsync(Chat, default)).Question!.Id;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var after = NewService(seed: 1);
        var next = new[] { (await after.StartAsync(Chat, default)).Question!.Id, (await after.StartAsync(Chat, default)).Question!.Id };
        Assert.DoesNotContain(first, next);
    }

    [Fact]
    public async Task An_empty_bank_is_its_own_outcome_and_reserves_nothing()
    {
        _knowledge.Current = _knowledge.Current with { Quiz = [] };
        using var quizzes = NewService();

        var start = await quizzes.StartAsync(Chat, default);

        Assert.Same(QuizStart.EmptyBank, start);
        Assert.False(start.IsReady);
        Assert.Empty(await _db.Open().Quiz.GetAskedQuestionsAsync(Chat, default));
    }

    [Fact]
    public async Task An_answer_is_graded_once_per_user_and_post_and_scored_in_the_chat()
    {
        using var quizzes = NewService();
        var post = (await quizzes.StartAsync(Chat, default)).Post!;

        var first = await quizzes.AnswerAsync(post, Ana, "Ana", 0, default);
        var second = await quizzes.AnswerAsync(post, Ana, "Ana", 2, default);
        var invalid = await quizzes.AnswerAsync(post, new UserKey("telegram", "8"), "Ben", 7, default);

        Assert.Equal((QuizGradeStatus.Counted, 0, true), (first.Status, first.ChosenIndex, first.Correct));
        Assert.Equal(new ScoreEntry(Ana, "Ana", 1, 1), first.Score);
        Assert.Equal((QuizGradeStatus.AlreadyAnswered, 0, true), (second.Status, second.ChosenIndex, second.Correct));
        Assert.Equal(new ScoreEntry(Ana, "Ana", 1, 1), second.Score);
        Assert.Equal(QuizGradeStatus.InvalidChoice, invalid.Status);
        Assert.Equal([new ScoreEntry(Ana, "Ana", 1, 1)], await quizzes.LeaderboardAsync(Chat, 10, default));
    }

    [Fact]
    public async Task The_correct_option_is_stored_as_the_platform_shows_it()
    {
        using var quizzes = NewService();
        var start = await quizzes.StartAsync(Chat, q => q.CorrectIndex + 1, default);

        Assert.Equal(1, start.Post!.CorrectIndex);
        Assert.False((await quizzes.AnswerAsync(start.Post, Ana, "Ana", 0, default)).Correct);
    }

    [Fact]
    public async Task An_unknown_handle_binds_to_a_lost_post_only_within_a_day()
    {
        using var quizzes = NewService();
        var post = (await quizzes.StartAsync(Chat, default)).Post!;
        _clock.Advance(QuizService.PendingBindWindow + TimeSpan.FromMinutes(1));
        Assert.Null(await quizzes.FindPostAsync("poll-late", Ana, default));

        var recent = (await quizzes.StartAsync(Chat, default)).Post!;
        var found = await quizzes.FindPostAsync("poll-1", Ana, default);
        Assert.Equal(recent.PostId, found!.PostId);
        Assert.NotEqual(post.PostId, found.PostId);
        Assert.Equal(recent.PostId, (await quizzes.FindPostAsync("poll-1", Ana, default))!.PostId);
    }

    [Fact]
    public async Task A_scoped_quiz_draws_only_from_its_scope_and_counts_in_the_chats_round()
    {
        _knowledge.Current = new Bank(6).Current;
        using var quizzes = NewService();
        ImmutableArray<string> scope = ["q2", "q4", "q5"];

        var scoped = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            scoped.Add((await quizzes.StartAsync(Chat, scope, null, default)).Question!.Id);
        }

        // No repeat inside the scope until it is seen; then any of the scope again, never a question outside it.
        Assert.Equal(["q2", "q4", "q5"], scoped.Order());
        Assert.Contains((await quizzes.StartAsync(Chat, scope, null, default)).Question!.Id, scope);

        // The scoped questions were asked in the chat's round: unscoped draws bring the rest of the bank first.
        var rest = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            rest.Add((await quizzes.StartAsync(Chat, default)).Question!.Id);
        }

        Assert.Equal(["q1", "q3", "q6"], rest.Order());
    }

    [Fact]
    public async Task A_scope_the_bank_no_longer_holds_draws_from_the_whole_bank()
    {
        using var quizzes = NewService();

        // A reload removed the questions the request was scoped to: the quiz still comes, from the bank.
        var start = await quizzes.StartAsync(Chat, ["gone-1", "gone-2"], null, default);

        Assert.True(start.IsReady);
        Assert.StartsWith("q", start.Question.Id, StringComparison.Ordinal);
    }

    public void Dispose() => _db.Drop();

    private sealed class Bank(int questions) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current { get; set; } = new(
            [new Source("mom", "Muscle of the Month", "blog")],
            [],
            [],
            Enumerable.Range(1, questions).Select(i => new QuizQuestion(
                $"q{i}", $"Question {i}?", ["A", "B", "C"], 0, "Because.", ["mom"])).ToImmutableArray(),
            new SafetyRules("Not medical advice.", "Seek care now.", "I can't diagnose.", [], []),
            "test-1",
            DateTimeOffset.UnixEpoch);
    }
}

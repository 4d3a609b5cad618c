using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Core.Study;
using Xunit;

namespace AnatomyBot.Testing.Storage;

/// <summary>The contract of <see cref="IStudyStore"/>: records, answers and cards, link codes, unlink, forget.</summary>
public abstract class StudyStoreContract<TDatabase> : StorageContractBase<TDatabase>
    where TDatabase : IStorageTestDatabase, new()
{
    protected static readonly UserKey TelegramAna = new("telegram", "7");
    protected static readonly UserKey DiscordAna = new("discord", "900000000000000007");
    protected static readonly UserKey TelegramBen = new("telegram", "8");
    private static readonly DateOnly Day0 = DateOnly.FromDateTime(T0.UtcDateTime);

    protected IStudyStore Study => Ports.Study ?? throw new InvalidOperationException("this provider has no study store (StoragePorts.Study)");

    protected Task<ReviewCard> AnswerAsync(string studentId, string question, bool correct, int day = 0) =>
        Study.RecordAnswerAsync(studentId, new StudyAnswer(question, "anatomy", correct, T0.AddDays(day)),
            card => Sm2Scheduler.Answer(card, question, correct, Day0.AddDays(day)), default);

    protected Task SaveCodeAsync(string hash, Student student, UserKey issuer, TimeSpan? lifetime = null) =>
        Study.SaveLinkCodeAsync(new LinkCodeRecord(hash, student.StudentId, issuer, T0, T0 + (lifetime ?? TimeSpan.FromMinutes(10))), default);

    [Fact]
    public async Task A_record_is_created_once_per_account_and_keeps_its_time_zone()
    {
        Assert.Null(await Study.FindStudentAsync(TelegramAna, default));
        var first = await Study.GetOrCreateStudentAsync(TelegramAna, T0, default);
        var again = await Study.GetOrCreateStudentAsync(TelegramAna, T0.AddHours(1), default);
        Assert.Equal(first.StudentId, again.StudentId);
        Assert.NotEqual(first.StudentId, (await Study.GetOrCreateStudentAsync(DiscordAna, T0, default)).StudentId);

        await Study.SetTimeZoneAsync(first.StudentId, "Europe/Berlin", default);
        Assert.Equal("Europe/Berlin", (await Study.FindStudentAsync(TelegramAna, default))!.TimeZoneId);
        Assert.Equal([TelegramAna], await Study.GetAccountsAsync(first.StudentId, default));
    }

    [Fact]
    public async Task Answers_update_the_card_and_are_kept_across_a_restart()
    {
        var ana = await Study.GetOrCreateStudentAsync(TelegramAna, T0, default);
        await AnswerAsync(ana.StudentId, "q1", correct: true);
        var card = await AnswerAsync(ana.StudentId, "q1", correct: true, day: 1);
        Assert.Equal(6, card.IntervalDays);

        var reopened = (await ReopenStoreAsync()).Study!;
        Assert.Equal(card, Assert.Single(await reopened.GetCardsAsync(ana.StudentId, default)));
        var answers = await reopened.GetAnswersAsync(ana.StudentId, default);
        Assert.Equal([T0, T0.AddDays(1)], answers.Select(a => a.At));
        Assert.All(answers, a => Assert.True(a.Correct));
    }

    [Fact]
    public async Task Answers_given_at_once_are_all_counted()
    {
        var ana = await Study.GetOrCreateStudentAsync(TelegramAna, T0, default);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => AnswerAsync(ana.StudentId, "q1", correct: i % 2 == 0))));
        var card = Assert.Single(await Study.GetCardsAsync(ana.StudentId, default));
        Assert.Equal((8, 4), (card.Answered, card.Correct));
        Assert.Equal(8, (await Study.GetAnswersAsync(ana.StudentId, default)).Count);
    }

    [Fact]
    public async Task A_link_code_links_once_merges_the_history_and_then_is_spent()
    {
        var telegram = await Study.GetOrCreateStudentAsync(TelegramAna, T0, default);
        var discord = await Study.GetOrCreateStudentAsync(DiscordAna, T0, default);
        await AnswerAsync(telegram.StudentId, "q1", correct: true);
        await AnswerAsync(telegram.StudentId, "q2", correct: true);
        await AnswerAsync(discord.StudentId, "q2", correct: false, day: 1);
        await AnswerAsync(discord.StudentId, "q3", correct: true);
        await SaveCodeAsync("hash-1", telegram, TelegramAna);
        Assert.Equal(1, await Study.CountLinkCodesAsync(TelegramAna, T0, default));
        Assert.Equal(0, await Study.CountLinkCodesAsync(TelegramAna, T0.AddSeconds(1), default));

        Assert.Equal(LinkRedeemStatus.Linked, await Study.RedeemLinkCodeAsync("hash-1", DiscordAna, T0.AddMinutes(1), default));
        Assert.Equal(LinkRedeemStatus.Invalid, await Study.RedeemLinkCodeAsync("hash-1", DiscordAna, T0.AddMinutes(2), default));

        var shared = await Study.FindStudentAsync(DiscordAna, default);
        Assert.Equal(telegram.StudentId, shared!.StudentId);
        Assert.Equal([DiscordAna, TelegramAna], await Study.GetAccountsAsync(telegram.StudentId, default));
        var cards = (await Study.GetCardsAsync(telegram.StudentId, default)).ToDictionary(c => c.QuestionId);
        Assert.Equal(["q1", "q2", "q3"], cards.Keys.Order());
        // q2 on both: the later answer (Discord's miss) decides the schedule, both answers count.
        Assert.True(cards["q2"].LastMissed);
        Assert.Equal((2, 1), (cards["q2"].Answered, cards["q2"].Correct));
        Assert.Equal(4, (await Study.GetAnswersAsync(telegram.StudentId, default)).Count);
        Assert.Empty(await Study.GetCardsAsync(discord.StudentId, default));
    }

    [Fact]
    public async Task Expired_unknown_and_same_platform_codes_do_not_link()
    {
        var ana = await Study.GetOrCreateStudentAsync(TelegramAna, T0, default);
        await SaveCodeAsync("short", ana, TelegramAna, TimeSpan.FromMinutes(10));
        Assert.Equal(LinkRedeemStatus.Invalid, await Study.RedeemLinkCodeAsync("short", DiscordAna, T0.AddMinutes(10), default));
        Assert.Equal(LinkRedeemStatus.Invalid, await Study.RedeemLinkCodeAsync("never-issued", DiscordAna, T0, default));

        await SaveCodeAsync("own", ana, TelegramAna);
        Assert.Equal(LinkRedeemStatus.AlreadyLinked, await Study.RedeemLinkCodeAsync("own", TelegramAna, T0, default));

        await SaveCodeAsync("second-telegram", ana, TelegramAna);
        Assert.Equal(LinkRedeemStatus.PlatformTaken, await Study.RedeemLinkCodeAsync("second-telegram", TelegramBen, T0, default));
        Assert.Null(await Study.FindStudentAsync(DiscordAna, default));
        Assert.Null(await Study.FindStudentAsync(TelegramBen, default));
    }

    [Fact]
    public async Task Unlinking_gives_the_account_its_own_copy_of_the_history()
    {
        var ana = await Study.GetOrCreateStudentAsync(TelegramAna, T0, default);
        await AnswerAsync(ana.StudentId, "q1", correct: false);
        Assert.False(await Study.UnlinkAsync(TelegramAna, T0, default));
        await SaveCodeAsync("link", ana, TelegramAna);
        await Study.RedeemLinkCodeAsync("link", DiscordAna, T0, default);

        Assert.True(await Study.UnlinkAsync(DiscordAna, T0.AddHours(1), default));
        var own = await Study.FindStudentAsync(DiscordAna, default);
        Assert.NotEqual(ana.StudentId, own!.StudentId);
        Assert.Equal([DiscordAna], await Study.GetAccountsAsync(own.StudentId, default));
        Assert.Equal([TelegramAna], await Study.GetAccountsAsync(ana.StudentId, default));
        Assert.Equal(await Study.GetCardsAsync(ana.StudentId, default), await Study.GetCardsAsync(own.StudentId, default));

        // From now on they are separate.
        await AnswerAsync(own.StudentId, "q2", correct: true);
        Assert.Single(await Study.GetCardsAsync(ana.StudentId, default));
    }

    [Fact]
    public async Task Forgetting_deletes_the_record_every_linked_account_and_their_quiz_rows_and_says_what()
    {
        var ana = await Study.GetOrCreateStudentAsync(TelegramAna, T0, default);
        await AnswerAsync(ana.StudentId, "q1", correct: true);
        await SaveCodeAsync("link", ana, TelegramAna);
        await Study.RedeemLinkCodeAsync("link", DiscordAna, T0, default);
        var group = new ChatKey("telegram", "-1001");
        var privateChat = new ChatKey("telegram", TelegramAna.Id);
        var discordChannel = new ChatKey("discord", "123");
        await Ports.Quiz.ReservePostAsync(new QuizPost("p1", group, "q1", 0, T0), default);
        await Ports.Quiz.ReservePostAsync(new QuizPost("p2", privateChat, "q1", 0, T0), default);
        await Ports.Quiz.ReservePostAsync(new QuizPost("p3", discordChannel, "q1", 0, T0), default);
        await Ports.Quiz.RecordAnswerAsync(new QuizAnswerRecord("p1", TelegramAna, "Ana", 0, T0), default);
        await Ports.Quiz.RecordAnswerAsync(new QuizAnswerRecord("p1", TelegramBen, "Ben", 0, T0), default);
        await Ports.Quiz.RecordAnswerAsync(new QuizAnswerRecord("p2", TelegramAna, "Ana", 0, T0), default);
        await Ports.Quiz.RecordAnswerAsync(new QuizAnswerRecord("p3", DiscordAna, "Ana", 0, T0), default);
        await Ports.Daily.SaveSubscriptionAsync(privateChat, new TimeOnly(8, 0), "UTC", T0, default);

        var report = await Study.ForgetAsync(DiscordAna, default);

        Assert.Equal([DiscordAna, TelegramAna], report.Accounts.OrderBy(a => a.Platform));
        Assert.True(report.Total >= 10, string.Join(", ", report.Rows));
        Assert.Contains(report.Rows, r => r.What == "leaderboard scores" && r.Rows == 3);
        Assert.Null(await Study.FindStudentAsync(TelegramAna, default));
        Assert.Null(await Study.FindStudentAsync(DiscordAna, default));
        Assert.Empty(await Study.GetCardsAsync(ana.StudentId, default));
        Assert.Null(await Ports.Quiz.GetScoreAsync(group, TelegramAna, default));
        Assert.Null(await Ports.Quiz.GetScoreAsync(discordChannel, DiscordAna, default));
        Assert.Null(await Ports.Daily.GetSubscriptionAsync(privateChat, default));
        // Other students keep theirs.
        Assert.NotNull(await Ports.Quiz.GetScoreAsync(group, TelegramBen, default));

        var again = await Study.ForgetAsync(TelegramAna, default);
        Assert.Equal(0, again.Total);
    }
}

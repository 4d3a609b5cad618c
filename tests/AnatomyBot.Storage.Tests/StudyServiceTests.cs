using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Core.Study;
using AnatomyBot.Storage.Sqlite;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Storage;

namespace AnatomyBot.Storage.Tests;

/// <summary>The study service over the real SQLite store, on a fake clock.</summary>
public sealed class StudyServiceTests : IDisposable
{
    private static readonly UserKey TelegramAna = new("telegram", "7");
    private static readonly UserKey DiscordAna = new("discord", "900000000000000007");
    private static readonly UserKey DiscordEve = new("discord", "900000000000000666");

    private readonly SqliteTestDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly StudyBank _knowledge = new();

    public void Dispose() => _db.Drop();

    private StudyService NewService(StudyOptions? options = null) =>
        new(_knowledge, _db.Open().Study!, _clock, options ?? new StudyOptions(), s => new RereadFinder(new TitleEngine(), s));

    [Fact]
    public async Task Answers_on_two_linked_platforms_make_one_queue_and_one_progress()
    {
        var study = NewService();
        await study.RecordAnswerAsync(TelegramAna, _knowledge.Q("a1"), correct: true, default);
        await study.RecordAnswerAsync(TelegramAna, _knowledge.Q("f1"), correct: false, default);
        var code = await study.IssueLinkCodeAsync(TelegramAna, default);
        Assert.Equal(LinkOutcome.Linked, await study.RedeemLinkCodeAsync(DiscordAna, code.Code!.ToLowerInvariant().Insert(4, "-"), default));
        await study.RecordAnswerAsync(DiscordAna, _knowledge.Q("c1"), correct: false, default);

        _clock.Advance(TimeSpan.FromDays(1));
        var onTelegram = await study.NextReviewAsync(TelegramAna, default);
        var onDiscord = await study.NextReviewAsync(DiscordAna, default);
        Assert.Equal(onTelegram, onDiscord);
        Assert.Equal((2, 1), (onTelegram.Missed, onTelegram.Due));
        Assert.Contains(onTelegram.Item!.Id, new[] { "f1", "c1" });

        var progress = await study.ProgressAsync(DiscordAna, default);
        var same = await study.ProgressAsync(TelegramAna, default);
        Assert.Equal((progress.Answered, progress.Correct, progress.StreakDays, progress.ReviewsDueToday), (same.Answered, same.Correct, same.StreakDays, same.ReviewsDueToday));
        Assert.Equal(progress.Areas.ToArray(), same.Areas.ToArray());
        Assert.Equal(progress.Weakest.Select(w => w.Reread.Title), same.Weakest.Select(w => w.Reread.Title));
        Assert.Equal((3, 1, 3), (progress.Answered, progress.Correct, progress.ReviewsDueToday));
        Assert.Equal([("anatomy", 1, 1), ("function", 1, 0), ("clinical", 1, 0)], progress.Areas.Select(a => (a.Area, a.Answered, a.Correct)));
    }

    [Fact]
    public async Task With_nothing_due_review_offers_a_new_question_then_says_when_the_next_is_due()
    {
        _knowledge.Current = _knowledge.Current with { Quiz = [_knowledge.Q("a1")] };
        var study = NewService();
        var first = await study.NextReviewAsync(TelegramAna, default);
        Assert.True(first.IsNew);
        Assert.Equal("a1", first.Item!.Id);

        await study.RecordAnswerAsync(TelegramAna, first.Item, correct: true, default);
        var none = await study.NextReviewAsync(TelegramAna, default);
        Assert.Null(none.Item);
        Assert.Equal(new DateOnly(2026, 3, 3), none.NextDueOn);
    }

    [Fact]
    public async Task Days_are_the_students_own_local_days()
    {
        var study = NewService(new StudyOptions { DefaultTimeZone = "UTC" });
        Assert.False(await study.SetTimeZoneAsync(TelegramAna, "Mars/Olympus_Mons", default));
        Assert.True(await study.SetTimeZoneAsync(TelegramAna, "Pacific/Auckland", default));

        // 08:00 UTC on 2 March is 21:00 in Auckland: the answer belongs to 2 March there; due on the 3rd, which in
        // Auckland starts at 11:00 UTC on the 2nd.
        var card = await study.RecordAnswerAsync(TelegramAna, _knowledge.Q("a1"), correct: false, default);
        Assert.Equal(new DateOnly(2026, 3, 3), card.DueOn);
        _clock.Advance(TimeSpan.FromHours(2.9));
        Assert.Null((await study.NextReviewAsync(TelegramAna, default)).Item is { Id: "a1" } ? "due" : null);
        _clock.Advance(TimeSpan.FromHours(0.2));
        Assert.Equal(1, (await study.NextReviewAsync(TelegramAna, default)).Missed);
    }

    [Fact]
    public async Task Link_codes_expire_are_single_use_and_rate_limited()
    {
        var study = NewService(new StudyOptions { LinkCodeLifetime = TimeSpan.FromMinutes(10), LinkCodesPerHour = 3, LinkFailuresPerWindow = 5 });
        var expired = await study.IssueLinkCodeAsync(TelegramAna, default);
        Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", expired.Code);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(10), expired.ExpiresAt);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(LinkOutcome.Invalid, await study.RedeemLinkCodeAsync(DiscordAna, expired.Code!, default));

        var used = await study.IssueLinkCodeAsync(TelegramAna, default);
        Assert.Equal(LinkOutcome.Linked, await study.RedeemLinkCodeAsync(DiscordAna, used.Code!, default));
        Assert.Equal(LinkOutcome.Invalid, await study.RedeemLinkCodeAsync(DiscordEve, used.Code!, default));

        // Three codes an hour per account.
        Assert.False((await study.IssueLinkCodeAsync(TelegramAna, default)).IsRateLimited);
        var limited = await study.IssueLinkCodeAsync(TelegramAna, default);
        Assert.True(limited.IsRateLimited);
        _clock.Advance(TimeSpan.FromMinutes(51));
        Assert.False((await study.IssueLinkCodeAsync(TelegramAna, default)).IsRateLimited);

        // Guessing: after five wrong codes in 15 minutes even a right one is refused until the window passes.
        var good = await study.IssueLinkCodeAsync(new UserKey("telegram", "42"), default);
        var later = new UserKey("telegram", "43");
        Assert.Equal(LinkOutcome.Malformed, await study.RedeemLinkCodeAsync(DiscordEve, "not a code!", default));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(LinkOutcome.Invalid, await study.RedeemLinkCodeAsync(DiscordEve, "ABCDEFG" + "23456789"[i], default));
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(LinkOutcome.Invalid, await study.RedeemLinkCodeAsync(DiscordEve, "ZZZZZZZZ", default));
        Assert.Equal(LinkOutcome.RateLimited, await study.RedeemLinkCodeAsync(DiscordEve, good.Code!, default));
        _clock.Advance(StudyService.FailureWindow - TimeSpan.FromMinutes(1));
        var fresh = await study.IssueLinkCodeAsync(later, default);
        Assert.Equal(LinkOutcome.Linked, await study.RedeemLinkCodeAsync(DiscordEve, fresh.Code!, default));
    }

    [Fact]
    public async Task Codes_are_stored_only_as_hashes()
    {
        var study = NewService();
        var code = (await study.IssueLinkCodeAsync(TelegramAna, default)).Code!;
        var dump = await DumpAsync();
        Assert.DoesNotContain(code, dump, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(StudyService.HashCode(code), dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgetting_leaves_no_row_about_the_student_in_any_table()
    {
        var study = NewService();
        var ports = _db.Open();
        using var quiz = new QuizService(_knowledge, ports.Quiz, _clock, new Random(1), new StudyQuizListener(study));
        await study.RecordAnswerAsync(TelegramAna, _knowledge.Q("a1"), correct: true, default);
        await study.SetTimeZoneAsync(TelegramAna, "Europe/Berlin", default);
        var code = await study.IssueLinkCodeAsync(TelegramAna, default);
        await study.RedeemLinkCodeAsync(DiscordAna, code.Code!, default);
        await study.IssueLinkCodeAsync(DiscordAna, default);
        foreach (var (chat, user) in new[] { (new ChatKey("telegram", "-1001"), TelegramAna), (new ChatKey("telegram", TelegramAna.Id), TelegramAna), (new ChatKey("discord", "5555"), DiscordAna) })
        {
            var start = await quiz.StartAsync(chat, default);
            await quiz.CompleteAsync(start.Post!, "ext-" + chat.Id, default);
            Assert.Equal(QuizGradeStatus.Counted, (await quiz.AnswerAsync(start.Post!, user, "Ana Example", 0, default)).Status);
        }

        await study.RecordAnswerAsync(DiscordEve, _knowledge.Q("a1"), correct: true, default);
        var before = await DumpAsync();
        Assert.Contains("Ana Example", before, StringComparison.Ordinal);

        var report = await study.ForgetAsync(TelegramAna, default);

        var after = await DumpAsync();
        var fields = after.Split('\n').SelectMany(line => line.Split('|').Skip(1)).ToList();
        Assert.DoesNotContain(TelegramAna.Id, fields);
        Assert.DoesNotContain(DiscordAna.Id, fields);
        Assert.DoesNotContain(fields, f => f.Contains("Ana Example", StringComparison.Ordinal) || f.Contains("Europe/Berlin", StringComparison.Ordinal));
        // The quiz posts of Ana's private chat are gone too; the group's post stays (it is the group's, not hers).
        Assert.Contains("ext--1001", fields);
        Assert.DoesNotContain("ext-" + TelegramAna.Id, fields);

        Assert.Contains(DiscordEve.Id, after, StringComparison.Ordinal);
        Assert.Equal(2, report.Accounts.Count);
        Assert.Contains(report.Rows, r => r.What == "review schedule (one row per question)" && r.Rows >= 1);
        Assert.Contains(report.Rows, r => r.What == "answers in your study history" && r.Rows == 4);
        Assert.Contains(report.Rows, r => r.What == "leaderboard scores" && r.Rows == 3);
    }

    [Fact]
    public async Task Study_commands_answer_privately_and_send_a_group_to_a_private_chat()
    {
        var chart = new RecordingChart();
        var commands = new StudyCommands(NewService(), chart);
        await NewService().RecordAnswerAsync(TelegramAna, _knowledge.Q("f1"), correct: false, default);
        _clock.Advance(TimeSpan.FromDays(1));

        var inGroup = await commands.HandleAsync(new ReviewRequest(), TelegramAna, StudyVenue.Group, default);
        Assert.Null(inGroup.Question);
        Assert.Contains("open a private chat", inGroup.Text, StringComparison.Ordinal);
        var progressInGroup = await commands.HandleAsync(new ProgressRequest(), TelegramAna, StudyVenue.Group, default);
        Assert.Null(progressInGroup.ChartPng);
        Assert.Contains("open a private chat with me and send /progress", progressInGroup.Text, StringComparison.Ordinal);
        Assert.Empty(chart.Reports);

        // Ephemeral on Discord counts as private: the missed question comes back.
        var review = await commands.HandleAsync(new ReviewRequest(), TelegramAna, StudyVenue.PrivateReplyInGroup, default);
        Assert.Equal("f1", review.Question?.Id);
        Assert.Equal(StudyText.ReviewHeader(new ReviewNext(review.Question, false, 1, 0, null)), review.Text);

        var progress = await commands.HandleAsync(new ProgressRequest(), TelegramAna, StudyVenue.Private, default);
        Assert.Equal(StudyCommands.ProgressTitle, progress.Title);
        Assert.Contains("Answered: 1, right: 0 (0%).", progress.Lines);
        Assert.Equal(RecordingChart.Png, progress.ChartPng);
        Assert.Equal(1, Assert.Single(chart.Reports).Answered);
    }

    [Fact]
    public async Task Study_commands_set_a_zone_link_unlink_and_forget()
    {
        var commands = new StudyCommands(NewService(), new RecordingChart());
        Assert.Equal(StudyText.ZoneUnknown, (await commands.HandleAsync(ReviewRequest.Parse("zone Mars/Base"), TelegramAna, StudyVenue.Group, default)).Text);
        Assert.Equal(StudyText.ZoneSet("Europe/Berlin"), (await commands.HandleAsync(ReviewRequest.Parse("Europe/Berlin "), TelegramAna, StudyVenue.Private, default)).Text);

        // No code where a group would read it.
        var refused = await commands.HandleAsync(new LinkRequest(""), TelegramAna, StudyVenue.Group, default);
        Assert.Contains("open a private chat with me and send /link", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _db.Open().Study!.CountLinkCodesAsync(TelegramAna, _clock.GetUtcNow().AddHours(-1), default));

        var issued = await commands.HandleAsync(new LinkRequest(""), TelegramAna, StudyVenue.Private, default);
        var code = System.Text.RegularExpressions.Regex.Match(issued.Text, "[A-Z2-9]{4}-[A-Z2-9]{4}").Value;
        Assert.Equal(9, code.Length);
        Assert.Equal(StudyText.LinkOutcomeText(LinkOutcome.Linked), (await commands.HandleAsync(new LinkRequest(code), DiscordAna, StudyVenue.PrivateReplyInGroup, default)).Text);
        Assert.Equal(StudyText.LinkOutcomeText(LinkOutcome.Invalid), (await commands.HandleAsync(new LinkRequest(code), DiscordEve, StudyVenue.Private, default)).Text);
        Assert.Equal(StudyText.Unlinked(true), (await commands.HandleAsync(new UnlinkRequest(), DiscordAna, StudyVenue.Private, default)).Text);
        Assert.Equal(StudyText.Unlinked(false), (await commands.HandleAsync(new UnlinkRequest(), DiscordAna, StudyVenue.Private, default)).Text);

        var forgotten = await commands.HandleAsync(new ForgetMeRequest(), TelegramAna, StudyVenue.Private, default);
        Assert.StartsWith("Deleted everything I stored about you", forgotten.Text, StringComparison.Ordinal);
        Assert.Null(await _db.Open().Study!.FindStudentAsync(TelegramAna, default));
        Assert.Equal("I had nothing stored about you, so nothing was deleted.", (await commands.HandleAsync(new ForgetMeRequest(), TelegramAna, StudyVenue.Private, default)).Text);
    }

    /// <summary>Stands in for the ScottPlot chart (tested in AnatomyBot.Charts.Tests): fixed bytes, and the reports it was given.</summary>
    private sealed class RecordingChart : IProgressChart
    {
        public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G'];

        public List<ProgressReport> Reports { get; } = [];

        public byte[] RenderPng(ProgressReport report)
        {
            Reports.Add(report);
            return Png;
        }
    }

    private Task<string> DumpAsync() => SqliteDump.AllRowsAsync(_db.Path);

    private sealed class StudyBank : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current { get; set; } = new(
            [new Source("mom", "Muscle of the Month", "blog")],
            [],
            [],
            [Question("a1", "anatomy"), Question("f1", "function"), Question("c1", "clinical")],
            new SafetyRules("Not medical advice.", "Seek care now.", "I can't diagnose.", [], []),
            "test-1",
            DateTimeOffset.UnixEpoch);

        public QuizQuestion Q(string id) => Current.Quiz.Single(q => q.Id == id);

        private static QuizQuestion Question(string id, string area) =>
            new(id, $"Question {id}?", ["A", "B", "C"], 0, "Because.", ["mom"]) { Area = area };
    }

    /// <summary>Answers every question from a topic named after it, so reread pointers are predictable.</summary>
    private sealed class TitleEngine : IAnswerEngine
    {
        public Reply Answer(IncomingMessage message) =>
            new() { Intent = Intent.Topic, Title = "Topic of " + message.ChatId, Facts = ["fact.1"] };
    }
}

using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Study;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Study;

/// <summary>The SM-2 schedule on the student's local days, driven by a fake clock.</summary>
public sealed class SchedulerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly ImmutableArray<QuizQuestion> Bank =
    [
        Question("q1", "anatomy"), Question("q2", "anatomy"), Question("q3", "function"), Question("q4", "clinical"),
    ];

    internal static QuizQuestion Question(string id, string area) =>
        new QuizQuestion(id, $"Question {id}?", ["right", "wrong"], 0, "Because.", ["mom"]) { Area = area };

    /// <summary>A student's cards, answered through the clock the way the service does it.</summary>
    private sealed class Student(FakeTimeProvider clock, TimeZoneInfo zone)
    {
        public Dictionary<string, ReviewCard> Cards { get; } = [];

        public DateOnly Today => StudyCalendar.Today(clock, zone);

        public ReviewCard Answer(string id, bool correct) =>
            Cards[id] = Sm2Scheduler.Answer(Cards.GetValueOrDefault(id), id, correct, Today);

        public ImmutableArray<ReviewItem> Queue() => ReviewQueue.Build(Cards.Values, Bank, Today);

        public string[] QueueIds() => [.. Queue().Select(i => i.Question.Id)];
    }

    [Fact]
    public void A_missed_question_comes_back_before_a_known_one()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var student = new Student(clock, TimeZoneInfo.Utc);
        student.Answer("q1", correct: true);
        student.Answer("q2", correct: false);
        Assert.Empty(student.Queue());

        clock.Advance(TimeSpan.FromDays(1));
        var queue = student.Queue();
        Assert.Equal(["q2", "q1"], queue.Select(i => i.Question.Id));
        Assert.Equal([ReviewReason.Missed, ReviewReason.Due], queue.Select(i => i.Reason));

        // Even when the known question has been due for longer.
        clock.Advance(TimeSpan.FromDays(3));
        student.Answer("q3", correct: false);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["q2", "q3", "q1"], student.QueueIds());
    }

    [Fact]
    public void Intervals_grow_with_correct_answers_and_reset_on_a_miss()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
        var student = new Student(clock, TimeZoneInfo.Utc);
        var intervals = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var card = student.Answer("q1", correct: true);
            intervals.Add(card.IntervalDays);
            Assert.Equal(student.Today.AddDays(card.IntervalDays), card.DueOn);
            clock.Advance(TimeSpan.FromDays(card.IntervalDays));
            Assert.Equal(["q1"], student.QueueIds());
        }

        // SM-2 with quality 4 keeps the ease at 2.5: 1, 6, then the last interval times 2.5, rounded up.
        Assert.Equal([1, 6, 15, 38, 95], intervals);

        var missed = student.Answer("q1", correct: false);
        Assert.Equal(1, missed.IntervalDays);
        Assert.Equal(0, missed.Repetitions);
        Assert.True(missed.LastMissed);
        Assert.Equal(2.5 - 0.54, missed.Ease, 4);
        Assert.Equal(student.Today.AddDays(1), missed.DueOn);

        // After a miss the run starts again from 1 and 6 days, with the lower ease from then on.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, student.Answer("q1", correct: true).IntervalDays);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(6, student.Answer("q1", correct: true).IntervalDays);
        clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal((int)Math.Ceiling(6 * 1.96), student.Answer("q1", correct: true).IntervalDays);
    }

    [Fact]
    public void Ease_never_falls_below_the_sm2_floor()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero));
        var student = new Student(clock, TimeZoneInfo.Utc);
        for (var i = 0; i < 6; i++)
        {
            student.Answer("q1", correct: false);
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(Sm2Scheduler.MinimumEase, student.Cards["q1"].Ease);
    }

    [Fact]
    public void Nothing_is_due_twice_at_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var student = new Student(clock, TimeZoneInfo.Utc);
        student.Answer("q1", correct: false);
        student.Answer("q2", correct: true);
        clock.Advance(TimeSpan.FromDays(1));

        // The same question from two records (two linked accounts before their cards were merged) is queued once.
        var other = Sm2Scheduler.Answer(null, "q1", true, student.Today.AddDays(-1));
        var queue = ReviewQueue.Build([.. student.Cards.Values, other], Bank, student.Today);
        Assert.Equal(["q1", "q2"], queue.Select(i => i.Question.Id));

        // Answered today: not due again today, whatever the outcome.
        student.Answer("q1", correct: true);
        Assert.Equal(["q2"], student.QueueIds());
        student.Answer("q2", correct: false);
        Assert.Empty(student.Queue());

        // A second right answer the same day (a group quiz after /review) counts but does not move the schedule on.
        var before = student.Cards["q1"];
        var after = student.Answer("q1", correct: true);
        Assert.Equal(before.DueOn, after.DueOn);
        Assert.Equal(before.IntervalDays, after.IntervalDays);
        Assert.Equal(before.Answered + 1, after.Answered);
    }

    [Fact]
    public void Questions_removed_from_the_bank_are_not_queued()
    {
        var today = new DateOnly(2026, 6, 2);
        var card = Sm2Scheduler.Answer(null, "gone", false, today.AddDays(-1));
        Assert.Empty(ReviewQueue.Build([card], Bank, today));
    }

    [Fact]
    public void Spring_forward_neither_skips_nor_doubles_a_day()
    {
        // Berlin moves from 02:00 to 03:00 on Sunday 29 March 2026: that day has 23 hours.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero)); // 23:30 CET on the 28th
        var student = new Student(clock, Berlin);
        Assert.Equal(new DateOnly(2026, 3, 28), student.Today);
        student.Answer("q1", correct: false);
        Assert.Equal(new DateOnly(2026, 3, 29), student.Cards["q1"].DueOn);
        Assert.Empty(student.Queue());

        clock.Advance(TimeSpan.FromMinutes(29)); // 23:59 local on the 28th
        Assert.Empty(student.Queue());
        clock.Advance(TimeSpan.FromMinutes(1)); // midnight: the 29th
        Assert.Equal(["q1"], student.QueueIds());

        student.Answer("q1", correct: true); // due on the 30th
        var days = LocalDaysSeen(new FakeTimeProvider(clock.GetUtcNow()), Berlin, hours: 72);
        Assert.Equal([new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1)], days);

        // 23 hours after midnight on the 29th it is already the 30th in Berlin: due exactly then, not an hour later.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 21, 59, 0, TimeSpan.Zero)); // 23:59 CEST on the 29th
        Assert.Empty(student.Queue());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2026, 3, 30), student.Today);
        Assert.Equal(["q1"], student.QueueIds());
    }

    [Fact]
    public void Fall_back_neither_skips_nor_doubles_a_day()
    {
        // Berlin moves from 03:00 back to 02:00 on Sunday 25 October 2026: that day has 25 hours.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 24, 22, 30, 0, TimeSpan.Zero)); // 00:30 CEST on the 25th
        var student = new Student(clock, Berlin);
        Assert.Equal(new DateOnly(2026, 10, 25), student.Today);
        student.Answer("q1", correct: false);
        Assert.Equal(new DateOnly(2026, 10, 26), student.Cards["q1"].DueOn);

        // 24 hours later it is still the 25th (23:30 CET): not due yet.
        clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(new DateOnly(2026, 10, 25), student.Today);
        Assert.Empty(student.Queue());

        clock.Advance(TimeSpan.FromMinutes(30)); // midnight CET: the 26th
        Assert.Equal(["q1"], student.QueueIds());

        var days = LocalDaysSeen(new FakeTimeProvider(new DateTimeOffset(2026, 10, 23, 22, 0, 0, TimeSpan.Zero)), Berlin, hours: 96);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => new DateOnly(2026, 10, 24).AddDays(i)), days);
    }

    [Fact]
    public void A_student_who_answers_every_evening_has_one_day_per_evening_across_both_changes()
    {
        foreach (var (start, days) in new[] { (new DateTime(2026, 3, 25), 8), (new DateTime(2026, 10, 21), 8) })
        {
            var answers = new List<StudyAnswer>();
            for (var i = 0; i < days; i++)
            {
                var local = start.AddDays(i).AddHours(23).AddMinutes(30);
                var at = new DateTimeOffset(local, Berlin.GetUtcOffset(local));
                answers.Add(new StudyAnswer("q1", "anatomy", true, at));
            }

            var now = answers[^1].At;
            var report = ProgressBuilder.Build(answers, [], Bank, q => new RereadPointer(q.Id, []), Berlin, now);
            Assert.Equal(days, report.StreakDays);
        }
    }

    /// <summary>The distinct local days the clock passes through, hour by hour.</summary>
    private static List<DateOnly> LocalDaysSeen(FakeTimeProvider clock, TimeZoneInfo zone, int hours)
    {
        var days = new List<DateOnly>();
        for (var i = 0; i <= hours; i++)
        {
            var day = StudyCalendar.Today(clock, zone);
            if (days.Count == 0 || days[^1] != day)
            {
                Assert.DoesNotContain(day, days);
                days.Add(day);
            }

            clock.Advance(TimeSpan.FromHours(1));
        }

        // Consecutive: no day skipped.
        for (var i = 1; i < days.Count; i++)
        {
            Assert.Equal(days[i - 1].AddDays(1), days[i]);
        }

        return days;
    }
}

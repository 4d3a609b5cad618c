using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Study;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Study;

public sealed class ProgressTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static readonly ImmutableArray<QuizQuestion> Bank =
    [
        SchedulerTests.Question("a1", "anatomy"), SchedulerTests.Question("a2", "anatomy"),
        SchedulerTests.Question("f1", "function"), SchedulerTests.Question("c1", "clinical"),
    ];

    private static readonly DateTimeOffset Now = new(2026, 4, 15, 18, 0, 0, TimeSpan.Zero);

    private static StudyAnswer A(string id, bool correct, int daysAgo) =>
        new(id, Bank.Single(q => q.Id == id).Area, correct, Now.AddDays(-daysAgo).AddHours(-1));

    [Fact]
    public void Counts_accuracy_by_area_in_bank_order_streak_and_due_reviews()
    {
        StudyAnswer[] answers =
        [
            A("a1", true, 4), A("a1", false, 2), A("a2", true, 1), A("f1", false, 1), A("f1", false, 0), A("a1", true, 0),
        ];
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        ReviewCard[] cards =
        [
            Sm2Scheduler.Answer(null, "f1", false, today.AddDays(-1)),
            Sm2Scheduler.Answer(null, "a2", true, today.AddDays(-1)),
            Sm2Scheduler.Answer(null, "a1", true, today),
        ];

        var report = ProgressBuilder.Build(answers, cards, Bank, q => new RereadPointer("About " + q.Id, []), TimeZoneInfo.Utc, Now);

        Assert.Equal(6, report.Answered);
        Assert.Equal(3, report.Correct);
        Assert.Equal(["anatomy", "function", "clinical"], report.Areas.Select(a => a.Area));
        Assert.Equal((4, 3), (report.Areas[0].Answered, report.Areas[0].Correct));
        Assert.Equal((2, 0), (report.Areas[1].Answered, report.Areas[1].Correct));
        Assert.Equal((0, 0), (report.Areas[2].Answered, report.Areas[2].Correct));
        Assert.Equal(3, report.StreakDays); // today, yesterday, two days ago; not four days ago
        Assert.Equal(2, report.ReviewsDueToday); // f1 (missed) and a2; a1 was answered today
        Assert.Equal(["About f1", "About a1"], report.Weakest.Select(w => w.Reread.Title));
        Assert.Equal((2, 2), (report.Weakest[0].Answered, report.Weakest[0].Missed));
    }

    [Fact]
    public void A_streak_survives_until_the_day_is_over_and_a_new_student_has_zeros()
    {
        var report = ProgressBuilder.Build([A("a1", true, 1), A("a2", true, 2)], [], Bank, q => new RereadPointer(q.Id, []), TimeZoneInfo.Utc, Now);
        Assert.Equal(2, report.StreakDays);
        Assert.Empty(report.Weakest);

        var empty = ProgressBuilder.Build([], [], Bank, q => new RereadPointer(q.Id, []), TimeZoneInfo.Utc, Now);
        Assert.Equal((0, 0, 0, 0), (empty.Answered, empty.StreakDays, empty.ReviewsDueToday, empty.Weakest.Length));
        Assert.Equal(3, empty.Areas.Length);
        Assert.Equal(0, empty.Accuracy);
    }

    [Fact]
    public void The_shipped_bank_groups_questions_into_anatomy_function_and_clinical_and_each_points_at_facts()
    {
        Assert.Equal(["anatomy", "clinical", "function"], fixture.Snapshot.Quiz.Select(q => q.Area).Distinct().Order());
        var finder = new RereadFinder(fixture.Engine, fixture.Snapshot);
        var pointers = fixture.Snapshot.Quiz.Select(finder.Find).ToList();
        Assert.All(pointers, p => Assert.False(string.IsNullOrWhiteSpace(p.Title)));
        // Most questions point at the card or topic the engine answers them from, with fact ids to reread.
        Assert.True(pointers.Count(p => !p.FactIds.IsDefaultOrEmpty) >= fixture.Snapshot.Quiz.Length * 9 / 10);
    }
}

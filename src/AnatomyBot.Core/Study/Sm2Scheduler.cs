namespace AnatomyBot.Core.Study;

/// <summary>
/// The SM-2 algorithm (P. Woźniak, SuperMemo 2, 1987) on whole local days, for quiz answers that are only right or
/// wrong: a correct answer is graded quality 4 ("correct after some hesitation"), a miss quality 1.
/// </summary>
/// <remarks>
/// Parameters: a new card starts with ease 2.5; ease never falls below 1.3; the first two correct answers in a row
/// give intervals of 1 and 6 days, each later one the previous interval times the ease, rounded up; ease changes by
/// 0.1 - (5 - q)(0.08 + (5 - q) 0.02), which is 0 for q = 4 and -0.54 for q = 1. A miss restarts the run: the
/// question is due the next day. One step per day: a second correct answer on the day of an earlier answer counts
/// in the statistics but does not move the schedule on (answering the same question twice in a group and in /review
/// must not jump it from 1 day to 6); a miss always restarts it.
/// </remarks>
public static class Sm2Scheduler
{
    public const double InitialEase = 2.5;
    public const double MinimumEase = 1.3;
    public const int FirstInterval = 1;
    public const int SecondInterval = 6;
    public const int CorrectQuality = 4;
    public const int MissQuality = 1;

    /// <summary>The card after an answer given on <paramref name="today"/> (the student's local day).</summary>
    public static ReviewCard Answer(ReviewCard? card, string questionId, bool correct, DateOnly today)
    {
        card ??= new ReviewCard(questionId, 0, InitialEase, 0, today, today, false, 0, 0);
        var answered = card.Answered + 1;
        var right = card.Correct + (correct ? 1 : 0);
        var sameDay = card.Answered > 0 && card.LastAnsweredOn == today;

        if (!correct)
        {
            return card with
            {
                Repetitions = 0,
                Ease = NextEase(card.Ease, MissQuality),
                IntervalDays = FirstInterval,
                DueOn = today.AddDays(FirstInterval),
                LastAnsweredOn = today,
                LastMissed = true,
                Answered = answered,
                Correct = right,
            };
        }

        if (sameDay)
        {
            // Already scheduled today: the statistics count it, the schedule stays (a miss earlier today stays a miss).
            return card with { Answered = answered, Correct = right };
        }

        var repetitions = card.Repetitions + 1;
        var interval = repetitions switch
        {
            1 => FirstInterval,
            2 => SecondInterval,
            _ => (int)Math.Ceiling(card.IntervalDays * card.Ease),
        };
        return card with
        {
            Repetitions = repetitions,
            Ease = NextEase(card.Ease, CorrectQuality),
            IntervalDays = interval,
            DueOn = today.AddDays(interval),
            LastAnsweredOn = today,
            LastMissed = false,
            Answered = answered,
            Correct = right,
        };
    }

    private static double NextEase(double ease, int quality)
    {
        var q = 5 - quality;
        return Math.Max(MinimumEase, Math.Round(ease + (0.1 - q * (0.08 + q * 0.02)), 4));
    }
}

namespace AnatomyBot.Core.Study;

/// <summary>
/// One student's spaced-repetition state for one quiz question. Days are the student's local calendar days, so the
/// schedule never depends on where a daylight-saving change falls.
/// </summary>
/// <param name="QuestionId">The quiz question.</param>
/// <param name="Repetitions">Correct answers in a row since the last miss (SM-2's n).</param>
/// <param name="Ease">SM-2's easiness factor (EF), 2.5 for a new card, never below 1.3.</param>
/// <param name="IntervalDays">Days from the last scheduled answer to the next review (SM-2's I).</param>
/// <param name="DueOn">The local day the question is due again.</param>
/// <param name="LastAnsweredOn">The local day of the last answer.</param>
/// <param name="LastMissed">Whether the last answer was wrong (missed questions come back first).</param>
/// <param name="Answered">Answers given to this question, in all.</param>
/// <param name="Correct">Correct answers among them.</param>
public sealed record ReviewCard(
    string QuestionId,
    int Repetitions,
    double Ease,
    int IntervalDays,
    DateOnly DueOn,
    DateOnly LastAnsweredOn,
    bool LastMissed,
    int Answered,
    int Correct);

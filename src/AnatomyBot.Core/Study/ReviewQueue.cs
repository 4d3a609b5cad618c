using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Study;

/// <summary>Why a question is in the review queue.</summary>
public enum ReviewReason
{
    /// <summary>The student's last answer was wrong.</summary>
    Missed,
    /// <summary>Answered right before; the interval has run out.</summary>
    Due,
}

/// <summary>One question to review.</summary>
public sealed record ReviewItem(QuizQuestion Question, ReviewReason Reason, DateOnly DueOn);

/// <summary>Orders a student's due questions: missed ones first, then the ones whose interval has run out.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The domain's word: a student's review queue (spaced repetition).")]
public static class ReviewQueue
{
    /// <summary>
    /// The questions due on <paramref name="today"/>, each once: missed first (the longest overdue first), then due
    /// (the longest overdue first, then the hardest by ease). Cards of questions no longer in the bank are left out.
    /// </summary>
    public static ImmutableArray<ReviewItem> Build(IEnumerable<ReviewCard> cards, ImmutableArray<QuizQuestion> bank, DateOnly today)
    {
        var byId = bank.IsDefaultOrEmpty
            ? ImmutableDictionary<string, QuizQuestion>.Empty
            : bank.GroupBy(q => q.Id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return
        [
            .. cards
                .Where(c => c.DueOn <= today && byId.ContainsKey(c.QuestionId))
                .GroupBy(c => c.QuestionId, StringComparer.Ordinal)
                .Select(g => g.OrderBy(c => c.DueOn).First())
                .OrderBy(c => c.LastMissed ? 0 : 1)
                .ThenBy(c => c.DueOn)
                .ThenBy(c => c.Ease)
                .ThenBy(c => c.QuestionId, StringComparer.Ordinal)
                .Select(c => new ReviewItem(byId[c.QuestionId], c.LastMissed ? ReviewReason.Missed : ReviewReason.Due, c.DueOn)),
        ];
    }

    /// <summary>Questions of the bank the student has never answered, in bank order (offered when nothing is due).</summary>
    public static ImmutableArray<QuizQuestion> Unseen(IEnumerable<ReviewCard> cards, ImmutableArray<QuizQuestion> bank)
    {
        var seen = cards.Select(c => c.QuestionId).ToHashSet(StringComparer.Ordinal);
        return bank.IsDefaultOrEmpty ? [] : [.. bank.Where(q => !seen.Contains(q.Id))];
    }
}

using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Quiz;

/// <summary>Chooses quiz questions so that a chat sees no repeat until it has seen the whole bank.</summary>
public static class QuizPicker
{
    /// <summary>
    /// Picks a question whose id is not in <paramref name="askedIds"/>; when every question was asked,
    /// the round is over and any question may come (callers then start a new round of history).
    /// Returns null only for an empty bank.
    /// </summary>
    public static QuizQuestion? Pick(ImmutableArray<QuizQuestion> bank, IReadOnlySet<string> askedIds, Random random)
    {
        if (bank.IsDefaultOrEmpty)
        {
            return null;
        }

        var fresh = bank.Where(q => !askedIds.Contains(q.Id)).ToArray();
        var pool = fresh.Length > 0 ? fresh : bank.ToArray();
        return pool[random.Next(pool.Length)];
    }

    /// <summary>True when every question of the bank is among <paramref name="askedIds"/>.</summary>
    public static bool RoundComplete(ImmutableArray<QuizQuestion> bank, IReadOnlySet<string> askedIds) =>
        !bank.IsDefaultOrEmpty && bank.All(q => askedIds.Contains(q.Id));
}

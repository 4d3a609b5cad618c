using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "How much does a psoas release session cost?", "does insurance pay for iliopsoas physio?", "is psoas massage
/// expensive?": what care costs. The sources give no prices, yet the question's other words ("release", "session",
/// "physical therapist") match the treatment facts, which would then be presented as the answer. Unless some fact
/// speaks of money, the honest reply is that the sources do not cover it, with those facts as the nearest.
/// </summary>
internal static class CostQuestions
{
    /// <summary>Words of money: a question naming one asks what something costs.</summary>
    private static readonly FrozenSet<string> MoneyWords = new[]
    {
        "cost", "costs", "costing", "price", "prices", "priced", "pricey", "pricing", "fee", "fees", "expensive", "cheap",
        "cheaper", "affordable", "insurance", "insurer", "reimburse", "reimbursed", "dollars", "euros", "money",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The uncovered subject ("what it costs"), or null when the question asks no cost or a fact speaks of one.</summary>
    public static string? Uncovered(TokenizedText text, KnowledgeIndex index)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (MoneyWords.Contains(word) && !JudgesWorth(text, i))
            {
                return index.Facts.Knows(word) ? null : "what it costs";
            }
        }

        return null;
    }

    /// <summary>
    /// "is a psoas massage worth the money", "worth the cost", "value for money": whether something is worth doing, which
    /// the facts for and against it answer, not what it costs.
    /// </summary>
    private static bool JudgesWorth(TokenizedText text, int at)
    {
        var before = at - 1;
        if (before >= 0 && text.WordString(before) is "the" or "its" or "your" or "my")
        {
            before--;
        }

        return (before >= 0 && text.WordString(before) == "worth")
            || (at >= 2 && text.WordString(at - 1) == "for" && text.WordString(at - 2) == "value");
    }
}

namespace AnatomyBot.Testing.Accuracy;

/// <summary>
/// The model must never change the safety a question calls for: compares two runs of one suite. The urgent line
/// follows the question alone, so it must always agree. The disclaimer follows the question and also the facts shown
/// ("whenever pain or injury comes up, in the question or in the answer"): it must agree wherever the item states what
/// it expects, and wherever both runs show the same facts. Where the model shows other facts and the item is silent,
/// the facts' own words decide ("How is the Thomas test done?" shows a fact on stiff hips lexically, one on long
/// sitting with the model; only the first speaks of a symptom).
/// </summary>
public static class HeldOutSafetyParity
{
    /// <summary>The turns (question texts) where <paramref name="run"/> and <paramref name="other"/> differ in disclaimer or urgent line.</summary>
    public static string[] SafetyDifferences(this HeldOutRun run, HeldOutRun other) =>
        run.Results.Zip(other.Results).SelectMany(p => p.First.Turns.Zip(p.Second.Turns))
            .Where(t => (t.First.Reply.UrgentNotice is null) != (t.Second.Reply.UrgentNotice is null)
                || ((t.First.Reply.Disclaimer is null) != (t.Second.Reply.Disclaimer is null)
                    && (t.First.Expected.Disclaimer is not null || t.First.Reply.Facts.SequenceEqual(t.Second.Reply.Facts))))
            .Select(t => t.First.Expected.Text).ToArray();
}

namespace AnatomyBot.Testing.Accuracy;

/// <summary>The model must never change whether a reply carries the disclaimer or the urgent line: compares two runs of one suite.</summary>
public static class HeldOutSafetyParity
{
    /// <summary>The turns (question texts) where <paramref name="run"/> and <paramref name="other"/> differ in disclaimer or urgent line.</summary>
    public static string[] SafetyDifferences(this HeldOutRun run, HeldOutRun other) =>
        run.Results.Zip(other.Results).SelectMany(p => p.First.Turns.Zip(p.Second.Turns))
            .Where(t => (t.First.Reply.Disclaimer is null) != (t.Second.Reply.Disclaimer is null)
                || (t.First.Reply.UrgentNotice is null) != (t.Second.Reply.UrgentNotice is null))
            .Select(t => t.First.Expected.Text).ToArray();
}

namespace AnatomyBot.Benchmarks;

/// <summary>Shared pieces of the load drivers: waiting for a burst's answers and reading percentiles.</summary>
internal static class LoadStats
{
    /// <summary>Waits for <paramref name="count"/> answers and returns the peak working set seen meanwhile.</summary>
    public static async Task<long> AwaitAnswersAsync(SemaphoreSlim answered, int count, TimeSpan timeoutEach)
    {
        var peak = Environment.WorkingSet;
        for (var i = 0; i < count; i++)
        {
            if (!await answered.WaitAsync(timeoutEach))
            {
                throw new TimeoutException("answers stopped arriving");
            }

            if (i % 250 == 0)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
            }
        }

        return peak;
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

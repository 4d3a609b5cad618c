namespace AnatomyBot.Testing;

/// <summary>A Random whose NextDouble is fixed, for deterministic jitter.</summary>
public sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    public override int Next(int maxValue) => 0;
}

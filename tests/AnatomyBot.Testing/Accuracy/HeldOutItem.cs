namespace AnatomyBot.Testing.Accuracy;

/// <summary>One student item: a single question or a follow-up dialogue sent in one chat.</summary>
public sealed record HeldOutItem(string Id, string Style, string? Note, HeldOutTurn[] Turns);

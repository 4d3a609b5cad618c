namespace AnatomyBot.Testing.Accuracy;

/// <summary>One user message and what its reply must (and must not) be.</summary>
public sealed record HeldOutTurn(
    string Text,
    string? Kind,
    string[]? ContainsAll,
    string[]? ContainsAny,
    string[]? NotContains,
    int? MaxChars,
    string? YesNo,
    bool? Disclaimer,
    bool? Urgent)
{
    public bool HasExpectation =>
        Kind is not null || ContainsAll is { Length: > 0 } || ContainsAny is { Length: > 0 } || NotContains is { Length: > 0 }
        || MaxChars is not null || YesNo is not null || Disclaimer is not null || Urgent is not null;
}

using System.Text.Json;

namespace AnatomyBot.Testing.Accuracy;

/// <summary>The held-out suite (Accuracy/heldout.json); the schema is described in Accuracy/README.md.</summary>
public sealed record HeldOutSuite(string[]? About, HeldOutItem[] Items)
{
    public static readonly string[] Styles =
    [
        "exam", "lazy", "typo", "non-native", "number", "yes-no", "unanswerable", "reverse-lookup",
        "belief", "pain", "red-flag", "off-topic", "follow-up",
    ];

    public static readonly string[] Kinds = ["answer", "notCovered", "offTopic", "suggestions"];

    /// <summary>Where the suite lives in the repository (the test project copies it next to its assembly).</summary>
    public static string RepositoryPath => Path.Combine(RepositoryPaths.Root, "tests", "AnatomyBot.Core.Tests", "Accuracy", "heldout.json");

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// A phrasing as the suites' uniqueness checks compare it: normalised, with apostrophes joined as written, so "and the
    /// psoas minor's?" and "and the psoas minor?" stay two phrasings though the engine now reads a closing "'s" as the
    /// noun alone.
    /// </summary>
    public static string PhrasingKey(string text) =>
        AnatomyBot.Core.Text.TextNormalizer.Normalize(text.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal));

    public static HeldOutSuite Load(string path)
    {
        var json = File.ReadAllText(path);
        return JsonSerializer.Deserialize<HeldOutSuite>(json, JsonOptions)
            ?? throw new InvalidOperationException(path + " is empty");
    }
}

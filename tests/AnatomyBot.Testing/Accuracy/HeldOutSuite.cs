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

    public static HeldOutSuite Load(string path)
    {
        var json = File.ReadAllText(path);
        return JsonSerializer.Deserialize<HeldOutSuite>(json, JsonOptions)
            ?? throw new InvalidOperationException(path + " is empty");
    }
}

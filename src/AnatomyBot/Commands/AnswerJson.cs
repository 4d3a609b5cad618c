using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Commands;

/// <summary>A source cited by an answer, as <c>ask --json</c> writes it.</summary>
internal sealed record AnswerSourceJson(string Id, string Title);

/// <summary>
/// One line of <c>ask --json</c> output. <see cref="Facts"/> holds the ids of the facts the answer shows. <see cref="Intent"/> is the engine's intent in kebab case
/// (<c>muscle-attribute</c>, <c>did-you-mean</c>, ...); <see cref="Text"/> never holds the disclaimer.
/// </summary>
internal sealed record AnswerJson(
    string Question,
    string Intent,
    string? Entity,
    double Confidence,
    string Text,
    string? Disclaimer,
    IReadOnlyList<AnswerSourceJson> Sources,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<string> Facts)
{
    public static AnswerJson From(string question, Reply reply) => new(
        AnswerText.Sanitize(question),
        IntentName(reply.Intent),
        reply.Entity is null ? null : AnswerText.Sanitize(reply.Entity),
        Math.Round(reply.Confidence, 4),
        AnswerText.Limit(AnswerText.Sanitize(ReplyText.ToPlainText(ReplyFitter.Fit(reply, AnswerText.MaxLength), includeDisclaimer: false))),
        string.IsNullOrEmpty(reply.Disclaimer) ? null : AnswerText.Sanitize(reply.Disclaimer),
        reply.Sources.IsDefault ? [] : reply.Sources.Select(s => new AnswerSourceJson(s.Id, AnswerText.Sanitize(s.Title))).ToArray(),
        reply.Suggestions.IsDefault ? [] : reply.Suggestions.Select(AnswerText.Sanitize).ToArray(),
        reply.Facts.IsDefault ? [] : reply.Facts.ToArray());

    /// <summary>Kebab-case intent name, e.g. <c>MuscleAttribute</c> becomes <c>muscle-attribute</c>.</summary>
    public static string IntentName(Intent intent) => JsonNamingPolicy.KebabCaseLower.ConvertName(intent.ToString());

    /// <summary>Serialises to a single line (no indentation) of UTF-8-safe JSON.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, AnswerJsonContext.Default.AnswerJson);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AnswerJson))]
internal sealed partial class AnswerJsonContext : JsonSerializerContext;

/// <summary>Text clean-up shared by every command-line output.</summary>
internal static class AnswerText
{
    /// <summary>
    /// Longest answer the console chat and <c>ask</c> print (a few screens): a longer reply is shortened at a sentence
    /// with a pointer to a narrower question (<see cref="ReplyFitter"/>). The chat platforms apply their own limits in
    /// their renderers; this one is the console's.
    /// </summary>
    public const int MaxLength = 4096;

    private const string Ellipsis = "…";

    /// <summary>Cuts text to <paramref name="maxLength"/> characters without splitting a surrogate pair.</summary>
    public static string Limit(string text, int maxLength = MaxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - Ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }

    /// <summary>
    /// Replaces lone surrogates with U+FFFD: they cannot be encoded as UTF-8, and output must stay valid whatever
    /// bytes a user typed.
    /// </summary>
    public static string Sanitize(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                clean ??= new StringBuilder(text.Length).Append(text, 0, i);
                clean.Append('\uFFFD');
                continue;
            }

            clean?.Append(c);
        }

        return clean?.ToString() ?? text;
    }
}

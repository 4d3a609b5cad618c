using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AnatomyBot.Discord.Protocol;

/// <summary>Source-generated (de)serialization of the protocol records, in Discord's snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(GatewayCommand<Identify>))]
[JsonSerializable(typeof(GatewayCommand<Resume>))]
[JsonSerializable(typeof(GatewayCommand<long?>))]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(Ready))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(GatewayBot))]
[JsonSerializable(typeof(PartialApplication))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(RateLimitBody))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;

/// <summary>Reads protocol records; a payload of the wrong shape is a null, never an exception.</summary>
public static class DiscordJson
{
    public static bool TryRead<T>(string? text, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize(text, type);
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool TryRead<T>(JsonElement element, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
    {
        value = default;
        if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return false;
        }

        try
        {
            value = element.Deserialize(type);
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AnatomyBot.Telegram.Api;

/// <summary>
/// Reads Bot API JSON leniently where servers differ from Telegram's own: emulators send <c>date</c> fields in
/// milliseconds, which the library's Unix-seconds converter cannot hold. Missing optional fields (<c>is_bot</c>) and
/// unknown fields already read fine with the library's types.
/// </summary>
internal static class LenientJson
{
    // A seconds timestamp above this is past the year 5000: it can only be milliseconds.
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>Turns millisecond <c>date</c>/<c>*_date</c> numbers into seconds, in place; true when one changed.</summary>
    public static bool NormaliseDates(JsonNode? node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if ((name == "date" || name.EndsWith("_date", StringComparison.Ordinal))
                        && value is JsonValue number && number.TryGetValue<long>(out var stamp) && stamp > MillisecondsThreshold)
                    {
                        obj[name] = stamp / 1000;
                        changed = true;
                    }
                    else
                    {
                        changed |= NormaliseDates(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    changed |= NormaliseDates(item);
                }

                break;
        }

        return changed;
    }

    /// <summary>Reads one update with the library's types after normalising it; throws on an update it cannot read.</summary>
    public static Update ReadUpdate(JsonElement element)
    {
        var node = JsonNode.Parse(element.GetRawText());
        NormaliseDates(node);
        return node.Deserialize<Update>(JsonBotAPI.Options) ?? throw new JsonException("the update is null");
    }

    /// <summary>Whether reading an update failed because of its content (as opposed to a bug or cancellation).</summary>
    public static bool IsUnreadable(Exception ex) =>
        ex is JsonException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException or OverflowException;
}

/// <summary>
/// Sits in the Telegram HttpClient's pipeline in front of the library and normalises replies (see
/// <see cref="LenientJson"/>), so a sendMessage or sendPoll reply from an emulator is read in full instead of failing.
/// </summary>
internal sealed class LenientReplyHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content is null || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == false)
        {
            return response;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            node = null;
        }

        var text = node is not null && LenientJson.NormaliseDates(node) ? node.ToJsonString() : body;
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        response.Content.Dispose();
        response.Content = content;
        return response;
    }
}

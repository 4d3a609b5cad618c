using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Discord.Rendering;

/// <summary>Discord's message and embed limits (characters).</summary>
internal static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int EmbedTotal = 6000;
    public const int ButtonLabel = 80;
    public const int ButtonsPerRow = 5;
    public const int Buttons = 25;
    public const int ChoiceName = 100;
    public const int ChoiceValue = 100;
    public const int CustomId = 100;
}

/// <summary>Renders engine replies as Discord message bodies (embeds within every limit).</summary>
internal static class MessageRenderer
{
    public const int EphemeralFlag = (int)MessageFlags.Ephemeral;
    private const int AccentColour = 0xB5473A;

    public static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    /// <summary>A message body (callback data, webhook edit or channel message) holding the reply as one embed.</summary>
    public static JsonObject ReplyMessage(Reply reply, string? quotedQuestion = null, bool ephemeral = false)
    {
        // A longer answer is cut at a sentence with a pointer to a narrower question, not trimmed field by field.
        reply = ReplyFitter.Fit(reply, DiscordLimits.EmbedDescription);
        var message = new JsonObject
        {
            ["embeds"] = new JsonArray(Embed(reply, quotedQuestion)),
            ["allowed_mentions"] = NoMentions(),
        };
        if (ephemeral)
        {
            message["flags"] = EphemeralFlag;
        }

        if (SuggestionButtons(reply) is { } row)
        {
            message["components"] = new JsonArray(row);
        }

        return message;
    }

    /// <summary>Prefix of a did-you-mean button's custom id; the rest is the suggestion, asked as a question on click.</summary>
    public const string SuggestionPrefix = "ask:";

    /// <summary>One action row with a button per suggestion (at most three), or null when there are none.</summary>
    private static JsonObject? SuggestionButtons(Reply reply)
    {
        if (reply.Suggestions.IsDefaultOrEmpty)
        {
            return null;
        }

        var buttons = new JsonArray();
        foreach (var suggestion in reply.Suggestions.Take(3))
        {
            var text = suggestion.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            buttons.Add(new JsonObject
            {
                ["type"] = (int)ComponentType.Button,
                ["style"] = (int)ButtonStyle.Secondary,
                ["label"] = DiscordText.Trim(text, DiscordLimits.ButtonLabel, "…"),
                ["custom_id"] = SuggestionPrefix + DiscordText.Trim(text, DiscordLimits.CustomId - SuggestionPrefix.Length, ""),
            });
        }

        return buttons.Count == 0 ? null : new JsonObject { ["type"] = (int)ComponentType.ActionRow, ["components"] = buttons };
    }

    /// <summary>A plain text message (content only), trimmed to 2000 characters.</summary>
    public static JsonObject TextMessage(string text, bool ephemeral = false)
    {
        var message = new JsonObject
        {
            ["content"] = DiscordText.Trim(DiscordText.NeutraliseMentions(text), DiscordLimits.Content, " …"),
            ["allowed_mentions"] = NoMentions(),
        };
        if (ephemeral)
        {
            message["flags"] = EphemeralFlag;
        }

        return message;
    }

    public static JsonObject Embed(Reply reply, string? quotedQuestion = null)
    {
        var title = Clean(string.IsNullOrWhiteSpace(reply.Title) ? "AnatomyBot" : reply.Title);
        title = DiscordText.Trim(title, DiscordLimits.EmbedTitle, "…");
        var footer = SourcesFooter(reply.Sources);

        // Description: urgent notice first, the question asked, unheaded sections, suggestions, then the disclaimer.
        var head = DescriptionHead(reply, quotedQuestion);
        var body = DescriptionBody(reply);
        var tail = string.IsNullOrWhiteSpace(reply.Disclaimer) ? "" : "\n\n*" + Clean(reply.Disclaimer) + "*";
        var fields = Fields(reply);
        var description = FitDescription(title, footer, head, body, tail, fields);
        return EmbedJson(title, description, fields, footer);
    }

    /// <summary>The urgent notice and the question asked, each followed by a blank line.</summary>
    private static string DescriptionHead(Reply reply, string? quotedQuestion)
    {
        var head = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.UrgentNotice))
        {
            head.Append("⚠️ **").Append(Clean(reply.UrgentNotice)).Append("**\n\n");
        }

        if (!string.IsNullOrWhiteSpace(quotedQuestion))
        {
            head.Append("**Q:** ").Append(DiscordText.Trim(DiscordText.EscapeUserText(quotedQuestion.Trim()), 300, "…")).Append("\n\n");
        }

        return head.ToString();
    }

    /// <summary>The sections without a heading, then the did-you-mean suggestions.</summary>
    private static string DescriptionBody(Reply reply)
    {
        var plain = reply.Sections.IsDefault ? [] : reply.Sections.Where(s => string.IsNullOrWhiteSpace(s.Heading)).ToList();
        var body = string.Join("\n\n", plain.Select(s => Clean(s.Body)));
        if (!reply.Suggestions.IsDefaultOrEmpty)
        {
            body += (body.Length > 0 ? "\n\n" : "") + "Did you mean: " + string.Join(", ", reply.Suggestions.Select(Clean)) + "?";
        }

        return body;
    }

    /// <summary>One field per headed section, each trimmed to Discord's field limits, at most the embed's field count.</summary>
    private static List<(string Name, string Value)> Fields(Reply reply)
    {
        var headed = reply.Sections.IsDefault ? [] : reply.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Heading)).ToList();
        var fields = new List<(string Name, string Value)>();
        foreach (var section in headed)
        {
            fields.Add((
                DiscordText.Trim(Clean(section.Heading!), DiscordLimits.FieldName, "…"),
                DiscordText.Trim(NonEmpty(Clean(section.Body)), DiscordLimits.FieldValue)));
        }

        if (fields.Count > DiscordLimits.EmbedFields)
        {
            fields = fields.Take(DiscordLimits.EmbedFields - 1).ToList();
            fields.Add(("More", "There is more on this: ask with /ask."));
        }

        return fields;
    }

    /// <summary>
    /// The description within the embed's 6000 total: fields are dropped from the end (never the urgent notice or the
    /// disclaimer) until the body has room, with a pointer to /ask once something was dropped.
    /// </summary>
    private static string FitDescription(string title, string footer, string head, string body, string tail, List<(string Name, string Value)> fields)
    {
        var droppedFields = false;
        while (true)
        {
            var fixedLength = title.Length + footer.Length + fields.Sum(f => f.Name.Length + f.Value.Length);
            var descriptionBudget = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotal - fixedLength);
            var bodyBudget = descriptionBudget - head.Length - tail.Length;
            if (bodyBudget >= Math.Min(body.Length, 200) || fields.Count == 0)
            {
                var trimmedBody = bodyBudget <= 0 ? "" : DiscordText.Trim(body, bodyBudget);
                var description = head + trimmedBody + tail;
                return DiscordText.Trim(description.Trim(), Math.Max(1, descriptionBudget), "…");
            }

            fields.RemoveAt(fields.Count - 1);
            if (!droppedFields)
            {
                droppedFields = true;
                body += (body.Length > 0 ? "\n\n" : "") + "There is more on this: ask with /ask.";
            }
        }
    }

    private static JsonObject EmbedJson(string title, string description, List<(string Name, string Value)> fields, string footer)
    {
        var embed = new JsonObject
        {
            ["title"] = title,
            ["color"] = AccentColour,
        };
        if (description.Length > 0)
        {
            embed["description"] = description;
        }

        if (fields.Count > 0)
        {
            embed["fields"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["value"] = f.Value, ["inline"] = false }).ToArray());
        }

        if (footer.Length > 0)
        {
            embed["footer"] = new JsonObject { ["text"] = footer };
        }

        return embed;
    }

    /// <summary>Total characters Discord counts against the 6000 limit.</summary>
    public static int EmbedLength(JsonObject embed)
    {
        var total = (embed["title"]?.GetValue<string>().Length ?? 0) + (embed["description"]?.GetValue<string>().Length ?? 0);
        total += embed["footer"]?["text"]?.GetValue<string>().Length ?? 0;
        if (embed["fields"] is JsonArray fields)
        {
            total += fields.Sum(f => f!["name"]!.GetValue<string>().Length + f["value"]!.GetValue<string>().Length);
        }

        return total;
    }

    private static string SourcesFooter(ImmutableArray<Source> sources)
    {
        if (sources.IsDefaultOrEmpty)
        {
            return "";
        }

        var text = "Sources: " + string.Join("; ", sources.Select(s => $"[{s.Id}] {s.Title}"));
        return DiscordText.Trim(DiscordText.NeutraliseMentions(text), DiscordLimits.Footer, "…");
    }

    private static string Clean(string text) => DiscordText.NeutraliseMentions(text.Replace("\r", "", StringComparison.Ordinal).Trim());

    private static string NonEmpty(string text) => text.Length == 0 ? "-" : text;
}

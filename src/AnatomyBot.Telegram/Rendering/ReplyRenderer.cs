using AnatomyBot.Core.Conversation;
using Telegram.Bot.Types.ReplyMarkups;

namespace AnatomyBot.Telegram.Rendering;

/// <summary>Renders the engine's <see cref="Reply"/> as Telegram HTML. Paragraphs are separated by a blank line.</summary>
internal static class ReplyRenderer
{
    public static string Render(Reply reply)
    {
        // One message's worth: a longer answer is cut at a sentence with a pointer to a narrower question (the
        // splitter still guards the HTML, whose tags can push a fitted text over the limit).
        reply = ReplyFitter.Fit(reply, MessageSplitter.MaxLength);
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(reply.UrgentNotice))
        {
            parts.Add("\u26a0\ufe0f " + TelegramHtml.Bold(reply.UrgentNotice));
        }

        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            parts.Add(TelegramHtml.Bold(reply.Title));
        }

        foreach (var section in reply.Sections.IsDefault ? [] : reply.Sections)
        {
            var body = TelegramHtml.Escape(section.Body.Trim());
            parts.Add(string.IsNullOrWhiteSpace(section.Heading) ? body : TelegramHtml.Bold(section.Heading) + "\n" + body);
        }

        if (!reply.Suggestions.IsDefaultOrEmpty)
        {
            parts.Add("Did you mean: " + string.Join(", ", reply.Suggestions.Select(TelegramHtml.Escape)) + "?");
        }

        if (!reply.Sources.IsDefaultOrEmpty)
        {
            parts.Add("<i>Sources:</i> " + string.Join("; ", reply.Sources.Select(s => TelegramHtml.Escape(s.Title))));
        }

        if (!string.IsNullOrWhiteSpace(reply.Disclaimer))
        {
            // Italics per paragraph: a tag never spans a paragraph break, so the splitter can cut there cleanly.
            parts.AddRange(Paragraphs(reply.Disclaimer).Select(TelegramHtml.Italic));
        }

        var html = string.Join("\n\n", parts.Where(p => p.Length > 0));
        return html.Length > 0 ? html : TelegramHtml.Escape("Sorry, I have nothing to say to that.");
    }

    /// <summary>Prefix of a did-you-mean button's callback data; the rest is the suggestion, asked as a question.</summary>
    public const string SuggestionPrefix = "ask:";

    /// <summary>Telegram's limit on callback data, in UTF-8 bytes.</summary>
    public const int MaxCallbackBytes = 64;

    /// <summary>One button per suggestion (at most three, one per row), or null when there are none.</summary>
    public static InlineKeyboardMarkup? SuggestionKeyboard(Reply reply)
    {
        if (reply.Suggestions.IsDefaultOrEmpty)
        {
            return null;
        }

        var rows = reply.Suggestions.Take(3)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .Select(s => new[] { InlineKeyboardButton.WithCallbackData(s, SuggestionPrefix + FitBytes(s, MaxCallbackBytes - SuggestionPrefix.Length)) })
            .ToArray();
        return rows.Length == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    private static string FitBytes(string text, int maxBytes)
    {
        var end = text.Length;
        while (end > 0 && System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > maxBytes)
        {
            end--;
            if (end > 0 && char.IsLowSurrogate(text[end]))
            {
                end--;
            }
        }

        return text[..end];
    }

    private static string[] Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

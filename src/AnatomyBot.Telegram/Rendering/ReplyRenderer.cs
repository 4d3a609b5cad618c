using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Telegram.Rendering;

/// <summary>Renders the engine's <see cref="Reply"/> as Telegram HTML. Paragraphs are separated by a blank line.</summary>
internal static class ReplyRenderer
{
    public static string Render(Reply reply)
    {
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

    private static string[] Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

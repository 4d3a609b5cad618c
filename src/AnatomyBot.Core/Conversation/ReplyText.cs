using System.Text;

namespace AnatomyBot.Core.Conversation;

/// <summary>Renders a reply as plain text (console chat, <c>ask</c>, and the basis for platform renderers).</summary>
public static class ReplyText
{
    public static string ToPlainText(Reply reply, bool includeDisclaimer = true)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(reply.UrgentNotice))
        {
            text.Append(reply.UrgentNotice).Append("\n\n");
        }

        if (!string.IsNullOrEmpty(reply.Title))
        {
            text.Append(reply.Title).Append('\n');
        }

        foreach (var section in reply.Sections)
        {
            text.Append('\n');
            if (!string.IsNullOrEmpty(section.Heading))
            {
                text.Append(section.Heading).Append(":\n");
            }

            text.Append(section.Body).Append('\n');
        }

        if (!reply.Suggestions.IsDefaultOrEmpty)
        {
            text.Append("\nDid you mean: ").AppendJoin(", ", reply.Suggestions).Append('\n');
        }

        if (!reply.Sources.IsDefaultOrEmpty)
        {
            text.Append("\nSources: ").AppendJoin("; ", reply.Sources.Select(s => $"[{s.Id}] {s.Title}")).Append('\n');
        }

        if (includeDisclaimer && !string.IsNullOrEmpty(reply.Disclaimer))
        {
            text.Append('\n').Append(reply.Disclaimer).Append('\n');
        }

        return text.ToString().Trim();
    }
}

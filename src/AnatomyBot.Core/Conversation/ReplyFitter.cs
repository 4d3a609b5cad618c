using System.Collections.Immutable;

namespace AnatomyBot.Core.Conversation;

/// <summary>
/// Shortens a reply for a front end with a length limit. The engine never fits: each renderer calls this with its
/// own platform's limit (Telegram's message, the console's screenful), measured on the plain-text rendering.
/// </summary>
public static class ReplyFitter
{
    /// <summary>
    /// Keeps the whole rendered reply within <paramref name="maxChars"/>: cuts at a sentence or line end and
    /// points to a narrower question instead of sending a truncated wall of text.
    /// </summary>
    public static Reply Fit(Reply reply, int maxChars)
    {
        if (ReplyText.ToPlainText(reply, includeDisclaimer: true).Length <= maxChars)
        {
            return reply;
        }

        const string pointer = "(Answer shortened: ask a narrower question, for example about one attribute of one muscle.)";
        var bare = reply with { Sections = [new ReplySection(null, pointer)] };
        var budget = maxChars - ReplyText.ToPlainText(bare, includeDisclaimer: true).Length - 8;
        var kept = ImmutableArray.CreateBuilder<ReplySection>();
        foreach (var section in reply.Sections)
        {
            var cost = section.Body.Length + (section.Heading?.Length ?? 0) + 4;
            if (cost <= budget)
            {
                kept.Add(section);
                budget -= cost;
                continue;
            }

            var room = budget - (section.Heading?.Length ?? 0) - 4;
            if (room > 40)
            {
                var cut = CutAtSentence(section.Body, room);
                if (cut.Length > 0)
                {
                    kept.Add(section with { Body = cut });
                }
            }

            break;
        }

        kept.Add(new ReplySection(null, pointer));
        var fitted = reply with { Sections = kept.ToImmutable() };
        var title = fitted.Title;
        while (ReplyText.ToPlainText(fitted, includeDisclaimer: true).Length > maxChars && fitted.Sections.Length > 1)
        {
            fitted = fitted with { Sections = fitted.Sections.RemoveAt(fitted.Sections.Length - 2) };
        }

        if (ReplyText.ToPlainText(fitted, includeDisclaimer: true).Length > maxChars)
        {
            fitted = fitted with { Title = title.Length > 200 ? title[..200] : title, Suggestions = [] };
        }

        return fitted;
    }

    private static string CutAtSentence(string body, int room)
    {
        if (body.Length <= room)
        {
            return body;
        }

        var head = body.AsSpan(0, room);
        var best = -1;
        for (var i = head.Length - 1; i > 0; i--)
        {
            if (head[i] == '\n' || ((head[i] == '.' || head[i] == '!' || head[i] == '?' || head[i] == ']') && (i + 1 >= body.Length || body[i + 1] is ' ' or '\n')))
            {
                best = head[i] == '\n' ? i : i + 1;
                break;
            }
        }

        if (best <= 0)
        {
            var space = head.LastIndexOf(' ');
            best = space > 0 ? space : room;
        }

        return body[..best].TrimEnd();
    }
}

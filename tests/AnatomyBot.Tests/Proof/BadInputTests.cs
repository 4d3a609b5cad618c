using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Knowledge;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Tests.Proof;

/// <summary>
/// Proof: hostile and garbage input (10,000+ generated messages from a fixed seed) goes through the real engine
/// over the shipped knowledge and both platforms' renderers without an exception, within every platform limit,
/// with escaping intact (no working @everyone/@here or mention, no user HTML) and with the disclaimer on every
/// answer to a question that mentions pain.
/// </summary>
public sealed partial class BadInputTests
{
    private const int Messages = 10_000;
    private const int Seed = 20_260_521;

    private static readonly string[] Commands =
    [
        "/muscle", "/muscle@OtherBot", "/muscle@AnatomyBot", "/reload", "/reload@OtherBot", "／muscle", "/MUSCLE", "/ask",
        "/quiz", "/help", "/start", "/sources", "/muscle psoas", "/ask what nerve", "/", "//muscle", "/muscle\u0000",
        "/unknown_command", "/muscle@", "\u200F/muscle", " /ask ", "/ask@OtherBot pain",
    ];

    private static readonly string[] Mentions =
    [
        "@everyone", "@here", "@EveryOne", "@HERE", "<@123>", "<@!123>", "<@&456>", "<#789>", "@\u200Beveryone",
        "@@everyone", "＠everyone", "@everyone@here", "<@everyone>", "@ everyone", "@AnatomyBot", "<t:0:R>",
    ];

    private static readonly string[] Markup =
    [
        "<b>", "</b>", "<i>", "</i>", "<script>alert(1)</script>", "<a href=\"javascript:x\">x</a>", "&amp;", "&lt;", "&#64;",
        "&#x40;everyone", "&", "<", ">", "</", "<b", "<<b>>", "<pre>", "<code>", "<tg-spoiler>", "<blockquote>",
        "**bold**", "*", "_i_", "__u__", "`code`", "```cs\nx\n```", "||spoiler||", "~~s~~", "[link](https://x.test)",
        "> quote", "# Heading", "- item", "\\", "\\*", ":emoji:", "<:emoji:123>", "```",
    ];

    private static readonly string[] Words =
    [
        "psoas", "major", "minor", "iliacus", "iliopsoas", "origin", "insertion", "nerve", "innervation", "blood",
        "supply", "what", "is", "the", "of", "where", "does", "so-as", "illiac", "hip", "flexor", "stretch", "lumbar",
        "plexus", "femur", "lesser", "trochanter", "hello", "thanks", "sources", "help", "why", "exercise", "T12", "L1",
    ];

    private static readonly string[] Specials =
    [
        "\u200F", "\u200E", "\u202E", "\u202D", "\u2066", "\u2067", "\u2069", "\u061C", "\u200B", "\u200D", "\u2060",
        "\uFEFF", "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\u2028",
        "\u2029", "\r\n", "\r", "\n", "\t", "\n\n\n", "\u0301", "\u0336", "\uD800", "\uDFFF", "\uDBFF\uDBFF", "\uDC00\uD800",
        "😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "𝕡𝕤𝕠𝕒𝕤", "\U0001F4A9", "\U0010FFFF", "ﷺ", "مرحبا", "שלום", "日本語", "Ⅻ", "ß", "İ", "ﬃ",
    ];

    private static readonly Lazy<(AnswerEngine Engine, string Disclaimer, string[] PainTerms)> Shipped = new(() =>
    {
        var store = new KnowledgeStore(
            Options.Create(new KnowledgeOptions { Path = RepositoryPaths.Knowledge, Watch = false }),
            TimeProvider.System,
            NullLogger<KnowledgeStore>.Instance);
        var rules = store.Current.Safety;
        return (new AnswerEngine(store, new Random(Seed)), rules.Disclaimer.Trim(), [.. rules.PainTerms]);
    });

    [Fact]
    public void Ten_thousand_hostile_messages_render_safely_on_both_platforms()
    {
        var (engine, disclaimer, painTerms) = Shipped.Value;
        var random = new Random(Seed);
        var problems = new List<string>();
        var stats = new Dictionary<Intent, int>();
        var painChecked = 0;
        var longTexts = 0;

        for (var n = 0; n < Messages; n++)
        {
            var pain = n % 7 == 3 ? painTerms[random.Next(painTerms.Length)] : null;
            var text = pain is null ? Generate(random, n) : PainQuestion(random, pain, n);
            if (text.Length >= 100_000)
            {
                longTexts++;
            }

            var platform = n % 2 == 0 ? "telegram" : "discord";
            Reply reply;
            try
            {
                reply = engine.Answer(new IncomingMessage(text, platform, "u" + (n % 13), "c" + (n % 5)));
            }
            catch (Exception ex)
            {
                problems.Add($"#{n} engine threw {ex.GetType().Name}: {ex.Message} for {Show(text)}");
                continue;
            }

            stats[reply.Intent] = stats.GetValueOrDefault(reply.Intent) + 1;
            var before = problems.Count;
            CheckTelegram(reply, n, problems);
            CheckDiscord(reply, text, n, problems);

            if (pain is not null)
            {
                painChecked++;
                CheckDisclaimer(reply, disclaimer, n, text, problems);
            }

            if (problems.Count > before)
            {
                problems.Add($"   ... input #{n} ({reply.Intent}): {Show(text)}");
            }

            if (problems.Count > 40)
            {
                break;
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(painChecked >= Messages / 8, $"only {painChecked} pain questions");
        Assert.True(longTexts >= 10, $"only {longTexts} texts of 100 KB");
        Assert.True(stats.Count >= 6, "the generator reaches many intents: " + string.Join(", ", stats));
    }

    private static void CheckTelegram(Reply reply, int n, List<string> problems)
    {
        IReadOnlyList<string> chunks;
        try
        {
            chunks = MessageSplitter.Split(ReplyRenderer.Render(reply));
        }
        catch (Exception ex)
        {
            problems.Add($"#{n} telegram renderer threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        if (chunks.Count == 0)
        {
            problems.Add($"#{n} telegram: nothing to send");
        }

        foreach (var chunk in chunks)
        {
            if (chunk.Length > MessageSplitter.MaxLength)
            {
                problems.Add($"#{n} telegram: message of {chunk.Length} UTF-16 units");
            }

            if (ValidateTelegramHtml(chunk) is { } error)
            {
                problems.Add($"#{n} telegram: {error} in {Show(chunk)}");
            }

            if (Unescaped(chunk) is { } ping)
            {
                problems.Add($"#{n} telegram: live {ping}");
            }

            try
            {
                // What the Telegram client puts on the wire.
                JsonSerializer.Serialize(new global::Telegram.Bot.Requests.SendMessageRequest { ChatId = 1, Text = chunk, ParseMode = global::Telegram.Bot.Types.Enums.ParseMode.Html }, global::Telegram.Bot.JsonBotAPI.Options);
            }
            catch (Exception ex)
            {
                problems.Add($"#{n} telegram: the message cannot be sent as JSON ({ex.GetType().Name}: {ex.Message})");
            }
        }
    }

    private static void CheckDiscord(Reply reply, string question, int n, List<string> problems)
    {
        // Every way a reply reaches Discord: a /muscle-style answer, an /ask answer quoting the question back, plain text.
        JsonObject[] bodies;
        try
        {
            bodies = [MessageRenderer.ReplyMessage(reply), MessageRenderer.ReplyMessage(reply, quotedQuestion: question), MessageRenderer.TextMessage(ReplyText.ToPlainText(reply, includeDisclaimer: true))];
        }
        catch (Exception ex)
        {
            problems.Add($"#{n} discord renderer threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        foreach (var body in bodies)
        {
            if (body["allowed_mentions"] is not JsonObject allowed || allowed.Count != 1 || allowed["parse"] is not JsonArray { Count: 0 })
            {
                problems.Add($"#{n} discord: allowed_mentions is not {{\"parse\":[]}}");
            }

            if (body["content"] is { } content && content.GetValue<string>().Length > DiscordLimits.Content)
            {
                problems.Add($"#{n} discord: content of {content.GetValue<string>().Length} characters");
            }

            if (body["embeds"] is JsonArray embeds)
            {
                foreach (var embed in embeds.OfType<JsonObject>())
                {
                    CheckEmbed(embed, n, problems);
                }
            }

            foreach (var value in Strings(body))
            {
                if (Unescaped(value) is { } ping)
                {
                    problems.Add($"#{n} discord: live {ping} in {Show(value)}");
                }
            }

            try
            {
                Encoding.UTF8.GetBytes(body.ToJsonString());
            }
            catch (Exception ex)
            {
                problems.Add($"#{n} discord: the body cannot be sent as JSON ({ex.GetType().Name}: {ex.Message})");
            }
        }
    }

    private static void CheckEmbed(JsonObject embed, int n, List<string> problems)
    {
        void Limit(string what, string? value, int max)
        {
            if (value is not null && value.Length > max)
            {
                problems.Add($"#{n} discord: {what} of {value.Length} > {max}");
            }
        }

        var title = embed["title"]?.GetValue<string>();
        if (string.IsNullOrEmpty(title))
        {
            problems.Add($"#{n} discord: embed without a title");
        }

        Limit("title", title, DiscordLimits.EmbedTitle);
        Limit("description", embed["description"]?.GetValue<string>(), DiscordLimits.EmbedDescription);
        Limit("footer", embed["footer"]?["text"]?.GetValue<string>(), DiscordLimits.Footer);
        if (embed["fields"] is JsonArray fields)
        {
            if (fields.Count > DiscordLimits.EmbedFields)
            {
                problems.Add($"#{n} discord: {fields.Count} fields");
            }

            foreach (var field in fields.OfType<JsonObject>())
            {
                var name = field["name"]?.GetValue<string>();
                var value = field["value"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"#{n} discord: empty field name or value");
                }

                Limit("field name", name, DiscordLimits.FieldName);
                Limit("field value", value, DiscordLimits.FieldValue);
            }
        }

        if (MessageRenderer.EmbedLength(embed) > DiscordLimits.EmbedTotal)
        {
            problems.Add($"#{n} discord: embed total {MessageRenderer.EmbedLength(embed)}");
        }
    }

    private static void CheckDisclaimer(Reply reply, string disclaimer, int n, string text, List<string> problems)
    {
        if (reply.Disclaimer is null)
        {
            problems.Add($"#{n} engine: no disclaimer on a pain question ({reply.Intent})");
            return;
        }

        var telegram = Squash(WebUtility(string.Join(" ", MessageSplitter.Split(ReplyRenderer.Render(reply)).Select(StripTags))));
        if (!telegram.Contains(Squash(disclaimer), StringComparison.Ordinal))
        {
            problems.Add($"#{n} telegram: the disclaimer is missing from the rendered answer");
        }

        foreach (var body in new[] { MessageRenderer.ReplyMessage(reply), MessageRenderer.ReplyMessage(reply, quotedQuestion: text) })
        {
            var description = body["embeds"]![0]!["description"]?.GetValue<string>() ?? "";
            if (!Squash(description).Contains(Squash(disclaimer), StringComparison.Ordinal))
            {
                problems.Add($"#{n} discord: the disclaimer is missing from the embed");
            }
        }
    }

    /// <summary>Null when <paramref name="html"/> uses only &lt;b&gt;/&lt;i&gt;, properly nested, and the three entities.</summary>
    private static string? ValidateTelegramHtml(string html)
    {
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var match = TagPattern().Match(html, i);
                if (!match.Success || match.Index != i)
                {
                    return $"raw '<' at {i}";
                }

                var name = match.Groups[2].Value;
                if (match.Groups[1].Value == "/")
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        return $"unbalanced </{name}> at {i}";
                    }
                }
                else
                {
                    if (open.Contains(name))
                    {
                        return $"nested <{name}> at {i}";
                    }

                    open.Push(name);
                }

                i += match.Length - 1;
            }
            else if (c == '>')
            {
                return $"raw '>' at {i}";
            }
            else if (c == '&')
            {
                var match = EntityPattern().Match(html, i);
                if (!match.Success || match.Index != i)
                {
                    return $"raw '&' at {i}";
                }
            }
        }

        return open.Count == 0 ? null : $"unclosed <{open.Peek()}>";
    }

    /// <summary>A mention Discord or Telegram would act on, or null.</summary>
    private static string? Unescaped(string text)
    {
        foreach (var ping in new[] { "@everyone", "@here" })
        {
            if (text.Contains(ping, StringComparison.OrdinalIgnoreCase))
            {
                return ping;
            }
        }

        return MentionPattern().Match(text) is { Success: true } m ? m.Value : null;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static string Generate(Random random, int n)
    {
        var builder = new StringBuilder();
        if (n % 4 == 0)
        {
            builder.Append(Commands[random.Next(Commands.Length)]).Append(random.Next(3) == 0 ? "" : " ");
        }

        var pieces = random.Next(1, 14);
        for (var i = 0; i < pieces; i++)
        {
            AppendPiece(builder, random, allowQuiz: true);
            if (random.Next(3) > 0)
            {
                builder.Append(' ');
            }
        }

        if (n % 1000 == 17 || n % 1000 == 503)
        {
            // 100 KB: long enough to hit every truncation path, with hostile content past the routing window.
            var filler = builder.Length == 0 ? "psoas pain @everyone <b>" : builder.ToString();
            while (builder.Length < 100_000)
            {
                builder.Append(filler).Append(' ');
                AppendPiece(builder, random, allowQuiz: true);
            }
        }

        return builder.ToString();
    }

    private static string PainQuestion(Random random, string painTerm, int n)
    {
        // The pain term is a whole word within the routing window; everything around it is hostile.
        var builder = new StringBuilder();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            AppendPiece(builder, random, allowQuiz: false);
        }

        builder.Append(' ').Append(random.Next(2) == 0 ? painTerm : painTerm.ToUpperInvariant()).Append(' ');
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            AppendPiece(builder, random, allowQuiz: false);
            builder.Append(' ');
        }

        var text = builder.ToString();
        if (text.TrimStart().StartsWith('/'))
        {
            text = "q " + text;
        }

        return n % 1000 == 3 ? text + new string('x', 100_000) : text;
    }

    private static void AppendPiece(StringBuilder builder, Random random, bool allowQuiz)
    {
        switch (random.Next(9))
        {
            case 0:
                builder.Append(Mentions[random.Next(Mentions.Length)]);
                break;
            case 1:
            case 2:
                builder.Append(Markup[random.Next(Markup.Length)]);
                break;
            case 3:
            case 4:
                builder.Append(Words[random.Next(Words.Length)]);
                break;
            case 5:
                builder.Append(Specials[random.Next(Specials.Length)]);
                break;
            case 6:
                if (allowQuiz)
                {
                    builder.Append(Commands[random.Next(Commands.Length)]);
                }
                else
                {
                    builder.Append(Specials[random.Next(Specials.Length)]);
                }

                break;
            default:
                AppendRandomUnicode(builder, random, random.Next(1, 24));
                break;
        }
    }

    private static void AppendRandomUnicode(StringBuilder builder, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    builder.Append((char)random.Next(0, 0x20)); // C0 controls
                    break;
                case 1:
                    builder.Append((char)random.Next(0xD800, 0xE000)); // lone surrogate halves
                    break;
                case 2:
                    builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000) is var cp && cp is >= 0xD800 and < 0xE000 ? 0x1F600 : cp));
                    break;
                case 3:
                    builder.Append((char)random.Next(0x20, 0x7F));
                    break;
                default:
                    var bmp = random.Next(0x80, 0x10000);
                    builder.Append((char)(bmp is >= 0xD800 and < 0xE000 ? 0x05D0 : bmp));
                    break;
            }
        }
    }

    private static string StripTags(string html) => TagPattern().Replace(html, "");

    private static string WebUtility(string text) => System.Net.WebUtility.HtmlDecode(text);

    private static string Squash(string text) => WhitespacePattern().Replace(text, " ").Trim();

    private static string Show(string text)
    {
        var clipped = text.Length > 160 ? text[..160] + $"…({text.Length} chars)" : text;
        var builder = new StringBuilder();
        foreach (var c in clipped)
        {
            builder.Append(c < 0x20 || char.IsSurrogate(c) || c is >= '\u200B' and <= '\u206F' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }

    [GeneratedRegex("<(/?)(b|i)>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("&(amp|lt|gt|quot);")]
    private static partial Regex EntityPattern();

    // Channel links (<#id>) notify nobody, so they are not counted.
    [GeneratedRegex("<@[!&]?[0-9]+>")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

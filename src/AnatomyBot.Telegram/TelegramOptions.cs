using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram;

/// <summary>Settings of the Telegram adapter, bound from the "Telegram" configuration section.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    internal const string OfficialApiBaseUrl = "https://api.telegram.org";

    /// <summary>The bot token from @BotFather (<c>Telegram:Token</c>, environment <c>Telegram__Token</c>). Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>
    /// Base URL of the Bot API (<c>Telegram:ApiBaseUrl</c>), scheme, host and port only (Telegram.Bot keeps no path);
    /// a local Bot API server, a third-party emulator or a test fake may replace it.
    /// </summary>
    public string ApiBaseUrl { get; set; } = OfficialApiBaseUrl;

    /// <summary>Use Telegram's test environment (<c>Telegram:UseTestEnvironment</c>): a token from the test BotFather.</summary>
    public bool UseTestEnvironment { get; set; }

    /// <summary>User ids allowed to run /reload and to manage the daily quiz anywhere (<c>Telegram__Moderators__0</c>, ...).</summary>
    public List<long> Moderators { get; set; } = [];

    /// <summary>Long-polling timeout of getUpdates in seconds (1-50). The HTTP timeout is set above it.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Replicas on one database (<c>Storage:Provider</c> postgres) long-poll one at a time, the holder of a lease of this
    /// many seconds (3-300): it renews it every third of that, the others try to take it as often, and when the holder
    /// dies another polls at most this long plus a third after its last renewal. Not used with SQLite (one process).
    /// </summary>
    public int PollingLeaseSeconds { get; set; } = 6;

    /// <summary>Upper bound in seconds of the back-off after server or network failures.</summary>
    public int MaxBackoffSeconds { get; set; } = 60;

    /// <summary>How many times a send is retried after server or network failures before it is given up.</summary>
    public int MaxSendAttempts { get; set; } = 6;

    /// <summary>Minimum gap between two messages to one chat, in milliseconds (Telegram allows about 1 per second).</summary>
    public int PerChatIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Messages per minute allowed in one group (negative chat id); Telegram allows about 20.</summary>
    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>How long a getChatMember answer (is this user an administrator?) is trusted, in seconds.</summary>
    public int AdminCacheSeconds { get; set; } = 300;

    /// <summary>Whether to publish the command list with setMyCommands at start.</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>
    /// Whether a fatal condition (the token is rejected) stops the whole host. Default true: a bot that cannot
    /// log in should not look healthy. Set false to keep the other adapter running alone.
    /// </summary>
    public bool StopHostOnFatalError { get; set; } = true;

    /// <summary>
    /// Webhook mode (<c>Telegram:Webhook:Url</c>, <c>Telegram:Webhook:SecretToken</c>). When the URL is set the bot
    /// registers it with setWebhook instead of long polling and receives updates on the host's HTTP listener.
    /// </summary>
    public TelegramWebhookOptions Webhook { get; set; } = new();

    internal TimeSpan HttpTimeout => TimeSpan.FromSeconds(PollTimeoutSeconds + 15);

    internal bool UsesOfficialServer => string.Equals(ApiBaseUrl.TrimEnd('/'), OfficialApiBaseUrl, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Webhook mode settings (section "Telegram:Webhook").</summary>
public sealed class TelegramWebhookOptions
{
    /// <summary>
    /// Public HTTPS URL Telegram posts updates to (<c>Telegram:Webhook:Url</c>, ports 443, 80, 88 or 8443 on the
    /// public side). Its path is served on the host's HTTP listener (<c>Http:Urls</c>), usually behind a reverse
    /// proxy. Empty (the default): long polling.
    /// </summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// Secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> with every update (1-256 of A-Z a-z 0-9 _ -);
    /// required with <see cref="Url"/>. Requests without it are refused with 401. Never logged.
    /// </summary>
    public string SecretToken { get; set; } = "";

    /// <summary>How many accepted updates may wait to be handled; when full, Telegram is answered 503 and retries.</summary>
    public int QueueCapacity { get; set; } = 1000;

    internal bool Enabled => !string.IsNullOrWhiteSpace(Url);
}

internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            errors.Add("Telegram:Token is required: set Telegram__Token to the token @BotFather gave you.");
        }
        else if (!LooksLikeToken(options.Token))
        {
            // The value itself is never echoed: it is a secret even when it is malformed.
            errors.Add("Telegram:Token does not look like a bot token (expected <digits>:<letters, digits, - or _>); copy it again from @BotFather.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("Telegram:ApiBaseUrl must be an absolute http(s) URL such as https://api.telegram.org.");
        }
        else if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            errors.Add("Telegram:ApiBaseUrl must be scheme, host and port only, without a path (e.g. http://localhost:8081): the Bot API paths are added after it.");
        }

        InRange(errors, "Telegram:PollTimeoutSeconds", options.PollTimeoutSeconds, 1, 50, "(long polling needs a positive timeout)");
        InRange(errors, "Telegram:PollingLeaseSeconds", options.PollingLeaseSeconds, 3, 300);
        InRange(errors, "Telegram:MaxBackoffSeconds", options.MaxBackoffSeconds, 1, 3600);
        InRange(errors, "Telegram:MaxSendAttempts", options.MaxSendAttempts, 1, 100);
        InRange(errors, "Telegram:PerChatIntervalMilliseconds", options.PerChatIntervalMilliseconds, 0, 60_000);
        InRange(errors, "Telegram:GroupMessagesPerMinute", options.GroupMessagesPerMinute, 1, 1000);
        InRange(errors, "Telegram:AdminCacheSeconds", options.AdminCacheSeconds, 0, 86_400);

        ValidateWebhook(options.Webhook, errors);

        if (options.Moderators.Any(id => id <= 0))
        {
            errors.Add("Telegram:Moderators must hold positive Telegram user ids (Telegram__Moderators__0=123456789).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateWebhook(TelegramWebhookOptions webhook, List<string> errors)
    {
        if (!webhook.Enabled)
        {
            return;
        }

        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add("Telegram:Webhook:Url must be an absolute https URL (Telegram only posts to HTTPS), e.g. https://bot.example.org/telegram/webhook; leave it empty for long polling.");
        }

        if (string.IsNullOrEmpty(webhook.SecretToken))
        {
            errors.Add("Telegram:Webhook:SecretToken is required when Telegram:Webhook:Url is set: 1-256 characters of A-Z, a-z, 0-9, _ and -.");
        }
        else if (webhook.SecretToken.Length > 256 || !webhook.SecretToken.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            // Like the token, the secret's value is never echoed.
            errors.Add("Telegram:Webhook:SecretToken must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule).");
        }

        if (webhook.QueueCapacity is < 1 or > 1_000_000)
        {
            errors.Add("Telegram:Webhook:QueueCapacity must be between 1 and 1000000.");
        }
    }

    private static void InRange(List<string> errors, string key, int value, int min, int max, string? why = null)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max}{(why is null ? "" : " " + why)}.");
        }
    }

    internal static bool LooksLikeToken(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        // The bot id before the colon has at most 16 digits (Telegram.Bot refuses longer ones).
        if (colon <= 0 || colon > 16 || colon == token.Length - 1)
        {
            return false;
        }

        return token[..colon].All(char.IsAsciiDigit)
            && token[(colon + 1)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }
}

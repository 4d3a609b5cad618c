using System.Globalization;
using AnatomyBot.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord;

/// <summary>Settings of the Discord adapter, bound from the "Discord" configuration section.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the developer portal (Bot page). Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base URL including the API version; tests point it at a loopback server.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Optional gateway URL that replaces the one <c>GET /gateway/bot</c> returns.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Optional guild (server) id: commands are registered there (instant) instead of globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>User ids allowed to run /reload besides members with Manage Server or Administrator.</summary>
    public List<string> Moderators { get; set; } = [];

    /// <summary>
    /// Total number of shards across every process; unset uses the count Discord recommends (<c>GET /gateway/bot</c>).
    /// Set it whenever <see cref="Shards"/> is set, so every process agrees on it.
    /// </summary>
    public int? ShardCount { get; set; }

    /// <summary>The shards this process runs, for example "0-3" or "0,2"; unset runs them all.</summary>
    public string? Shards { get; set; }

    /// <summary>
    /// When true, messages that mention the bot and direct messages are answered as free-text questions.
    /// Adds the GUILD_MESSAGES and DIRECT_MESSAGES intents (neither is privileged).
    /// </summary>
    public bool AnswerMentions { get; set; }

    /// <summary>
    /// The URL in the REST User-Agent (<c>DiscordBot (url, version)</c>), so Discord can tell whose bot this is:
    /// set it to your deployment's repository or home page.
    /// </summary>
    public string ProjectUrl { get; set; } = "https://example.invalid/anatomybot";

    /// <summary>
    /// A fatal condition (a rejected token, disallowed intents, no session starts left) stops the whole host; false
    /// stops only the Discord adapter, so Telegram keeps running alone (the same switch as Telegram:StopHostOnFatalError).
    /// </summary>
    public bool StopHostOnFatalError { get; set; } = true;

    internal string BareToken =>
        Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) ? Token[4..].Trim() : Token.Trim();

    internal bool IsModerator(string? userId) =>
        userId is not null && Moderators.Any(m => string.Equals(m.Trim(), userId, StringComparison.Ordinal));
}

/// <summary>Checks the Discord settings at start; every message names the key to fix.</summary>
/// <param name="legacyShardIdSet">True when the configuration still sets Discord:ShardId, which Discord:Shards replaced.</param>
internal sealed class DiscordOptionsValidator(bool legacyShardIdSet = false) : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BareToken))
        {
            errors.Add("Discord:Token is empty: set it to the bot token from the developer portal (Bot page).");
        }
        else if (options.BareToken.Any(char.IsWhiteSpace))
        {
            errors.Add("Discord:Token contains whitespace: copy the token again from the developer portal.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10 (got '{options.ApiBaseUrl}').");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gw) || (gw.Scheme != "wss" && gw.Scheme != "ws")))
        {
            errors.Add($"Discord:GatewayUrl must be an absolute ws:// or wss:// URL, or unset (got '{options.GatewayUrl}').");
        }

        if (!Uri.TryCreate(options.ProjectUrl, UriKind.Absolute, out var projectUrl)
            || (projectUrl.Scheme != Uri.UriSchemeHttps && projectUrl.Scheme != Uri.UriSchemeHttp)
            || options.ProjectUrl.IndexOfAny([',', '(', ')', ' ']) >= 0)
        {
            errors.Add($"Discord:ProjectUrl must be an absolute http(s) URL without spaces, commas or parentheses; got '{options.ProjectUrl}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.GuildId) && !IsSnowflake(options.GuildId))
        {
            errors.Add($"Discord:GuildId must be a numeric server id (enable Developer Mode, right-click the server, Copy Server ID); got '{options.GuildId}'.");
        }

        for (var i = 0; i < options.Moderators.Count; i++)
        {
            if (!IsSnowflake(options.Moderators[i]))
            {
                errors.Add($"Discord:Moderators:{i} must be a numeric user id (got '{options.Moderators[i]}').");
            }
        }

        ValidateShards(options, errors);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void ValidateShards(DiscordOptions options, List<string> errors)
    {
        if (legacyShardIdSet)
        {
            errors.Add("Discord:ShardId is no longer read: set Discord:Shards to the shard ids this process runs (for example \"1\" or \"0-3\"), together with Discord:ShardCount.");
        }

        if (options.ShardCount is < 1)
        {
            errors.Add($"Discord:ShardCount must be at least 1 (got {options.ShardCount}); leave it unset to use the count Discord recommends.");
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Shards))
        {
            return;
        }

        if (!ShardSet.TryParse(options.Shards, out var shards, out var error))
        {
            errors.Add($"Discord:Shards {error}.");
        }
        else if (options.ShardCount is not { } count)
        {
            errors.Add("Discord:Shards needs Discord:ShardCount as well: every process must use the same total to agree on which shard serves which server.");
        }
        else if (shards.Where(id => id >= count).Select(id => (int?)id).FirstOrDefault() is { } tooHigh)
        {
            errors.Add($"Discord:Shards lists shard {tooHigh}, but Discord:ShardCount is {count}: shard ids run from 0 to {count - 1}.");
        }
    }

    internal static bool IsSnowflake(string? value) =>
        ulong.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;
}

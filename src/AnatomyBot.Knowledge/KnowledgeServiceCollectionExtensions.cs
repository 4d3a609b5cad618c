using AnatomyBot.Core.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KnowledgeOptions"/> (section <c>Knowledge</c>, validated at start), <see cref="KnowledgeStore"/>
    /// as itself, <see cref="IKnowledgeProvider"/> and <see cref="IKnowledgeReloader"/> (one singleton), TimeProvider.System
    /// unless a TimeProvider is already registered, and the folder watcher when <c>Knowledge:Watch</c> is true.
    /// Resolving the store loads the folder; it throws <see cref="KnowledgeLoadException"/> when that fails.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(KnowledgeOptions.SectionName);
        services.AddOptions<KnowledgeOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KnowledgeStore>();
        services.TryAddSingleton<IKnowledgeProvider>(sp => sp.GetRequiredService<KnowledgeStore>());
        services.TryAddSingleton<IKnowledgeReloader>(sp => sp.GetRequiredService<KnowledgeStore>());

        // An unparsable value is left to options validation at start, which names the key.
        var watch = !bool.TryParse(section[nameof(KnowledgeOptions.Watch)], out var configured) || configured;
        if (watch)
        {
            services.AddHostedService<KnowledgeWatcher>();
        }

        return services;
    }
}

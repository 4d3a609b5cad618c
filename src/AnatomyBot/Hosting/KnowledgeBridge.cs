using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Hosting;

/// <summary>The host's few touch points with the knowledge loader and store.</summary>
internal static class KnowledgeBridge
{
    /// <summary>The store's rule (<see cref="KnowledgePaths"/>) applied to a folder given on the command line or configured.</summary>
    public static string ResolveFolder(string? folder, IConfiguration configuration, string workingDirectory)
    {
        var configured = configuration[$"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Path)}"];
        var path = folder ?? (string.IsNullOrWhiteSpace(configured) ? new KnowledgeOptions().Path : configured);
        return KnowledgePaths.Resolve(path, workingDirectory, AppContext.BaseDirectory);
    }

    public static (KnowledgeSnapshot? Snapshot, ImmutableArray<KnowledgeError> Errors) Load(string folder)
    {
        var result = KnowledgeLoader.Load(folder);
        return (result.Snapshot, result.Errors);
    }

    /// <summary>
    /// Creates the store, which loads the folder once; errors there mean nothing may be served, so the caller prints
    /// every one and exits instead of starting half-loaded. Empty when the knowledge loaded.
    /// </summary>
    public static ImmutableArray<KnowledgeError> LoadAtStart(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IKnowledgeProvider>().Current;
            return [];
        }
        catch (KnowledgeLoadException ex)
        {
            return ex.Errors;
        }
    }
}

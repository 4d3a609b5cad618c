using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Core.Study;
using AnatomyBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AnatomyBot.Tests.Ops;

/// <summary>
/// Which store sits behind each storage port for each <c>Storage:Provider</c>: with <c>postgres</c> every port, the study
/// store included, is PostgreSQL's (replicas share reviews, links and progress), never a local SQLite file.
/// </summary>
public sealed class StorageProviderTests
{
    private static readonly Type[] Ports =
        [typeof(IQuizStore), typeof(IDailyQuizStore), typeof(IChatStore), typeof(IUpdateInbox), typeof(IStudyStore), typeof(IStorageSchema)];

    [Theory]
    [InlineData("postgres", "Host=127.0.0.1;Port=1;Username=bot;Database=anatomybot", "AnatomyBot.Storage.Postgres")]
    [InlineData("sqlite", null, "AnatomyBot.Storage")]
    public void Every_storage_port_comes_from_the_selected_provider(string? provider, string? connectionString, string assembly)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), $"anatomybot-provider-{Guid.NewGuid():N}.db"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Mock.Of<IKnowledgeReloader>());

        HostServices.AddAdapters(services, configuration, telegram: true, discord: false);

        foreach (var port in Ports)
        {
            // Exactly one registration: the default provider never adds a second one beside PostgreSQL's.
            var registration = Assert.Single(services, d => d.ServiceType == port);
            Assert.NotNull(registration);
        }

        using var resolver = services.BuildServiceProvider();
        foreach (var port in Ports)
        {
            var store = resolver.GetRequiredService(port);
            Assert.Equal(assembly, store.GetType().Assembly.GetName().Name);
        }

        // Discord's session starts are paced through the turns: shared in PostgreSQL, this process's own with SQLite.
        Assert.Single(services, d => d.ServiceType == typeof(ITurnClaims));
        var turns = resolver.GetRequiredService<ITurnClaims>();
        Assert.Equal(provider == "postgres" ? "PostgresTurnClaims" : nameof(InProcessTurnClaims), turns.GetType().Name);
    }
}

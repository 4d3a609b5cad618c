using AnatomyBot.Core.Knowledge;
using AnatomyBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge.Tests;

public sealed class KnowledgeServicesTests : IDisposable
{
    private readonly TestKnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        before?.Invoke(services);
        services.AddKnowledge(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Registers_one_store_behind_both_ports_and_the_watcher()
    {
        using var provider = Build(new() { ["Knowledge:Path"] = _folder.Path });

        var store = provider.GetRequiredService<KnowledgeStore>();
        Assert.Same(store, provider.GetRequiredService<IKnowledgeProvider>());
        Assert.Same(store, provider.GetRequiredService<IKnowledgeReloader>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<KnowledgeWatcher>());
        Assert.Equal(3, store.Current.Muscles.Length);
    }

    [Fact]
    public void Keeps_an_existing_time_provider_and_skips_the_watcher_when_watch_is_false()
    {
        var clock = new FakeTimeProvider();
        using var provider = Build(
            new() { ["Knowledge:Path"] = _folder.Path, ["Knowledge:Watch"] = "false" },
            services => services.AddSingleton<TimeProvider>(clock));

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.Equal(clock.GetUtcNow(), provider.GetRequiredService<IKnowledgeProvider>().Current.LoadedAt);
    }

    [Fact]
    public void Defaults_are_knowledge_watch_and_500_ms()
    {
        var options = new KnowledgeOptions();

        Assert.Equal("knowledge", options.Path);
        Assert.True(options.Watch);
        Assert.Equal(500, options.DebounceMilliseconds);
        Assert.Equal(0, options.PollIntervalSeconds);
    }

    [Theory]
    [InlineData("Knowledge:Path", "", "Knowledge:Path")]
    [InlineData("Knowledge:Path", "   ", "Knowledge:Path")]
    [InlineData("Knowledge:DebounceMilliseconds", "0", "Knowledge:DebounceMilliseconds")]
    [InlineData("Knowledge:DebounceMilliseconds", "3600000", "Knowledge:DebounceMilliseconds")]
    [InlineData("Knowledge:Watch", "maybe", "Knowledge:Watch")]
    [InlineData("Knowledge:PollIntervalSeconds", "-1", "Knowledge:PollIntervalSeconds")]
    [InlineData("Knowledge:PollIntervalSeconds", "3601", "Knowledge:PollIntervalSeconds")]
    public void Invalid_settings_fail_with_a_message_naming_the_key(string key, string value, string expected)
    {
        using var provider = Build(new() { ["Knowledge:Path"] = _folder.Path, [key] = value });

        var exception = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value);

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_runs_when_the_host_starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = _folder.Path,
            ["Knowledge:DebounceMilliseconds"] = "-5",
        });
        builder.Services.AddKnowledge(builder.Configuration);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Knowledge:DebounceMilliseconds must be between", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_knowledge_surfaces_as_a_load_exception_with_every_error()
    {
        _folder.Edit("muscles/iliacus.yaml", "name: Iliacus", "name:");
        using var provider = Build(new() { ["Knowledge:Path"] = _folder.Path, ["Knowledge:Watch"] = "false" });

        var exception = Assert.Throws<KnowledgeLoadException>(() => provider.GetRequiredService<IKnowledgeProvider>());

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("muscles/iliacus.yaml", 2, "name"), (error.File, error.Line, error.Field));
    }
}

using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Storage;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace AnatomyBot.Discord.Tests;

public sealed class RegistrationTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        // The store is opened lazily: nothing is written at this path by these tests.
        settings["Storage:Path"] = Path.Combine(Path.GetTempPath(), "anatomybot-registration-" + Guid.NewGuid().ToString("N"), "bot.db");
        builder.Configuration.AddInMemoryCollection(settings);
        var engine = new FakeEngine();
        builder.Services.AddSingleton<IAnswerEngine>(engine);
        builder.Services.AddSingleton<IMuscleNameCompleter>(engine);
        builder.Services.AddSingleton(Mock.Of<IKnowledgeReloader>());
        builder.Services.AddSingleton(Mock.Of<IKnowledgeProvider>());
        builder.Services.AddAnatomyBotStorage(builder.Configuration);
        builder.Services.AddDiscordAdapter(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Invalid_settings_fail_the_start_naming_the_key()
    {
        using var host = Build(new() { ["Discord:Token"] = "abc", ["Discord:GuildId"] = "my server" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Discord:GuildId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adapter_resolves_as_a_hosted_service()
    {
        using var host = Build(new() { ["Discord:Token"] = "abc" });
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is DiscordBotService);
        Assert.Same(host.Services.GetRequiredService<DiscordBotService>(), host.Services.GetServices<IHostedService>().OfType<DiscordBotService>().Single());
    }
}

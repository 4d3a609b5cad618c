using System.Net;
using System.Net.Sockets;
using AnatomyBot.Cli;
using AnatomyBot.Commands;
using AnatomyBot.Core.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Tests.Ops;

public sealed class OptionsAndVerbsTests
{
    [Theory]
    [InlineData("Http:Urls", "ftp://127.0.0.1:8080", "Http:Urls")]
    [InlineData("Http:Urls", "not a url", "Http:Urls")]
    [InlineData("Http:Urls", "https://127.0.0.1:8443", "Http:Urls")]
    [InlineData("Http:Urls", "http://127.0.0.1:8080/base", "Http:Urls")]
    [InlineData("Http:Urls", " ; ", "Http:Urls")]
    [InlineData("Health:ReconnectGraceSeconds", "0", "Health:ReconnectGraceSeconds")]
    [InlineData("Logging:Console:FormatterName", "xml", "Logging:Console:FormatterName")]
    [InlineData("Host:ShutdownTimeoutSeconds", "0", "Host:ShutdownTimeoutSeconds")]
    [InlineData("Knowledge:DebounceMilliseconds", "1", "Knowledge:DebounceMilliseconds")]
    public async Task A_bad_setting_stops_serve_with_exit_2_naming_the_key(string key, string value, string named)
    {
        var run = await AppRunner.RunAsync(["serve"], settings: new Dictionary<string, string?> { [key] = value });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error);
        Assert.Contains("invalid configuration", run.Error);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://127.0.0.1:0;http://[::1]:0")]
    [InlineData("http://localhost:0")]
    public void Valid_listen_urls_pass(string urls)
    {
        var result = new Hosting.HttpOptionsValidator(new ConfigurationBuilder().Build()).Validate(null, new Hosting.HttpOptions { Urls = urls });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://*:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://[::]:8080")]
    public void Wildcard_listen_urls_pass(string url) => Assert.Null(Hosting.HttpOptions.CheckUrl(url));

    [Fact]
    public async Task Http_urls_are_not_checked_when_the_listener_is_off()
    {
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?> { ["Http:Enabled"] = "false", ["Http:Urls"] = "garbage" });
        Assert.Empty(host.Services.GetRequiredService<Hosting.OpsHttpServer>().Addresses);
    }

    [Fact]
    public async Task Webhook_mode_without_the_listener_is_refused_naming_both_keys()
    {
        var run = await AppRunner.RunAsync(["serve"], settings: new Dictionary<string, string?>
        {
            ["Http:Enabled"] = "false",
            ["Telegram:Token"] = "123456:ABCdef",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Telegram:Webhook:Url"] = "https://bot.example.org/telegram/webhook",
            ["Telegram:Webhook:SecretToken"] = "s3cret",
        });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Http:Enabled", run.Error);
        Assert.Contains("Telegram:Webhook:Url", run.Error);
        Assert.DoesNotContain("ABCdef", run.Error);
    }

    [Fact]
    public async Task A_port_in_use_stops_serve_with_a_message_naming_Http_Urls()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var run = await AppRunner.RunAsync(["serve"], settings: new Dictionary<string, string?> { ["Http:Urls"] = $"http://127.0.0.1:{port}" });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Http:Urls", run.Error);
    }

    [Fact]
    public async Task Command_line_verbs_never_bind_the_port()
    {
        // The configured port is taken: ask and knowledge check still work because they open no listener.
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var settings = new Dictionary<string, string?> { ["Http:Urls"] = $"http://127.0.0.1:{((IPEndPoint)blocker.LocalEndpoint).Port}" };
        Assert.Equal(0, (await AppRunner.RunAsync(["ask", "psoas minor origin"], settings: settings)).ExitCode);
        Assert.Equal(0, (await AppRunner.RunAsync(["knowledge", "check"], settings: settings)).ExitCode);
        Assert.Equal(0, (await AppRunner.RunAsync(["chat"], "/quit\n", settings)).ExitCode);
    }

    [Fact]
    public async Task Healthcheck_exits_0_against_a_healthy_bot_and_1_against_an_unhealthy_one()
    {
        var adapter = new FakeAdapter("discord", AdapterState.Connected, null);
        await using var host = await ServeHost.StartAsync(configure: s => s.AddSingleton<IAdapterHealth>(adapter));
        var root = host.BaseAddress.ToString().TrimEnd('/');

        // Through the setting, as the container's HEALTHCHECK runs it, and with an explicit URL.
        var viaSetting = await AppRunner.RunAsync(["healthcheck"], settings: new Dictionary<string, string?> { ["Http:Urls"] = root });
        Assert.True(viaSetting.ExitCode == 0, viaSetting.Error);
        Assert.StartsWith("healthy: 200", viaSetting.Output);
        Assert.Equal(0, (await AppRunner.RunAsync(["healthcheck", root])).ExitCode);
        Assert.Equal(0, (await AppRunner.RunAsync(["healthcheck", root + "/healthz"])).ExitCode);

        adapter.State = AdapterState.Failed;
        var unhealthy = await AppRunner.RunAsync(["healthcheck", root]);
        Assert.Equal(1, unhealthy.ExitCode);
        Assert.Contains("unhealthy: 503", unhealthy.Error);
        Assert.Contains("discord", unhealthy.Error);
    }

    [Fact]
    public async Task Healthcheck_exits_1_when_nothing_listens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await AppRunner.RunAsync(["healthcheck"], settings: new Dictionary<string, string?> { ["Http:Urls"] = $"http://0.0.0.0:{port}" });
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unreachable", run.Error);
        Assert.Contains($"127.0.0.1:{port}", run.Error);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0", "port 0")]
    [InlineData("ftp://x", "Http:Urls")]
    public async Task Healthcheck_exits_2_when_there_is_no_address_to_check(string urls, string message)
    {
        var run = await AppRunner.RunAsync(["healthcheck"], settings: new Dictionary<string, string?> { ["Http:Urls"] = urls });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://*:9000;http://127.0.0.1:9001", "http://127.0.0.1:9000/healthz")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/healthz")]
    [InlineData(null, "http://127.0.0.1:8080/healthz")]
    public void Healthcheck_targets_loopback_for_wildcard_listen_urls(string? urls, string expected)
    {
        var target = HealthcheckCommand.TargetFromSettings(urls, out var problem);
        Assert.Null(problem);
        Assert.Equal(expected, target!.ToString());
    }

    [Fact]
    public void Serve_and_healthcheck_parse()
    {
        Assert.Equal(Verb.Serve, CommandLine.Parse(["serve", "--Http:Urls=http://127.0.0.1:0"]).Verb);
        Assert.Equal(Verb.Invalid, CommandLine.Parse(["serve", "extra"]).Verb);
        var check = CommandLine.Parse(["healthcheck", "http://127.0.0.1:9/healthz"]);
        Assert.Equal(Verb.Healthcheck, check.Verb);
        Assert.Equal("http://127.0.0.1:9/healthz", check.Url);
        Assert.Equal(Verb.Invalid, CommandLine.Parse(["healthcheck", "a", "b"]).Verb);
        Assert.Equal(BotApp.HostMode.Bot, BotApp.ChooseMode(Verb.Serve, telegram: false, discord: false, inputRedirected: false));
        Assert.Contains("healthcheck", CommandLine.Usage);
        Assert.Contains("serve", CommandLine.Usage);
    }
}

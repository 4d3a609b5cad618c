using AnatomyBot.Observability;
using AnatomyBot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace AnatomyBot.Hosting;

/// <summary>
/// The operations listener (<c>/healthz</c>, <c>/metrics</c>): a small Kestrel application of its own, started and
/// stopped as one hosted service of the bot's host. Keeping it separate leaves the bot's host a plain generic host
/// (the CLI verbs never build a web stack) while the endpoints read the bot's own services. It stops last, so health
/// stays observable while the adapters drain. The Telegram webhook (webhook mode) is served here too.
/// </summary>
internal sealed class OpsHttpServer(
    IOptions<HttpOptions> options,
    HealthCheckService healthChecks,
    MeterProvider meterProvider,
    IServiceProvider services,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<OpsHttpServer>();
    private WebApplication? _app;

    /// <summary>The addresses Kestrel bound (with the real port when <c>Http:Urls</c> asked for port 0); empty when off.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            _logger.HttpDisabled();
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "AnatomyBot.Http" });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        builder.WebHost.UseUrls([.. settings.UrlList]);

        // The container images set ASPNETCORE_HTTP_PORTS; Http:Urls is the one setting that decides.
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, string.Empty);
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, string.Empty);
        builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "true");
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, ImmediateLifetime>();
        // /healthz runs the bot host's checks (knowledge, each adapter, the host's lifetime), not checks of its own.
        builder.Services.AddSingleton(healthChecks);

        var app = builder.Build();
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = HealthzBody.WriteAsync,
            ResultStatusCodes = HealthzBody.StatusCodes,
        });
        app.MapPrometheusScrapingEndpoint(MetricsExport.Path, meterProvider, configureBranchedPipeline: null, optionsName: null);
        // Maps nothing unless the Telegram adapter runs in webhook mode; its handlers resolve from the bot's services.
        app.MapTelegramWebhook(services);

        app.MapGet("/", context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("AnatomyBot: GET /healthz (JSON health) and /metrics (Prometheus text).\n", context.RequestAborted);
        });

        await app.StartAsync(cancellationToken);
        _app = app;
        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.HttpListening(string.Join(", ", Addresses));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync();
        }
    }
}

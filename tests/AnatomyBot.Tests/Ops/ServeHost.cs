using System.Collections.Concurrent;
using AnatomyBot.Hosting;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Tests.Ops;

/// <summary>
/// Runs <c>AnatomyBot serve</c> in-process (bot mode, no console chat) with the listener on 127.0.0.1 port 0, captures
/// every log entry, and stops it on dispose. <see cref="StartAsync"/> returns once the host reported ready.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _stdout = new() { NewLine = "\n" };
    private readonly StringWriter _stderr = new() { NewLine = "\n" };
    private Task<int>? _run;

    private ServeHost()
    {
    }

    public IServiceProvider Services { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public LogCapture Logs { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string Output => Locked(_stdout);

    public string Error => Locked(_stderr);

    public static async Task<ServeHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        string[]? args = null)
    {
        var host = new ServeHost();
        var merged = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepositoryPaths.Knowledge,
            ["Knowledge:Watch"] = "false",
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var ready = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        var environment = new BotAppEnvironment
        {
            Settings = merged,
            InputIsRedirected = true,
            ReadEnvironmentVariables = false,
            EnvironmentName = "Test",
            WorkingDirectory = RepositoryPaths.Root,
            UseConsoleLifetime = false,
            ConfigureServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(host.Logs);
                configure?.Invoke(services);
            },
            Started = services => ready.TrySetResult(services),
        };

        host._run = Task.Run(() => BotApp.RunAsync(args ?? ["serve"], TextReader.Null, TextWriter.Synchronized(host._stdout),
            TextWriter.Synchronized(host._stderr), environment, host._stop.Token));
        var first = await Task.WhenAny(ready.Task, host._run).WaitAsync(Wait.Guard);
        if (first != ready.Task)
        {
            throw new InvalidOperationException($"serve ended before it was ready (exit {await host._run}): {host.Error}");
        }

        host.Services = await ready.Task;
        var addresses = host.Services.GetRequiredService<OpsHttpServer>().Addresses;
        host.BaseAddress = addresses.Count == 0 ? new Uri("http://127.0.0.1:1/") : new Uri(addresses[0].TrimEnd('/') + "/");
        return host;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(BaseAddress, path));

    /// <summary>Sends a request whose URI is a path on this host (for requests with headers).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        request.RequestUri = new Uri(BaseAddress, request.RequestUri!.OriginalString);
        return Http.SendAsync(request);
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Stops the host as SIGTERM would (the lifetime's cancellation) and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return _run is null ? 0 : await _run.WaitAsync(Wait.Guard);
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is { IsCompleted: false })
        {
            await StopAsync();
        }

        Http.Dispose();
        _stop.Dispose();
    }

    private static string Locked(StringWriter writer)
    {
        lock (writer)
        {
            return writer.ToString();
        }
    }
}

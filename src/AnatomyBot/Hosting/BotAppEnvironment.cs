namespace AnatomyBot.Hosting;

/// <summary>
/// What <see cref="BotApp"/> takes from the process around it, made explicit so tests can run every verb in-process
/// without touching the real console, environment variables or working directory.
/// </summary>
internal sealed record BotAppEnvironment
{
    /// <summary>Settings applied after appsettings files and environment variables, before the command line.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether standard input is redirected (no terminal). Null: ask <see cref="Console.IsInputRedirected"/>.</summary>
    public bool? InputIsRedirected { get; init; }

    /// <summary>Whether process environment variables are read as configuration (off in tests for isolation).</summary>
    public bool ReadEnvironmentVariables { get; init; } = true;

    /// <summary>Environment name (appsettings.{Environment}.json). Null: DOTNET_ENVIRONMENT, then Production.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>Folder relative paths are resolved against, and where an operator's appsettings.json is looked for.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Whether the bot-run mode installs the console lifetime (Ctrl+C / SIGTERM stop the host).</summary>
    public bool UseConsoleLifetime { get; init; } = true;

    /// <summary>When the process started, for the start-up time. Null: timed from when <see cref="BotApp.RunAsync"/> began.</summary>
    public DateTimeOffset? ProcessStartedAt { get; init; }

    /// <summary>Extra registrations applied last in bot mode (tests add fake adapter health or a log capture here).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Called once the bot-mode host has started and is ready, with its services (tests find the bound address).</summary>
    public Action<IServiceProvider>? Started { get; init; }

    public static BotAppEnvironment Process { get; } = new() { ProcessStartedAt = ReadProcessStart() };

    public bool IsInputRedirected => InputIsRedirected ?? Console.IsInputRedirected;

    public string ResolveEnvironmentName() =>
        EnvironmentName
        ?? NonEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
        ?? NonEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
        ?? "Production";

    private static DateTimeOffset? ReadProcessStart()
    {
        try
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

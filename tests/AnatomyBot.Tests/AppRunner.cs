using AnatomyBot.Hosting;
using AnatomyBot.Testing;
using AnatomyBot.Tests.Ops;

namespace AnatomyBot.Tests;

internal sealed record AppRun(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs <see cref="BotApp"/> in-process with scripted standard streams, isolated from the process environment.</summary>
internal static class AppRunner
{
    public static async Task<AppRun> RunAsync(
        string[] args,
        string input = "",
        IReadOnlyDictionary<string, string?>? settings = null,
        bool inputRedirected = true,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        using var stdin = new StringReader(input);
        return await RunAsync(args, stdin, settings, inputRedirected, configureServices);
    }

    public static async Task<AppRun> RunAsync(
        string[] args,
        TextReader stdin,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool inputRedirected = true,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        // The sentence model is off unless a test turns it on: loading it costs seconds and ~330 MB per host. The
        // database (the console's study record) is a fresh file per run, deleted afterwards.
        using var data = new TempFolder();
        var merged = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepositoryPaths.Knowledge,
            ["Knowledge:Watch"] = "false",
            ["Answering:Semantic"] = "false",
            ["Storage:Path"] = Path.Combine(data.Path, "bot.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var environment = new BotAppEnvironment
        {
            Settings = merged,
            InputIsRedirected = inputRedirected,
            ReadEnvironmentVariables = false,
            EnvironmentName = "Test",
            WorkingDirectory = RepositoryPaths.Root,
            UseConsoleLifetime = false,
            ConfigureServices = configureServices,
        };

        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var timeout = new CancellationTokenSource(Wait.Guard); // a hang guard only: a run that loads the model can take most of a minute on a loaded machine
        var exit = await BotApp.RunAsync(args, stdin, stdout, stderr, environment, timeout.Token);
        return new AppRun(exit, stdout.ToString(), stderr.ToString());
    }
}

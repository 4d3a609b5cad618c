using AnatomyBot.Cli;
using AnatomyBot.Commands;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Study;
using AnatomyBot.Core.Observability;
using AnatomyBot.Hosting;
using AnatomyBot.Storage;
using AnatomyBot.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot;

/// <summary>
/// The executable's whole behaviour behind one call, so every verb runs in-process in tests with scripted
/// standard streams. <c>Program</c> only passes the real console.
/// </summary>
internal static class BotApp
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        BotAppEnvironment environment,
        CancellationToken cancellationToken)
    {
        var runStarted = TimeProvider.System.GetTimestamp();
        var command = CommandLine.Parse(args);
        if (command.Verb is Verb.Help or Verb.Invalid)
        {
            CommandLine.WriteHelpOrErrors(command, output, error);
            return command.Verb == Verb.Help ? ExitOk : ExitUsage;
        }

        var environmentName = environment.ResolveEnvironmentName();
        var configuration = new ConfigurationManager();
        AppConfiguration.AddSources(configuration, environment, environmentName, command.ConfigurationArgs);
        var streams = new Streams(input, output, error);
        return command.Verb switch
        {
            Verb.KnowledgeCheck => KnowledgeCheckCommand.Run(
                KnowledgeBridge.ResolveFolder(command.Folder, configuration, environment.WorkingDirectory), KnowledgeBridge.Load, output),
            Verb.Healthcheck => await HealthcheckCommand.RunAsync(
                command.Url, configuration[$"{HttpOptions.SectionName}:{nameof(HttpOptions.Urls)}"], output, error, cancellationToken),
            _ => await RunHostAsync(command, configuration, environment, environmentName, runStarted, streams, cancellationToken),
        };
    }

    /// <summary>Builds the host for the mode the verb and the tokens call for, loads the knowledge, then runs that mode.</summary>
    private static async Task<int> RunHostAsync(
        ParsedCommand command,
        ConfigurationManager configuration,
        BotAppEnvironment environment,
        string environmentName,
        long runStarted,
        Streams streams,
        CancellationToken cancellationToken)
    {
        var adapters = new AdapterSwitches(
            AppConfiguration.IsSet(configuration, AppConfiguration.TelegramTokenKey),
            AppConfiguration.IsSet(configuration, AppConfiguration.DiscordTokenKey));
        var mode = ChooseMode(command.Verb, adapters.Telegram, adapters.Discord, environment.IsInputRedirected);
        if (mode == HostMode.None)
        {
            await streams.Error.WriteLineAsync(NothingToRun);
            return ExitUsage;
        }

        var startup = new StartupClock(TimeProvider.System, environment.ProcessStartedAt, runStarted);
        using var host = BuildHost(configuration, environment, environmentName, mode, adapters, startup);
        if (!ValidateOptions(host.Services, streams.Error))
        {
            return ExitUsage;
        }

        if (!await LoadKnowledgeAsync(host.Services, streams.Error))
        {
            return ExitFailure;
        }

        return mode switch
        {
            HostMode.Ask => await AskAsync(host, command, streams, cancellationToken),
            HostMode.Chat => await ChatAsync(host, environment, streams, cancellationToken),
            _ => await BotRun.RunAsync(host, environment, configuration, adapters, streams.Error, cancellationToken),
        };
    }

    private const string NothingToRun =
        "error: no platform token is configured and standard input is not a terminal, so there is nothing to run.\n" +
        "Set Telegram:Token and/or Discord:Token (environment variables Telegram__Token, Discord__Token, " +
        "appsettings.json, or --Telegram:Token=... on the command line),\n" +
        "or use `chat` for the console chat, or `ask --json` to answer questions from standard input.";

    /// <summary>Loads the knowledge once; on problems prints every one and says how to fix them (nothing is served half-loaded).</summary>
    private static async Task<bool> LoadKnowledgeAsync(IServiceProvider services, TextWriter error)
    {
        var problems = KnowledgeBridge.LoadAtStart(services);
        if (problems.IsDefaultOrEmpty)
        {
            return true;
        }

        await error.WriteLineAsync($"error: the knowledge folder has {problems.Length} problem(s); nothing was loaded:");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(AnswerText.Sanitize(problem.ToString()));
        }

        await error.WriteLineAsync(
            "Fix the files (`knowledge check` lists every problem) or point Knowledge:Path " +
            "(environment variable Knowledge__Path) at the knowledge folder.");
        return false;
    }

    /// <summary>Answers the question on the command line, or every line of standard input, once the sentence model is ready.</summary>
    private static async Task<int> AskAsync(IHost host, ParsedCommand command, Streams streams, CancellationToken cancellationToken)
    {
        // The answer must not depend on whether the model finished loading: wait for it (or its failure).
        await host.Services.GetRequiredService<AnswerEngine>().SemanticReadyAsync(cancellationToken);
        var ask = new AskCommand(host.Services.GetRequiredService<IAnswerEngine>(), streams.Output, streams.Error, command.Conversation);
        return command.Question is { } question
            ? ask.AskOnce(question, command.Json)
            : await ask.AskStreamAsync(streams.Input, cancellationToken);
    }

    /// <summary>Runs the console chat with the host started, so the knowledge watcher hot-reloads edited files meanwhile.</summary>
    private static async Task<int> ChatAsync(IHost host, BotAppEnvironment environment, Streams streams, CancellationToken cancellationToken)
    {
        await host.StartAsync(cancellationToken);
        try
        {
            // The console's quiz keeps its round and score in memory for the session, as before; its answers feed the
            // console student's study record (in the database) like any chat's.
            using var quizzes = new QuizService(
                host.Services.GetRequiredService<IKnowledgeProvider>(), new InMemoryQuizStore(), TimeProvider.System, Random.Shared,
                host.Services.GetService<IQuizAnswerListener>());
            var chat = new ConsoleChat(
                host.Services.GetRequiredService<IAnswerEngine>(),
                host.Services.GetRequiredService<IKnowledgeProvider>(),
                host.Services.GetRequiredService<IKnowledgeReloader>(),
                host.Services.GetRequiredService<IOptions<ConsoleChatOptions>>().Value,
                new ConsoleTerminal(streams.Input, streams.Output, streams.Error, Interactive: !environment.IsInputRedirected),
                quizzes,
                host.Services.GetService<StudyCommands>());
            return await chat.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitOk;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// No verb runs the adapters whose token is set; with no token it falls back to the console chat, but only when
    /// someone is at a terminal to chat (otherwise <see cref="HostMode.None"/>: exit 2 naming the settings).
    /// </summary>
    internal static HostMode ChooseMode(Verb verb, bool telegram, bool discord, bool inputRedirected) => verb switch
    {
        Verb.Ask => HostMode.Ask,
        Verb.Chat => HostMode.Chat,
        Verb.Serve => HostMode.Bot,
        Verb.Run when telegram || discord => HostMode.Bot,
        Verb.Run when !inputRedirected => HostMode.Chat,
        _ => HostMode.None,
    };

    private static IHost BuildHost(
        ConfigurationManager configuration,
        BotAppEnvironment environment,
        string environmentName,
        HostMode mode,
        AdapterSwitches adapters,
        StartupClock startup)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Configuration = configuration,
            EnvironmentName = environmentName,
            ApplicationName = "AnatomyBot",
            ContentRootPath = environment.WorkingDirectory,
        });

        if (mode == HostMode.Bot)
        {
            builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
            builder.Logging.AddConsole();
        }
        else
        {
            // Chat and ask own standard output; logs go to stderr and only when something is wrong.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        HostServices.Add(builder.Services, configuration);
        if (mode == HostMode.Bot)
        {
            HostServices.AddOperations(builder.Services, configuration, startup);
            HostServices.AddAdapters(builder.Services, configuration, adapters.Telegram, adapters.Discord);
            StudyServices.Add(builder.Services, configuration);
            environment.ConfigureServices?.Invoke(builder.Services);
        }
        else if (mode == HostMode.Chat)
        {
            // The console student's /review and /progress live in the database like a chat student's (opened on first use).
            builder.Services.AddAnatomyBotStorage(configuration);
            StudyServices.Add(builder.Services, configuration);
        }

        if (mode != HostMode.Bot || !environment.UseConsoleLifetime)
        {
            builder.Services.AddSingleton<IHostLifetime, ImmediateLifetime>();
        }

        return builder.Build();
    }

    /// <summary>Runs every ValidateOnStart check before anything starts, so a bad setting stops us with its key named.</summary>
    private static bool ValidateOptions(IServiceProvider services, TextWriter error)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            WriteValidationFailures([ex], error);
            return false;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            WriteValidationFailures(ex.InnerExceptions.Cast<OptionsValidationException>(), error);
            return false;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            // The binder names the key it could not convert ("Failed to convert configuration value at 'X:Y'...").
            error.WriteLine($"error: invalid configuration: {ex.Message}");
            return false;
        }
    }

    internal static void WriteValidationFailures(IEnumerable<OptionsValidationException> exceptions, TextWriter error)
    {
        error.WriteLine("error: invalid configuration:");
        foreach (var failure in exceptions.SelectMany(e => e.Failures))
        {
            error.WriteLine($"  {failure}");
        }
    }

    /// <summary>The process's standard streams (scripted in tests).</summary>
    private sealed record Streams(TextReader Input, TextWriter Output, TextWriter Error);

    internal enum HostMode
    {
        None,
        Bot,
        Chat,
        Ask,
    }
}

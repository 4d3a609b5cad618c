using System.CommandLine;
using System.CommandLine.Parsing;

namespace AnatomyBot.Cli;

/// <summary>What the command line asked for.</summary>
internal enum Verb
{
    /// <summary>No verb: run the bot (adapters, or the console chat when no token is set and a terminal is attached).</summary>
    Run,
    /// <summary>Run the bot service (adapters with a token, the HTTP endpoints); never falls back to the console chat.</summary>
    Serve,
    /// <summary>GET the running bot's /healthz: exit 0 when healthy, 1 otherwise (the container HEALTHCHECK).</summary>
    Healthcheck,
    Chat,
    Ask,
    KnowledgeCheck,
    /// <summary>Help or version was asked for: <see cref="CommandLine.WriteHelpOrErrors"/> prints it, exit 0.</summary>
    Help,
    /// <summary>Not understood: <see cref="ParsedCommand.Error"/> says why; the errors and usage go to stderr, exit 2.</summary>
    Invalid,
}

/// <summary>
/// The parsed command line. <see cref="ConfigurationArgs"/> holds the <c>--Section:Key=value</c> settings, which are
/// kept apart from the verb's own arguments so a question such as <c>ask --json "x"</c> is never read as a setting.
/// </summary>
internal sealed record ParsedCommand(
    Verb Verb,
    bool Json,
    string? Question,
    string? Folder,
    IReadOnlyList<string> ConfigurationArgs,
    string? Error,
    string? Url = null,
    bool Conversation = false)
{
    /// <summary>The library's parse, which prints help, errors and suggestions; null when the error is our own.</summary>
    internal ParseResult? Result { get; init; }
}

/// <summary>
/// The verbs and options, declared once with System.CommandLine (which gives help, parse errors and "did you mean"
/// suggestions). Two things stay ours: <c>--Section:Key=value</c> settings are split off before parsing (the host's
/// configuration reads them), and verbs are matched without regard to case, as they always were.
/// </summary>
internal static class CommandLine
{
    private const string Description =
        """
        AnatomyBot: a study bot about the iliopsoas group (psoas major, psoas minor, iliacus).
        With no command it runs the bot: Discord and Telegram start when their token is set; with no token
        and a terminal, the console chat starts.

        Examples:
          AnatomyBot ask "what nerve supplies the iliacus"
          AnatomyBot ask --json "what nerve supplies the iliacus"
          AnatomyBot ask --json --conversation < questions.txt
          AnatomyBot knowledge check knowledge

        Settings (appsettings.json, environment variables, or the command line):
          Telegram:Token    env Telegram__Token    --Telegram:Token=...
          Discord:Token     env Discord__Token     --Discord:Token=...
          Knowledge:Path    env Knowledge__Path    --Knowledge:Path=...   (default: knowledge)
          Http:Urls         env Http__Urls         --Http:Urls=...        (default: http://127.0.0.1:8080)
        Every setting is listed in appsettings.example.json.

        Exit codes: 0 ok, 1 knowledge problems or a fatal error, 2 usage or configuration error
        (including: no token set and no terminal for the console chat).
        """;

    private static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print one JSON object per answer. With no question, read questions from standard input, one a line.",
    };

    private static readonly Option<bool> ConversationOption = new("--conversation")
    {
        Description = "With --json on standard input: later lines may follow up on earlier ones (\"what about its nerve supply?\"); otherwise each line is a new conversation.",
    };

    private static readonly Argument<string[]> QuestionArgument = new("question")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "The question; unquoted words are joined into one question.",
    };

    private static readonly Argument<string?> UrlArgument = new("url")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "The /healthz address (default: the first Http:Urls address).",
    };

    private static readonly Argument<string?> FolderArgument = new("folder")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "The knowledge folder (default: Knowledge:Path).",
    };

    private static readonly Command ServeVerb = new("serve",
        "Run the bot service: adapters whose token is set and the HTTP endpoints (/healthz, /metrics); never the console chat. With no token only the endpoints run.");

    private static readonly Command HealthcheckVerb = new("healthcheck",
        "GET /healthz of the running bot; exit 0 when healthy, 1 when not or unreachable.") { UrlArgument };

    private static readonly Command ChatVerb = new("chat", "Console chat, even when standard input is not a terminal.");

    private static readonly Command AskVerb = new("ask",
        "Print one answer as plain text, or with --json as one JSON object; ask --json with no question reads standard input.")
    {
        JsonOption,
        ConversationOption,
        QuestionArgument,
    };

    private static readonly Command KnowledgeCheckVerb = new("check", "Validate the knowledge folder and list every problem.") { FolderArgument };

    private static readonly Command KnowledgeVerb = new("knowledge", "Knowledge files.") { KnowledgeCheckVerb };

    private static readonly Command HelpVerb = new("help", "This text.");

    private static readonly RootCommand Root = CreateRoot();

    /// <summary>
    /// No response files: a question is free text, and "@everyone what does the psoas do" must be asked, not read as
    /// the file "everyone what does the psoas do".
    /// </summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private static readonly Dictionary<Command, Verb> Verbs = new()
    {
        [Root] = Verb.Run,
        [ServeVerb] = Verb.Serve,
        [HealthcheckVerb] = Verb.Healthcheck,
        [ChatVerb] = Verb.Chat,
        [AskVerb] = Verb.Ask,
        [KnowledgeCheckVerb] = Verb.KnowledgeCheck,
        [HelpVerb] = Verb.Help,
    };

    /// <summary>The help text the library writes for the whole command line.</summary>
    public static string Usage => HelpFor(Root);

    public static ParsedCommand Parse(IReadOnlyList<string> args)
    {
        var (settings, arguments) = SplitSettings(args);
        var result = Root.Parse(arguments, Parsing);
        if (result.Errors.Count > 0)
        {
            return Invalid(settings, string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)), result);
        }

        // --help, -h, -?, /? and --version carry the library's own action instead of the command's.
        if (result.Action != result.CommandResult.Command.Action || result.CommandResult.Command == HelpVerb)
        {
            return new ParsedCommand(Verb.Help, false, null, null, settings, null) { Result = result };
        }

        if (UnknownOption(result) is { } unknown)
        {
            return Invalid(settings,
                $"Unknown option '{unknown}'. Settings take the form --Section:Key=value; put -- before a question that starts with dashes.",
                result: null);
        }

        var verb = Verbs[result.CommandResult.Command];
        var question = result.GetValue(QuestionArgument) is { Length: > 0 } words ? string.Join(' ', words) : null;
        return new ParsedCommand(
            verb,
            result.GetValue(JsonOption),
            question,
            result.GetValue(FolderArgument),
            settings,
            null,
            result.GetValue(UrlArgument),
            result.GetValue(ConversationOption)) { Result = result };
    }

    /// <summary>
    /// For <see cref="Verb.Help"/>: the library's help (or version) on <paramref name="output"/>. For
    /// <see cref="Verb.Invalid"/>: the errors, the library's suggestions and the usage, all on <paramref name="error"/>.
    /// </summary>
    public static void WriteHelpOrErrors(ParsedCommand command, TextWriter output, TextWriter error)
    {
        if (command.Verb == Verb.Help)
        {
            var help = command.Result?.CommandResult.Command == HelpVerb ? Root.Parse(["--help"], Parsing) : command.Result!;
            help.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return;
        }

        if (command.Result is { } result)
        {
            result.Invoke(new InvocationConfiguration { Output = error, Error = error });
            return;
        }

        error.WriteLine($"error: {command.Error}");
        error.WriteLine();
        error.Write(Usage);
    }

    private static RootCommand CreateRoot()
    {
        var root = new RootCommand(Description)
        {
            ServeVerb,
            HealthcheckVerb,
            ChatVerb,
            AskVerb,
            KnowledgeVerb,
            HelpVerb,
        };

        // Each verb's work runs in BotApp; the actions only mark the commands as complete so the parser accepts them.
        foreach (var command in new Command[] { root, ServeVerb, HealthcheckVerb, ChatVerb, AskVerb, KnowledgeCheckVerb, HelpVerb })
        {
            command.SetAction(_ => 0);
        }

        AskVerb.Validators.Add(ask =>
        {
            if (ask.GetValue(QuestionArgument) is not { Length: > 0 } && !ask.GetValue(JsonOption))
            {
                ask.AddError("ask needs a question, or --json to read questions from standard input.");
            }

        });
        return root;
    }

    private static string HelpFor(Command command)
    {
        using var text = new StringWriter();
        command.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = text, Error = text });
        return text.ToString();
    }

    /// <summary>
    /// Splits off <c>--Section:Key=value</c> settings (up to a <c>--</c>, after which everything is the verb's) and lower-cases
    /// the verb words, so <c>KNOWLEDGE Check</c> works as it always has.
    /// </summary>
    private static (IReadOnlyList<string> Settings, string[] Arguments) SplitSettings(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        var arguments = new List<string>();
        var endOfOptions = false;
        Command? current = Root;
        foreach (var arg in args)
        {
            endOfOptions |= arg == "--";
            if (!endOfOptions && IsSetting(arg))
            {
                settings.Add(arg);
                continue;
            }

            var sub = endOfOptions || current is null
                ? null
                : current.Subcommands.FirstOrDefault(c => string.Equals(c.Name, arg, StringComparison.OrdinalIgnoreCase));
            if (sub is not null)
            {
                current = sub;
                arguments.Add(sub.Name);
            }
            else
            {
                if (!arg.StartsWith('-'))
                {
                    current = null;
                }

                arguments.Add(arg);
            }
        }

        return (settings, [.. arguments]);
    }

    /// <summary>A <c>--word</c> before <c>--</c> that the parser took as part of the question: an option we do not have.</summary>
    private static string? UnknownOption(ParseResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (token.Type == TokenType.Argument && token.Value.StartsWith("--", StringComparison.Ordinal) && token.Value.Length > 2)
            {
                return token.Value;
            }
        }

        return null;
    }

    /// <summary><c>--Section:Key=value</c> (or <c>--Key=value</c>): a configuration setting, as the host's command-line provider reads it.</summary>
    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 3 && arg.IndexOf('=', StringComparison.Ordinal) > 2;

    private static ParsedCommand Invalid(IReadOnlyList<string> settings, string error, ParseResult? result) =>
        new(Verb.Invalid, false, null, null, settings, error) { Result = result };
}

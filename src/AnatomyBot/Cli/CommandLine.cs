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
    Help,
    /// <summary>Not understood: <see cref="ParsedCommand.Error"/> says why; usage goes to stderr, exit 2.</summary>
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
    bool Conversation = false);

internal static class CommandLine
{
    public const string Usage =
        """
        AnatomyBot: a study bot about the iliopsoas group (psoas major, psoas minor, iliacus).

        Usage:
          AnatomyBot                          Run the bot. Discord and Telegram start when their token is set;
                                              with no token and a terminal, starts the console chat.
          AnatomyBot serve                    Run the bot service: adapters whose token is set and the HTTP
                                              endpoints (/healthz, /metrics); never the console chat. With no
                                              token only the endpoints run.
          AnatomyBot healthcheck [url]        GET /healthz of the running bot (default: the first Http:Urls
                                              address); exit 0 when healthy, 1 when not or unreachable.
          AnatomyBot chat                     Console chat, even when standard input is not a terminal.
          AnatomyBot ask "question"           Print one answer as plain text.
          AnatomyBot ask --json "question"    Print one answer as one JSON object.
          AnatomyBot ask --json               Read questions from standard input, one a line;
                                              write one JSON object a line for each. Each line is a
                                              new conversation; add --conversation for follow-ups
                                              ("what about its nerve supply?").
          AnatomyBot knowledge check [folder] Validate the knowledge folder (default: Knowledge:Path).
          AnatomyBot help                     This text.

        Settings (appsettings.json, environment variables, or the command line):
          Telegram:Token    env Telegram__Token    --Telegram:Token=...
          Discord:Token     env Discord__Token     --Discord:Token=...
          Knowledge:Path    env Knowledge__Path    --Knowledge:Path=...   (default: knowledge)
          Http:Urls         env Http__Urls         --Http:Urls=...        (default: http://127.0.0.1:8080)
        Every setting is listed in appsettings.example.json.

        Exit codes: 0 ok, 1 knowledge problems or a fatal error, 2 usage or configuration error
        (including: no token set and no terminal for the console chat).
        """;

    private static readonly HashSet<string> HelpFlags = new(StringComparer.OrdinalIgnoreCase) { "help", "--help", "-h", "-?", "/?" };

    public static ParsedCommand Parse(IReadOnlyList<string> args)
    {
        var configuration = new List<string>();
        var positional = new List<string>();
        var json = false;
        var conversation = false;
        var help = false;
        var endOfOptions = false;

        foreach (var arg in args)
        {
            if (endOfOptions)
            {
                positional.Add(arg);
            }
            else if (arg == "--")
            {
                endOfOptions = true;
            }
            else if (IsSetting(arg))
            {
                configuration.Add(arg);
            }
            else if (string.Equals(arg, "--json", StringComparison.OrdinalIgnoreCase))
            {
                json = true;
            }
            else if (string.Equals(arg, "--conversation", StringComparison.OrdinalIgnoreCase))
            {
                conversation = true;
            }
            else if (arg is "--help" or "-h" or "-?" or "/?")
            {
                help = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                return Invalid(configuration, $"Unknown option '{arg}'. Settings take the form --Section:Key=value; put -- before a question that starts with dashes.");
            }
            else
            {
                positional.Add(arg);
            }
        }

        if (help || (positional.Count > 0 && HelpFlags.Contains(positional[0])))
        {
            return new ParsedCommand(Verb.Help, false, null, null, configuration, null);
        }

        if (conversation && !(positional.Count > 0 && string.Equals(positional[0], "ask", StringComparison.OrdinalIgnoreCase)))
        {
            return Invalid(configuration, "--conversation belongs to the ask verb: ask --json --conversation.");
        }

        if (positional.Count == 0)
        {
            return json
                ? Invalid(configuration, "--json belongs to the ask verb: ask --json \"question\".")
                : new ParsedCommand(Verb.Run, false, null, null, configuration, null);
        }

        var verb = positional[0].ToLowerInvariant();
        var rest = positional.Skip(1).ToList();
        switch (verb)
        {
            case "serve" when rest.Count == 0 && !json:
                return new ParsedCommand(Verb.Serve, false, null, null, configuration, null);
            case "serve":
                return Invalid(configuration, "serve takes no arguments.");
            case "healthcheck" when rest.Count <= 1 && !json:
                return new ParsedCommand(Verb.Healthcheck, false, null, null, configuration, null, rest.Count == 1 ? rest[0] : null);
            case "healthcheck":
                return Invalid(configuration, "Usage: healthcheck [url].");
            case "chat" when rest.Count == 0 && !json:
                return new ParsedCommand(Verb.Chat, false, null, null, configuration, null);
            case "chat":
                return Invalid(configuration, "chat takes no arguments.");
            case "ask":
                if (rest.Count == 0 && !json)
                {
                    return Invalid(configuration, "ask needs a question, or --json to read questions from standard input.");
                }

                // Unquoted words are one question: `ask what nerve supplies the iliacus`.
                var question = rest.Count == 0 ? null : string.Join(' ', rest);
                return new ParsedCommand(Verb.Ask, json, question, null, configuration, null, Conversation: conversation);
            case "knowledge" when json:
                return Invalid(configuration, "--json belongs to the ask verb.");
            case "knowledge" when rest.Count >= 1 && rest.Count <= 2 && string.Equals(rest[0], "check", StringComparison.OrdinalIgnoreCase):
                return new ParsedCommand(Verb.KnowledgeCheck, false, null, rest.Count == 2 ? rest[1] : null, configuration, null);
            case "knowledge":
                return Invalid(configuration, "Usage: knowledge check [folder].");
            default:
                return Invalid(configuration, $"Unknown verb '{positional[0]}'.");
        }
    }

    /// <summary><c>--Section:Key=value</c> (or <c>--Key=value</c>): a configuration setting, as the host's command-line provider reads it.</summary>
    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 3 && arg.IndexOf('=', StringComparison.Ordinal) > 2;

    private static ParsedCommand Invalid(List<string> configuration, string error) =>
        new(Verb.Invalid, false, null, null, configuration, error);
}

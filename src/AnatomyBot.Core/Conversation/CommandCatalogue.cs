using System.Collections.Frozen;
using System.Collections.Immutable;

namespace AnatomyBot.Core.Conversation;

/// <summary>Where a command can be used. Each chat adapter also decides which of the chat commands it renders.</summary>
[Flags]
public enum CommandPlaces
{
    None = 0,
    /// <summary>Chat platforms (their menus, slash commands and typed commands).</summary>
    Chat = 1,
    /// <summary>The local console chat and the <c>ask</c> verb (the operator's own terminal).</summary>
    Console = 2,
    Everywhere = Chat | Console,
}

/// <summary>
/// A command's text option, as a platform with typed options shows it (its menu, autocomplete). An option that is not
/// <paramref name="Required"/> may be left out (<c>/review</c> alone asks the next question).
/// </summary>
public sealed record CommandOption(string Name, string Description, int MaxLength, bool Autocomplete = false, bool Required = true);

/// <summary>
/// One command: its name, what the menus say about it, its option, who may use it and where, the line
/// <c>/help</c> shows (none for commands help does not list) and the typed request its argument becomes.
/// </summary>
public sealed record CommandSpec(
    string Name,
    string Description,
    Func<string, ChatRequest> ToRequest,
    CommandPlaces Places = CommandPlaces.Everywhere,
    bool ModeratorsOnly = false,
    CommandOption? Option = null,
    string? HelpLine = null)
{
    /// <summary>Other names that run the same command (<c>/start</c> is Telegram's first message).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
}

/// <summary>
/// Every command the bot knows, in menu order: the one list that Telegram's command menu, Discord's slash-command
/// registration, <c>/help</c> and the console read. Adding a command is one entry here, its request type, and its
/// handling in each adapter that offers it (see docs/architecture.md, "Adding a command").
/// </summary>
public static class CommandCatalogue
{
    /// <summary>Longest question accepted from a typed option or a message.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Longest muscle name accepted from a typed option.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest time zone name accepted from a typed option (IANA names are shorter).</summary>
    public const int MaxZoneLength = 64;

    /// <summary>Longest /dailyquiz setting accepted from a typed option (a time and an IANA zone name).</summary>
    public const int MaxSettingLength = 80;

    /// <summary>Longest link code accepted from a typed option (8 characters, with room for spaces and a dash).</summary>
    public const int MaxCodeLength = 20;

    public static ImmutableArray<CommandSpec> All { get; } =
    [
        new("muscle", "Show a muscle card, e.g. psoas minor", name => new MuscleCardRequest(name),
            Option: new CommandOption("name", "Muscle name (start typing for suggestions)", MaxNameLength, Autocomplete: true),
            HelpLine: "/muscle <name> - a muscle card, e.g. /muscle iliacus"),
        new("ask", "Ask a question about the iliopsoas group", text => new AskRequest(text, ViaCommand: true),
            Option: new CommandOption("question", "Your question, e.g. What nerve supplies the iliacus?", MaxQuestionLength),
            HelpLine: "/ask <question> - ask in your own words"),
        new("quiz", "Get a multiple-choice quiz question", about => new QuizRequest(string.IsNullOrWhiteSpace(about) ? null : about.Trim()),
            Option: new CommandOption("muscle", "Optional: a muscle, for a question about it (e.g. iliacus)", MaxNameLength, Required: false, Autocomplete: true),
            HelpLine: "/quiz - a multiple-choice question; /quiz iliacus - one about that muscle"),
        new("dailyquiz", "Daily quiz: /dailyquiz HH:MM [time zone], off, or show", arguments => new DailyQuizSettingsRequest(arguments),
            Places: CommandPlaces.Chat,
            Option: new CommandOption("setting", "HH:MM and a time zone (09:00 Europe/Berlin), off, or empty to show", MaxSettingLength, Required: false)),
        new("leaderboard", "Top 10 quiz scores in this chat", _ => new LeaderboardRequest(), Places: CommandPlaces.Chat)
        {
            Aliases = ["top"],
        },
        new("review", "Review the quiz questions you missed or that are due", ReviewRequest.Parse,
            Option: new CommandOption("zone", "Optional: your time zone, e.g. Europe/Berlin, so your day starts at your midnight", MaxZoneLength, Required: false),
            HelpLine: "/review - your next question to review (missed ones first); /review zone Europe/Berlin sets your time zone"),
        new("progress", "Your progress: accuracy by area, streak, reviews due", _ => new ProgressRequest(),
            HelpLine: "/progress - your figures and a chart"),
        new("link", "Link your Discord and Telegram accounts with a one-time code", code => new LinkRequest(code),
            Places: CommandPlaces.Chat,
            Option: new CommandOption("code", "The code from your other account; leave empty to get one", MaxCodeLength, Required: false),
            HelpLine: "/link - a code to link your Discord and Telegram accounts; /link CODE uses it"),
        new("unlink", "Separate this account from your linked one", _ => new UnlinkRequest(), Places: CommandPlaces.Chat,
            HelpLine: "/unlink - separate linked accounts again"),
        new("forgetme", "Delete everything the bot stores about you", _ => new ForgetMeRequest(),
            HelpLine: "/forgetme - delete everything stored about you, on every linked account"),
        new("sources", "List the sources the answers are based on", _ => new SourcesRequest(),
            HelpLine: "/sources - the documents my answers come from"),
        new("help", "How to use AnatomyBot", _ => new HelpRequest(), HelpLine: "/help - this message")
        {
            Aliases = ["start"],
        },
        new("reload", "Reload the knowledge files (moderators only)", _ => new ReloadRequest(), ModeratorsOnly: true),
    ];

    private static readonly FrozenDictionary<string, CommandSpec> ByName = All
        .SelectMany(c => c.Aliases.Prepend(c.Name).Select(n => (Name: n, Command: c)))
        .ToFrozenDictionary(p => p.Name, p => p.Command, StringComparer.OrdinalIgnoreCase);

    /// <summary>The command called <paramref name="name"/> (or one of its aliases), any case; null if none is.</summary>
    public static CommandSpec? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Commands a name one typo away stands for ("/musle psoas", "/muscles iliacus", "/source"): only those that just
    /// answer, with names long enough that no other word is one typo away. "/quit" must never start a quiz, and a
    /// command that changes or deletes anything runs only when typed exactly.
    /// </summary>
    private static readonly string[] Guessable = ["muscle", "sources"];

    /// <summary>The command called <paramref name="name"/>, or the answering command it is one typo from; null if neither.</summary>
    public static CommandSpec? FindTolerant(string name)
    {
        if (Find(name) is { } exact)
        {
            return exact;
        }

        var lower = name.ToLowerInvariant();
        return lower.Length >= 5 && Guessable.FirstOrDefault(g => Text.EditDistance.Within(lower, g, 1)) is { } near ? Find(near) : null;
    }

    /// <summary>
    /// The request a command with its argument text makes, for an adapter that has already separated the two (a
    /// Telegram command entity). A command unknown, or not offered by this front end (<paramref name="offered"/>
    /// false), is an <see cref="UnknownCommandRequest"/>.
    /// </summary>
    public static ChatRequest Request(string name, string argument, Func<CommandSpec, bool> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        return FindTolerant(name) is { } command && offered(command)
            ? command.ToRequest(argument.Trim())
            : new UnknownCommandRequest(name.ToLowerInvariant());
    }

    /// <summary>
    /// A typed line as a request, for front ends that receive plain text (the console, <c>ask</c>, Discord mentions):
    /// <c>/name argument</c> is a command, anything else is an <see cref="AskRequest"/>.
    /// </summary>
    public static ChatRequest Parse(string text, Func<CommandSpec, bool> offered)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        if (trimmed.Length < 2 || trimmed[0] != '/' || !char.IsAsciiLetter(trimmed[1]))
        {
            return new AskRequest(text);
        }

        var end = 1;
        while (end < trimmed.Length && (char.IsAsciiLetterOrDigit(trimmed[end]) || trimmed[end] == '_'))
        {
            end++;
        }

        return Request(trimmed[1..end], trimmed[end..], offered);
    }

    /// <summary>Offers every command available in <paramref name="places"/>.</summary>
    public static Func<CommandSpec, bool> In(CommandPlaces places) => command => (command.Places & places) != 0;
}

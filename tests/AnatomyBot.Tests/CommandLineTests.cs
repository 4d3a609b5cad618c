using AnatomyBot.Cli;

namespace AnatomyBot.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void No_arguments_runs_the_bot()
    {
        var command = CommandLine.Parse([]);
        Assert.Equal(Verb.Run, command.Verb);
    }

    [Fact]
    public void Ask_joins_unquoted_words_into_one_question()
    {
        var command = CommandLine.Parse(["ask", "what", "nerve", "supplies", "the", "iliacus"]);
        Assert.Equal(Verb.Ask, command.Verb);
        Assert.False(command.Json);
        Assert.Equal("what nerve supplies the iliacus", command.Question);
    }

    [Fact]
    public void Ask_json_without_question_reads_standard_input()
    {
        var command = CommandLine.Parse(["ask", "--json"]);
        Assert.Equal(Verb.Ask, command.Verb);
        Assert.True(command.Json);
        Assert.Null(command.Question);
    }

    [Fact]
    public void Json_flag_is_not_taken_for_a_setting_and_settings_are_split_off()
    {
        var command = CommandLine.Parse(["--Knowledge:Path=/k", "ask", "--json", "psoas", "--Telegram:Token=x"]);
        Assert.Equal(Verb.Ask, command.Verb);
        Assert.True(command.Json);
        Assert.Equal("psoas", command.Question);
        Assert.Equal(["--Knowledge:Path=/k", "--Telegram:Token=x"], command.ConfigurationArgs);
    }

    [Fact]
    public void Double_dash_ends_options_so_a_question_may_start_with_dashes()
    {
        var command = CommandLine.Parse(["ask", "--", "--json=oops"]);
        Assert.Equal(Verb.Ask, command.Verb);
        Assert.Equal("--json=oops", command.Question);
        Assert.Empty(command.ConfigurationArgs);
    }

    [Theory]
    [InlineData("ask", "@everyone what does the psoas minor do")]
    [InlineData("ask", "--json", "@here iliacus origin")]
    public void A_question_starting_with_at_is_asked_not_read_as_a_response_file(params string[] args)
    {
        var command = CommandLine.Parse(args);
        Assert.Equal(Verb.Ask, command.Verb);
        Assert.Equal(args[^1], command.Question);
    }

    [Theory]
    [InlineData("knowledge", "check")]
    [InlineData("KNOWLEDGE", "Check")]
    public void Knowledge_check_without_folder_uses_configuration(string verb, string sub)
    {
        var command = CommandLine.Parse([verb, sub]);
        Assert.Equal(Verb.KnowledgeCheck, command.Verb);
        Assert.Null(command.Folder);
    }

    [Fact]
    public void Knowledge_check_takes_a_folder()
    {
        var command = CommandLine.Parse(["knowledge", "check", "some/folder"]);
        Assert.Equal(Verb.KnowledgeCheck, command.Verb);
        Assert.Equal("some/folder", command.Folder);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_forms(string arg) => Assert.Equal(Verb.Help, CommandLine.Parse([arg]).Verb);

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("knowledge")]
    [InlineData("knowledge", "reload")]
    [InlineData("ask")]
    [InlineData("chat", "extra")]
    [InlineData("--json")]
    [InlineData("ask", "--verbose", "psoas")]
    public void Invalid_command_lines_say_why(params string[] args)
    {
        var command = CommandLine.Parse(args);
        Assert.Equal(Verb.Invalid, command.Verb);
        Assert.False(string.IsNullOrWhiteSpace(command.Error));
    }
}

public sealed class CommandLineHelpTests
{
    [Fact]
    public async Task A_mistyped_verb_gets_the_libraries_suggestion_and_usage_on_stderr()
    {
        var run = await AppRunner.RunAsync(["serv"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'serv' was not matched. Did you mean one of the following?", run.Error);
        Assert.Contains("serve", run.Error);
        Assert.Contains("Usage:", run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("-?")]
    [InlineData("/?")]
    public async Task Every_help_form_prints_the_whole_command_line_and_exits_zero(string arg)
    {
        var run = await AppRunner.RunAsync([arg]);
        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "serve", "healthcheck", "chat", "ask", "knowledge" })
        {
            Assert.Contains(verb, run.Output);
        }

        Assert.Contains("Exit codes: 0 ok, 1 knowledge problems or a fatal error, 2 usage or configuration error", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Help_for_ask_lists_its_options()
    {
        var run = await AppRunner.RunAsync(["ask", "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--json", run.Output);
        Assert.Contains("--conversation", run.Output);
    }

    [Fact]
    public async Task An_unknown_option_in_a_question_is_named_with_how_to_quote_it()
    {
        var run = await AppRunner.RunAsync(["ask", "--verbose", "psoas"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown option '--verbose'", run.Error);
        Assert.Contains("put -- before a question that starts with dashes", run.Error);
    }

    [Fact]
    public async Task Ask_without_a_question_or_json_says_what_it_needs()
    {
        var run = await AppRunner.RunAsync(["ask"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ask needs a question, or --json to read questions from standard input.", run.Error);
    }

    [Fact]
    public void Conversation_belongs_to_ask()
    {
        Assert.Equal(Verb.Invalid, CommandLine.Parse(["chat", "--conversation"]).Verb);
        var ask = CommandLine.Parse(["ask", "--json", "--conversation"]);
        Assert.Equal(Verb.Ask, ask.Verb);
        Assert.True(ask.Conversation);
    }
}

public sealed class ModeTests
{
    [Theory]
    [InlineData(true, false, true, "Bot")]
    [InlineData(false, true, true, "Bot")]
    [InlineData(true, true, false, "Bot")]
    [InlineData(false, false, false, "Chat")]
    [InlineData(false, false, true, "None")]
    public void No_verb_runs_adapters_with_a_token_else_the_chat_at_a_terminal_else_nothing(
        bool telegram, bool discord, bool redirected, string expected) =>
        Assert.Equal(expected, BotApp.ChooseMode(Verb.Run, telegram, discord, redirected).ToString());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Chat_and_ask_verbs_never_start_the_adapters(bool redirected)
    {
        Assert.Equal(BotApp.HostMode.Chat, BotApp.ChooseMode(Verb.Chat, true, true, redirected));
        Assert.Equal(BotApp.HostMode.Ask, BotApp.ChooseMode(Verb.Ask, true, true, redirected));
    }
}

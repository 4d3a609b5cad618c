using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnatomyBot.Testing;

namespace AnatomyBot.Tests;

public sealed class BotAppTests
{
    private static readonly string[] Fields = ["question", "intent", "entity", "confidence", "text", "disclaimer", "sources", "suggestions", "facts"];

    [Fact]
    public async Task Help_prints_usage_and_exits_zero()
    {
        var run = await AppRunner.RunAsync(["--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ask --json", run.Output);
        Assert.Contains("knowledge check", run.Output);
    }

    [Fact]
    public async Task Unknown_verb_prints_usage_on_stderr_and_exits_2()
    {
        var run = await AppRunner.RunAsync(["frobnicate"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Error);
        Assert.Contains("Usage:", run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Ask_prints_the_innervation_for_a_nerve_question()
    {
        var run = await AppRunner.RunAsync(["ask", "what nerve supplies the iliacus"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("femoral", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[mom]", run.Output);
    }

    [Fact]
    public async Task Ask_json_for_one_question_prints_one_object()
    {
        var run = await AppRunner.RunAsync(["ask", "--json", "what nerve supplies the iliacus"]);
        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.OutputLines);
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("muscle-attribute", doc.RootElement.GetProperty("intent").GetString());
        Assert.Equal("iliacus", doc.RootElement.GetProperty("entity").GetString());
        Assert.Contains("femoral", doc.RootElement.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(doc.RootElement.GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString() == "mom");
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("disclaimer").ValueKind);
    }

    [Fact]
    public async Task Ask_json_pain_question_has_a_disclaimer_kept_out_of_the_text()
    {
        var run = await AppRunner.RunAsync(["ask", "--json", "my hip hurts, is it my psoas?"]);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(run.OutputLines));
        var disclaimer = doc.RootElement.GetProperty("disclaimer").GetString();
        Assert.False(string.IsNullOrWhiteSpace(disclaimer));
        Assert.DoesNotContain(disclaimer!, doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Ask_json_over_standard_input_writes_exactly_one_valid_object_per_line()
    {
        string[] questions =
        [
            "what nerve supplies the iliacus",
            "",
            "   ",
            "asdf qwerty zxcv !!! ??? ###",
            "\u0001\u0002\u001b[31m control",
            "lone \uD800 surrogate and \uDFFF another",
            "😀🦴 emoji",
            "מה זה פסואס",
            "<b>psoas</b> <script>alert(1)</script> @everyone",
            "/muscle biceps",
            "my hip hurts, is it my psoas?",
            new string('p', 20_000),
            "\"quoted\" \\ backslash",
        ];
        var input = string.Join('\n', questions) + "\n";

        var run = await AppRunner.RunAsync(["ask", "--json"], input);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        lines = lines[..^1];
        Assert.Equal(questions.Length, lines.Length);
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < lines.Length; i++)
        {
            var bytes = strictUtf8.GetBytes(lines[i]);
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            Assert.Equal(Fields, root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(questions[i].Replace('\uD800', '\uFFFD').Replace('\uDFFF', '\uFFFD'), root.GetProperty("question").GetString());
            Assert.NotEqual("error", root.GetProperty("intent").GetString());
            Assert.True(root.GetProperty("text").GetString()!.Length <= 4096);
            Assert.Equal(JsonValueKind.Number, root.GetProperty("confidence").ValueKind);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("sources").ValueKind);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("suggestions").ValueKind);
        }
    }

    [Fact]
    public async Task Ask_json_ends_lines_at_lf_or_crlf_only_so_a_bare_cr_is_part_of_the_question()
    {
        var input = "what nerve supplies the iliacus\r\npsoas minor\rorigin\nwho are you\n";

        var run = await AppRunner.RunAsync(["ask", "--json"], input);

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("what nerve supplies the iliacus", JsonDocument.Parse(lines[0]).RootElement.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Ask_json_answers_an_over_long_line_with_one_error_object_and_goes_on()
    {
        var input = "what nerve supplies the iliacus\n" + new string('x', 1_000_000) + "\r\npsoas minor origin\n";

        var run = await AppRunner.RunAsync(["ask", "--json"], input);

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var tooLong = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("error", tooLong.GetProperty("intent").GetString());
        Assert.Contains("longer than 65,536 characters", tooLong.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(tooLong.GetProperty("question").GetString()!.Length <= 80);
        Assert.Equal("psoas-minor", JsonDocument.Parse(lines[2]).RootElement.GetProperty("entity").GetString());
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Ask_json_flushes_each_answer_before_reading_the_next_line()
    {
        // A pipe-driven caller waits for each answer before sending the next question.
        using var pipeIn = new BlockingLineReader();
        using var output = new NotifyingWriter();
        var environment = new Hosting.BotAppEnvironment
        {
            Settings = new Dictionary<string, string?> { ["Knowledge:Path"] = RepositoryPaths.Knowledge, ["Knowledge:Watch"] = "false", ["Answering:Semantic"] = "false" },
            InputIsRedirected = true,
            ReadEnvironmentVariables = false,
            WorkingDirectory = RepositoryPaths.Root,
        };

        var app = BotApp.RunAsync(["ask", "--json"], pipeIn, output, TextWriter.Null, environment, CancellationToken.None);
        pipeIn.Send("what nerve supplies the iliacus");
        var first = await output.NextFlushedLineAsync().WaitAsync(Wait.Guard);
        Assert.Contains("femoral", first, StringComparison.OrdinalIgnoreCase);
        pipeIn.Send("psoas minor origin");
        var second = await output.NextFlushedLineAsync().WaitAsync(Wait.Guard);
        Assert.Contains("\"entity\":\"psoas-minor\"", second);
        pipeIn.Close();
        Assert.Equal(0, await app.WaitAsync(Wait.Guard));
    }

    [Fact]
    public async Task Knowledge_check_on_the_shipped_folder_passes_with_a_summary()
    {
        var run = await AppRunner.RunAsync(["knowledge", "check", RepositoryPaths.Knowledge]);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var summary = Assert.Single(run.OutputLines);
        Assert.StartsWith("Knowledge OK:", summary);
        Assert.Contains("muscles", summary);
    }

    [Fact]
    public async Task Knowledge_check_without_folder_uses_the_configured_path()
    {
        var run = await AppRunner.RunAsync(["knowledge", "check"]);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith("Knowledge OK:", run.Output);
    }

    [Fact]
    public async Task Knowledge_check_on_a_broken_folder_lists_problems_with_file_and_line_and_exits_1()
    {
        using var knowledge = new TempKnowledge();
        File.WriteAllText(knowledge.PathOf("topics/psoas-paradox.yaml"), "id: psoas-paradox\ntitle: \"unclosed\nfacts:\n  - text: x\n");
        var muscle = knowledge.PathOf("muscles/iliacus.yaml");
        File.WriteAllText(muscle, File.ReadAllText(muscle).Replace("sources: [mom]", "sources: [nosuchsource]"));

        var run = await AppRunner.RunAsync(["knowledge", "check", knowledge.Folder]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(new Regex(@"psoas-paradox\.yaml:\d+"), run.Output);
        Assert.Matches(new Regex(@"iliacus\.yaml:\d+.*nosuchsource"), run.Output);
        Assert.Contains("Knowledge check failed", run.Output);
    }

    [Fact]
    public async Task Knowledge_check_with_a_fifo_and_a_link_to_dev_zero_finishes_and_names_both()
    {
        using var knowledge = new TempKnowledge();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", knowledge.PathOf("topics/pipe.yaml")))
        {
            await mkfifo.WaitForExitAsync();
        }

        File.CreateSymbolicLink(knowledge.PathOf("topics/zero.yaml"), "/dev/zero");

        var run = await AppRunner.RunAsync(["knowledge", "check", knowledge.Folder]).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("topics/pipe.yaml: (file): not a regular file", run.Output);
        Assert.Contains("topics/zero.yaml: (file)", run.Output);
    }

    [Fact]
    public async Task Knowledge_check_on_a_missing_folder_exits_1()
    {
        var run = await AppRunner.RunAsync(["knowledge", "check", Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid())]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not found", run.Output);
    }

    [Fact]
    public async Task Broken_knowledge_at_start_prints_every_error_and_exits_1()
    {
        using var knowledge = new TempKnowledge();
        File.WriteAllText(knowledge.PathOf("topics/psoas-paradox.yaml"), "id: psoas-paradox\ntitle: \"unclosed\n");

        var run = await AppRunner.RunAsync(["ask", "psoas"], settings: new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge.Folder });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Matches(new Regex(@"psoas-paradox\.yaml:\d+"), run.Error);
    }

    [Fact]
    public async Task No_token_and_no_terminal_exits_2_naming_the_settings()
    {
        var run = await AppRunner.RunAsync([], settings: new Dictionary<string, string?> { ["Telegram:Token"] = "", ["Discord:Token"] = "  " });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Telegram__Token", run.Error);
        Assert.Contains("Discord__Token", run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task No_token_with_a_terminal_starts_the_console_chat_with_a_banner()
    {
        var run = await AppRunner.RunAsync([], "what nerve supplies the iliacus\n", inputRedirected: false);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Telegram__Token", run.Output);
        Assert.Contains("Discord__Token", run.Output);
        Assert.Contains("/quit", run.Output);
        Assert.Contains("femoral", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Chat_answers_each_line_and_ends_at_end_of_input()
    {
        var run = await AppRunner.RunAsync(
            ["chat"],
            "what nerve supplies the iliacus\n\nwhat is the psoas paradox\nmy back hurts and my leg is numb and weak\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("femoral", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("paradox", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Chat_shows_the_disclaimer_for_pain_questions()
    {
        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], "my hip hurts, is it my psoas?\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("medical", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Chat_stops_at_quit_and_ignores_later_lines()
    {
        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], "/quit\nwhat nerve supplies the iliacus\n");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("femoral", run.Output, StringComparison.OrdinalIgnoreCase);

        run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], "exit\nwhat nerve supplies the iliacus\n");
        Assert.DoesNotContain("femoral", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Chat_survives_garbage_lines()
    {
        var input = string.Join('\n', "\u0000\u0007", "\uD800", new string('x', 100_000), "<<<>>>", "/", "/muscle", "/quiz 99", "🦴🦴🦴") + "\n";
        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], input);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.DoesNotContain("went wrong", run.Output);
    }

    [Fact]
    public async Task Chat_reload_reloads_the_knowledge_and_reports_it()
    {
        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], "/reload\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Knowledge reloaded", run.Output);
    }

    [Fact]
    public async Task Chat_reload_of_a_broken_folder_reports_errors_and_keeps_answering()
    {
        using var knowledge = new TempKnowledge();
        var settings = new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge.Folder, ["Console:ShowBanner"] = "false" };
        // The file breaks after the chat has started with good knowledge, before the operator types /reload.
        using var input = new ScriptedReader(
            () => File.WriteAllText(knowledge.PathOf("topics/psoas-paradox.yaml"), "id: psoas-paradox\ntitle: \"unclosed\n"),
            "/reload",
            "what nerve supplies the iliacus");

        var run = await AppRunner.RunAsync(["chat"], input, settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Reload failed", run.Output);
        Assert.Matches(new Regex(@"psoas-paradox\.yaml:\d+"), run.Output);
        Assert.Contains("femoral", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Chat_quiz_takes_a_lettered_answer_and_grades_it_against_the_bank()
    {
        var bank = Knowledge.KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot!.Quiz;

        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], "/quiz\nb\n/quiz\n1\n");

        Assert.Equal(0, run.ExitCode);
        var asked = QuizLines(run.Output).Select(q => bank.Single(b => b.Question == q)).ToArray();
        Assert.Equal(2, asked.Length);
        var verdicts = run.OutputLines.Where(l => l.StartsWith("Correct!", StringComparison.Ordinal) || l.StartsWith("Not quite", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, verdicts.Length);
        Assert.Equal(asked[0].CorrectIndex == 1 ? "Correct!" : $"Not quite: the answer is {(char)('A' + asked[0].CorrectIndex)}) {asked[0].CorrectOption}", verdicts[0]);
        Assert.Equal(asked[1].CorrectIndex == 0 ? "Correct!" : $"Not quite: the answer is {(char)('A' + asked[1].CorrectIndex)}) {asked[1].CorrectOption}", verdicts[1]);
    }

    [Fact]
    public async Task Chat_review_asks_a_question_progress_counts_the_answer_and_forgetme_deletes_it()
    {
        var bank = Knowledge.KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot!.Quiz;

        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], "/review\nb\n/progress\n/forgetme\n/progress\n/link\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Nothing is due for review today, so here is a question you have not answered yet.", run.Output, StringComparison.Ordinal);
        var asked = bank.Single(b => b.Question == Assert.Single(QuizLines(run.Output)));
        Assert.Contains(asked.CorrectIndex == 1 ? "Answered: 1, right: 1 (100%)." : "Answered: 1, right: 0 (0%).", run.Output, StringComparison.Ordinal);
        Assert.Contains("Streak: 1 day.", run.Output, StringComparison.Ordinal);
        Assert.Contains("(The chart picture comes with /progress on Telegram and Discord.)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Deleted everything I stored about you", run.Output, StringComparison.Ordinal);
        Assert.Contains("No quiz answers yet.", run.Output, StringComparison.Ordinal);
        // Linking is for Discord and Telegram accounts: the console does not offer it.
        Assert.Contains("/link", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Your link code", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_quiz_does_not_repeat_a_question_until_the_bank_is_done()
    {
        var bank = Knowledge.KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot!.Quiz;

        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], string.Concat(Enumerable.Repeat("/quiz\n", bank.Length)));

        var asked = QuizLines(run.Output);
        Assert.Equal(bank.Length, asked.Length);
        Assert.Equal(bank.Length, asked.Distinct().Count());
    }

    [Fact]
    public async Task Chat_quiz_asked_on_a_muscle_draws_its_questions_without_repeats()
    {
        var bank = Knowledge.KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot!.Quiz;
        var about = bank.Where(q => (q.Question + " " + q.CorrectOption).Contains("iliacus", StringComparison.OrdinalIgnoreCase)).Select(q => q.Question).ToArray();
        Assert.InRange(about.Length, 2, bank.Length - 1);

        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], string.Concat(Enumerable.Repeat("quiz me on the iliacus\n", about.Length)));

        Assert.Equal(about.Order(), QuizLines(run.Output).Order());

        var command = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], "/quiz iliacus\n");
        Assert.Contains(Assert.Single(QuizLines(command.Output)), about);
    }

    [Fact]
    public async Task Chat_line_after_a_quiz_that_is_not_an_answer_is_answered_as_a_question()
    {
        var run = await AppRunner.RunAsync(["chat", "--Console:ShowBanner=false"], "/quiz\nwhat nerve supplies the iliacus\n");
        Assert.DoesNotContain("Correct!", run.Output);
        Assert.DoesNotContain("Not quite", run.Output);
        Assert.Contains("femoral", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static string[] QuizLines(string output) =>
        output.Split('\n').Where(l => l.StartsWith("Quiz: ", StringComparison.Ordinal)).Select(l => l["Quiz: ".Length..]).ToArray();

    [Fact]
    public async Task Invalid_host_option_stops_with_a_message_naming_the_key()
    {
        var run = await AppRunner.RunAsync(["ask", "psoas", "--Console:MaxReloadErrors=0"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Console:MaxReloadErrors", run.Error);

        run = await AppRunner.RunAsync(["ask", "psoas", "--Host:ShutdownTimeoutSeconds=abc"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Host:ShutdownTimeoutSeconds", run.Error);
    }

    [Fact]
    public async Task Invalid_knowledge_option_stops_with_a_message_naming_the_key()
    {
        var run = await AppRunner.RunAsync(["chat", "--Knowledge:DebounceMilliseconds=1"], "psoas\n");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Knowledge:DebounceMilliseconds", run.Error);
        Assert.Equal(string.Empty, run.Output);
    }
}

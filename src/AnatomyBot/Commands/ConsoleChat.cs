using System.Globalization;
using System.Text;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Core.Study;
using AnatomyBot.Hosting;

namespace AnatomyBot.Commands;

/// <summary>
/// The local chat: one line in, one answer out, until EOF, <c>/quit</c> or <c>exit</c>. The local user is the
/// operator, so <c>/reload</c> reloads the knowledge folder. Quiz questions are answered by typing the option's letter.
/// </summary>
internal sealed class ConsoleChat(
    IAnswerEngine engine,
    IKnowledgeProvider knowledge,
    IKnowledgeReloader reloader,
    ConsoleChatOptions options,
    ConsoleTerminal terminal,
    QuizService quizzes,
    StudyCommands? study = null)
{
    private static readonly HashSet<string> QuitWords = new(StringComparer.OrdinalIgnoreCase) { "/quit", "/exit", "exit", "quit" };

    private static readonly ChatKey Chat = new("console", ConsoleIdentity.ChatId);
    private static readonly UserKey User = new("console", ConsoleIdentity.UserId);

    private QuizStart? _pendingQuiz;
    private string[] _suggestions = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (options.ShowBanner)
        {
            await terminal.Output.WriteLineAsync(Banner(knowledge.Current).AsMemory(), cancellationToken);
            await terminal.Output.FlushAsync(cancellationToken);
        }

        while (true)
        {
            if (terminal.Interactive)
            {
                await terminal.Output.WriteAsync("> ".AsMemory(), cancellationToken);
                await terminal.Output.FlushAsync(cancellationToken);
            }

            // The console's reader ignores the token once blocked; WaitAsync lets Ctrl+C-driven cancellation end the loop anyway.
            var line = await terminal.Input.ReadLineAsync(cancellationToken).AsTask().WaitAsync(cancellationToken);
            if (line is null || QuitWords.Contains(line.Trim()))
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var answer = await AnswerAsync(line, cancellationToken);
            await terminal.Output.WriteLineAsync(AnswerText.Limit(AnswerText.Sanitize(answer)).AsMemory(), cancellationToken);
            await terminal.Output.WriteLineAsync();
            await terminal.Output.FlushAsync(cancellationToken);
        }

        if (terminal.Interactive)
        {
            await terminal.Output.WriteLineAsync("Bye.".AsMemory(), cancellationToken);
        }

        await terminal.Output.FlushAsync(cancellationToken);
        return 0;
    }

    private async Task<string> AnswerAsync(string line, CancellationToken cancellationToken)
    {
        switch (Classify(line))
        {
            case QuizAnswerRequest answer when _pendingQuiz is { IsReady: true } quiz:
                _pendingQuiz = null;
                return await GradeAsync(quiz, answer.Answer, cancellationToken);
            case ReloadRequest:
                var result = await reloader.ReloadAsync(cancellationToken);
                return ReloadText.Format(result, options.MaxReloadErrors);
            case StudyRequest personal:
                return await StudyAsync(personal, cancellationToken);
            case var request:
                return await AskEngineAsync(request, cancellationToken);
        }
    }

    /// <summary>The line as a typed request: an answer to the quiz just asked, a numbered suggestion, a command or a question.</summary>
    private ChatRequest Classify(string line)
    {
        if (_pendingQuiz is { IsReady: true } quiz && QuizAnswerText.ChosenOption(quiz.Question, line) >= 0)
        {
            return new QuizAnswerRequest(line);
        }

        _pendingQuiz = null;

        // A number answers the last did-you-mean: "2" asks the second suggestion.
        var pending = _suggestions;
        _suggestions = [];
        if (int.TryParse(line.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var choice)
            && choice >= 1 && choice <= pending.Length)
        {
            return new AskRequest(pending[choice - 1]);
        }

        return CommandCatalogue.Parse(line, CommandCatalogue.In(CommandPlaces.Console));
    }

    private async Task<string> AskEngineAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        Reply reply;
        try
        {
            reply = engine.Answer(new IncomingMessage(request, ConsoleIdentity.Platform, ConsoleIdentity.UserId, ConsoleIdentity.ChatId));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in the engine must not end the chat; say so and keep going.
            await terminal.Error.WriteLineAsync($"error: the engine failed on that line: {ex.GetType().Name}: {ex.Message}");
            return "Sorry, something went wrong while answering that. Try asking another way.";
        }

        if (reply.Intent == Intent.Quiz && reply.Quiz is not null)
        {
            // "/quiz" or "quiz me": the quiz service's next question for the console chat.
            return await AskQuizAsync(reply, cancellationToken);
        }

        reply = ReplyFitter.Fit(reply, AnswerText.MaxLength);
        if (!reply.Suggestions.IsDefaultOrEmpty)
        {
            _suggestions = [.. reply.Suggestions];
            return ReplyText.ToPlainText(reply with { Suggestions = [] }, includeDisclaimer: true) + "\n\n" + NumberedChoices(_suggestions);
        }

        return ReplyText.ToPlainText(reply, includeDisclaimer: true);
    }

    /// <summary>"Did you mean: 1) ... 2) ...", answered by typing the number.</summary>
    internal static string NumberedChoices(IReadOnlyList<string> suggestions)
    {
        var text = new StringBuilder("Did you mean (type the number):");
        for (var i = 0; i < suggestions.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(") ").Append(suggestions[i]);
        }

        return text.ToString();
    }

    /// <summary>
    /// /review, /progress and /forgetme for the console's own student record (the terminal is a private chat). The
    /// /review question is asked like /quiz, so the typed answer is graded and feeds the schedule; /progress is text
    /// here (the chart picture goes to Telegram and Discord).
    /// </summary>
    private async Task<string> StudyAsync(StudyRequest request, CancellationToken cancellationToken)
    {
        if (study is null)
        {
            return "The study commands are not available here.";
        }

        var reply = await study.HandleAsync(request, User, StudyVenue.Private, cancellationToken);
        var text = reply.Title + "\n" + reply.Text;
        if (reply.Question is { } question)
        {
            return text + "\n\n" + await AskAsync(await quizzes.StartAsync(Chat, question, null, cancellationToken), cancellationToken);
        }

        return reply.ChartPng is null ? text : text + "\n(The chart picture comes with /progress on Telegram and Discord.)";
    }

    /// <summary>Asks the quiz service's next question (no repeat in the console chat until the bank is done).</summary>
    private async Task<string> AskQuizAsync(Reply reply, CancellationToken cancellationToken)
    {
        var start = await quizzes.StartAsync(Chat, reply.QuizScope, null, cancellationToken);
        return start.IsReady ? await AskAsync(start, cancellationToken) : ReplyText.ToPlainText(reply, includeDisclaimer: true);
    }

    /// <summary>Shows a reserved quiz question with lettered options and waits for the typed answer.</summary>
    private async Task<string> AskAsync(QuizStart start, CancellationToken cancellationToken)
    {
        await quizzes.CompleteAsync(start.Post!, null, cancellationToken);
        _pendingQuiz = start;
        var quiz = start.Question!;

        var text = new StringBuilder();
        text.Append("Quiz: ").Append(quiz.Question).Append('\n');
        for (var i = 0; i < quiz.Options.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {QuizAnswerText.Letter(i)}) {quiz.Options[i]}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Answer with a letter from A to {QuizAnswerText.Letter(quiz.Options.Length - 1)} (or the option's number).");
        return text.ToString();
    }

    /// <summary>Grades the typed answer through the quiz service (so it counts like any other chat's).</summary>
    private async Task<string> GradeAsync(QuizStart pending, string answer, CancellationToken cancellationToken)
    {
        var quiz = pending.Question!;
        var chosen = QuizAnswerText.ChosenOption(quiz, answer);
        await quizzes.AnswerAsync(pending.Post!, User, "you", chosen, cancellationToken);
        var sources = knowledge.Current.SourcesById;
        var cited = quiz.Sources.Select(id => sources.TryGetValue(id, out var s) ? $"[{s.Id}] {s.Title}" : $"[{id}]");
        var verdict = chosen == quiz.CorrectIndex
            ? "Correct!"
            : $"Not quite: the answer is {QuizAnswerText.Letter(quiz.CorrectIndex)}) {quiz.CorrectOption}";
        return $"{verdict}\n{quiz.Explanation}\n\nSources: {string.Join("; ", cited)}\n(Type /quiz for another question.)";
    }

    internal static string Banner(KnowledgeSnapshot snapshot)
    {
        var muscles = string.Join(", ", snapshot.Muscles.Select(m => m.Name));
        return $"""
            AnatomyBot: study questions about the iliopsoas group ({muscles}),
            {snapshot.Topics.Length} topics and {snapshot.Quiz.Length} quiz questions, every answer with its sources. Not medical advice.

            Try:  what nerve supplies the iliacus?   |   /muscle psoas minor   |   what is the psoas paradox?
                  /quiz   |   /sources   |   /help
            Quit with /quit, exit or Ctrl+D (Ctrl+Z then Enter on Windows). /reload re-reads the knowledge folder.

            This is the local console chat. To run on Discord and Telegram instead, set the tokens, e.g.
              export Telegram__Token=123456:ABC...   export Discord__Token=...
            (or Telegram:Token / Discord:Token in appsettings.json) and start again.
            """;
    }
}

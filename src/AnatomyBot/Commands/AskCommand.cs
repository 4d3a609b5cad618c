using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Commands;

/// <summary>The <c>ask</c> verb: one answer as text or JSON, or a stream of JSON answers for lines on standard input.</summary>
/// <remarks>
/// Each question is a new conversation unless <paramref name="conversation"/> is set (<c>--conversation</c>): then
/// a line may follow up on the one before, as in a chat.
/// </remarks>
internal sealed class AskCommand(IAnswerEngine engine, TextWriter output, TextWriter error, bool conversation = false)
{
    public int AskOnce(string question, bool json)
    {
        var reply = SafeAnswer(question);
        if (json)
        {
            output.WriteLine(ToJson(question, reply));
        }
        else
        {
            output.WriteLine(reply is null ? FailureText : AnswerText.Limit(AnswerText.Sanitize(ReplyText.ToPlainText(ReplyFitter.Fit(reply, AnswerText.MaxLength)))));
        }

        output.Flush();
        return reply is null ? 1 : 0;
    }

    /// <summary>
    /// One JSON object a line for every input line, empty and garbage lines included, flushed at once so a caller
    /// can hold a conversation over a pipe. A line the engine fails on still gets its object (intent <c>error</c>),
    /// and so does a line longer than <see cref="BoundedLineReader.MaxLineLength"/> characters, which is not answered.
    /// </summary>
    public async Task<int> AskStreamAsync(TextReader input, CancellationToken cancellationToken)
    {
        var failures = 0;
        var lines = new BoundedLineReader(input);
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            string json;
            if (line.TooLong)
            {
                failures++;
                json = ErrorJson(AnswerText.Limit(line.Text, 80), TooLongText);
            }
            else
            {
                var reply = SafeAnswer(line.Text);
                failures += reply is null ? 1 : 0;
                json = ToJson(line.Text, reply);
            }

            await output.WriteLineAsync(json.AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }

        return failures == 0 ? 0 : 1;
    }

    private static readonly string TooLongText =
        $"This line is longer than {BoundedLineReader.MaxLineLength:N0} characters and was not answered; send a shorter question.";

    private const string FailureText = "Sorry, something went wrong while answering that question.";

    private static string ToJson(string question, Reply? reply) =>
        reply is null ? ErrorJson(question, FailureText) : AnswerJson.From(question, reply).ToJsonLine();

    private static string ErrorJson(string question, string text) =>
        new AnswerJson(AnswerText.Sanitize(question), "error", null, 0, text, null, [], [], []).ToJsonLine();

    /// <summary>A bug in the engine must not end a stream of questions; it is reported on stderr instead.</summary>
    private Reply? SafeAnswer(string question)
    {
        try
        {
            var request = CommandCatalogue.Parse(question, CommandCatalogue.In(CommandPlaces.Console));
            return engine.Answer(new IncomingMessage(request, ConsoleIdentity.Platform, ConsoleIdentity.UserId, ConsoleIdentity.ChatId, FollowsUp: conversation));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"error: the engine failed on a question: {ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }
}

/// <summary>The local user's identity in the engine's terms.</summary>
internal static class ConsoleIdentity
{
    /// <summary>The console's name as a platform (the engine's chats, the metrics' platform label).</summary>
    public const string Platform = "console";

    public const string UserId = "console";
    public const string ChatId = "console";
}

using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Quiz;

internal enum QuizPostStatus
{
    /// <summary>The poll is in the chat.</summary>
    Posted,

    /// <summary>The quiz bank has no questions; nothing was sent.</summary>
    EmptyBank,

    /// <summary>The Bot API server does not implement sendPoll; nothing was sent.</summary>
    NoPolls,

    /// <summary>Telegram refused or the send failed (see <see cref="QuizPostResult.Error"/>).</summary>
    Failed,
}

/// <summary>The outcome of posting a quiz poll: the poll message, or why there is none.</summary>
internal sealed record QuizPostResult(QuizPostStatus Status, Message? Message = null, ApiError? Error = null);

/// <summary>
/// Posts quiz questions as native Telegram quiz polls. The question comes from the one <see cref="QuizService"/>
/// (no repeats in a chat until the bank is exhausted), which records the post (chat, question, correct option as
/// shown) before the send; the post is completed with Telegram's poll id after it, so answers to a poll that went out
/// can be scored even if the process died right after the send (see <see cref="QuizService.FindPostAsync"/>). The
/// completion is retried until the store takes it.
/// </summary>
internal sealed class QuizPoster(
    IKnowledgeProvider knowledge,
    QuizService quizzes,
    TelegramSender sender,
    StorageFaults faults,
    BotApi client,
    TelegramMetrics metrics,
    ILogger<QuizPoster> logger)
{
    public const int MaxQuestion = 300;
    public const int MaxOptions = 12;
    public const int MaxOption = 100;
    public const int MaxExplanation = 200;

    /// <summary>Said instead of a quiz when the server does not implement sendPoll.</summary>
    public const string NoPollsText = "Sorry, this Telegram server does not support quiz polls, so I can't post a quiz here. Ask me a question instead!";

    public const string OnDemand = "on-demand";
    public const string Daily = "daily";
    public const string Review = "review";

    /// <summary>
    /// Posts one question to the chat: the chat's next one, or <paramref name="question"/> (a /review question); the
    /// result is the poll message or why there is none. <paramref name="kind"/> (<see cref="OnDemand"/>,
    /// <see cref="Daily"/> or <see cref="Review"/>) tags the quiz-post metric. <paramref name="scope"/> narrows the chat's next
    /// question to the ones a request asked about ("quiz me on the iliacus").
    /// </summary>
    public async Task<QuizPostResult> PostAsync(long chatId, long? replyToMessageId, string kind, QuizQuestion? question, ImmutableArray<string> scope, CancellationToken cancellationToken)
    {
        if (client.IsUnsupported("sendPoll"))
        {
            return new QuizPostResult(QuizPostStatus.NoPolls);
        }

        var snapshot = knowledge.Current;
        var chat = TelegramKeys.Chat(chatId);
        // The daily date is already claimed, so a storage failure is waited out rather than losing the day; on demand,
        // the failure goes to the update dispatcher, which retries the update a few times.
        var start = question is not null ? await quizzes.StartAsync(chat, question, ShownCorrectIndex, cancellationToken)
            : kind == Daily
            ? await faults.RetryAsync("reserve the daily quiz poll", ct => quizzes.StartAsync(chat, ShownCorrectIndex, ct), cancellationToken, write: true)
            : await quizzes.StartAsync(chat, scope, ShownCorrectIndex, cancellationToken);
        if (!start.IsReady)
        {
            return new QuizPostResult(QuizPostStatus.EmptyBank);
        }

        question = start.Question;
        var post = start.Post;

        var (options, correct) = FitOptions(question);
        var explanation = Explanation(question, snapshot);
        var result = await sender.SendPollAsync(
            chatId,
            target => new SendPollRequest
            {
                ChatId = target,
                Question = Trim(question.Question, MaxQuestion),
                Options = options.Select(o => new InputPollOption(o)).ToArray(),
                IsAnonymous = false,
                Type = PollType.Quiz,
                CorrectOptionIds = [correct],
                Explanation = explanation,
                ReplyParameters = TelegramSender.Reply(replyToMessageId),
            },
            cancellationToken);
        if (result.IsSuccess)
        {
            metrics.QuizPosted(kind);
        }

        if (result.IsSuccess && result.Value?.Poll is { } poll)
        {
            var message = result.Value;
            await faults.RetryAsync("record the posted poll", ct => quizzes.CompleteAsync(post, poll.Id, ct), cancellationToken);
            logger.QuizPosted(question.Id, message.Chat.Id, poll.Id);
        }
        else if (result.IsSuccess)
        {
            logger.QuizWithoutPoll(chatId);
        }

        return result.IsSuccess ? new QuizPostResult(QuizPostStatus.Posted, result.Value)
            : result.Error!.Kind == ApiErrorKind.NotImplemented ? new QuizPostResult(QuizPostStatus.NoPolls, Error: result.Error)
            : new QuizPostResult(QuizPostStatus.Failed, Error: result.Error);
    }

    /// <summary>Where the correct option lands among the options Telegram shows (at most 12).</summary>
    private static int ShownCorrectIndex(QuizQuestion question) => FitOptions(question).Correct;

    /// <summary>Keeps at most 12 options (always the correct one), each trimmed to 100 characters.</summary>
    internal static (IReadOnlyList<string> Options, int Correct) FitOptions(QuizQuestion question)
    {
        var indexed = question.Options.Select((text, index) => (text, index)).ToList();
        if (indexed.Count > MaxOptions)
        {
            var keep = indexed.Where(o => o.index != question.CorrectIndex).Take(MaxOptions - 1).Append(indexed[question.CorrectIndex])
                .OrderBy(o => o.index).ToList();
            indexed = keep;
        }

        var options = indexed.Select(o => Trim(o.text, MaxOption)).ToList();
        var correct = indexed.FindIndex(o => o.index == question.CorrectIndex);
        return (options, correct);
    }

    /// <summary>The explanation plus "Source: ...", within 200 characters and at most 2 line feeds.</summary>
    internal static string? Explanation(QuizQuestion question, KnowledgeSnapshot snapshot)
    {
        var explanation = question.Explanation?.Trim() ?? "";
        var sources = question.Sources.IsDefaultOrEmpty
            ? ""
            : "Source: " + string.Join("; ", question.Sources.Select(id => snapshot.SourcesById.TryGetValue(id, out var s) ? s.Title : id));
        explanation = LimitLineFeeds(explanation, 1);
        string text;
        if (sources.Length == 0)
        {
            text = explanation;
        }
        else if (explanation.Length == 0)
        {
            text = sources;
        }
        else
        {
            var room = MaxExplanation - sources.Length - 1;
            // Prefer keeping the source line whole: the explanation gives way first.
            text = room >= 40 ? Trim(explanation, room) + "\n" + sources : Trim(explanation + "\n" + sources, MaxExplanation);
        }

        text = Trim(LimitLineFeeds(text, 2), MaxExplanation);
        return text.Length == 0 ? null : text;
    }

    internal static string Trim(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "\u2026";
    }

    private static string LimitLineFeeds(string text, int max)
    {
        var count = 0;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\n' && ++count > max)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}

using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AnatomyBot.Telegram.Sending;

/// <summary>
/// Everything the bot posts goes through here: pacing per chat and group, the retry policy (429, 5xx,
/// network), chat migration (re-key and resend), chats that are gone (403) and the fatal 401. A send the server
/// accepted (HTTP 200) is never repeated, even when its reply cannot be read.
/// </summary>
internal sealed class TelegramSender(
    BotApi client,
    ChatRateLimiter limiter,
    RetryPolicy policy,
    IChatStore chats,
    TelegramAdapterLifetime adapter,
    IOptions<TelegramOptions> options,
    ILogger<TelegramSender> logger)
{
    private readonly int _maxAttempts = options.Value.MaxSendAttempts;

    /// <summary>Sends HTML split into messages of at most 4096 UTF-16 units; the first one replies to <paramref name="replyToMessageId"/>.</summary>
    public async Task<TelegramResult<Message>> SendHtmlAsync(long chatId, IReadOnlyList<string> chunks, long? replyToMessageId, CancellationToken cancellationToken,
        InlineKeyboardMarkup? keyboard = null)
    {
        var last = TelegramResult<Message>.Fail(new ApiError(ApiErrorKind.BadRequest, 0, "nothing to send"));
        var first = true;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            var reply = first ? Reply(replyToMessageId) : null;
            var markup = i == chunks.Count - 1 ? keyboard : null;
            first = false;
            last = await DeliverAsync(
                chatId,
                target => new SendMessageRequest
                {
                    ChatId = target,
                    Text = chunk,
                    ParseMode = ParseMode.Html,
                    LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
                    ReplyParameters = reply,
                    ReplyMarkup = markup,
                },
                cancellationToken);
            if (!last.IsSuccess)
            {
                return last;
            }

            // After a migration the reply names the new chat; an unreadable reply leaves the id as it was.
            chatId = last.Value?.Chat.Id ?? chatId;
        }

        return last;
    }

    public Task<TelegramResult<Message>> SendHtmlAsync(long chatId, string html, long? replyToMessageId, CancellationToken cancellationToken,
        InlineKeyboardMarkup? keyboard = null) =>
        SendHtmlAsync(chatId, MessageSplitter.Split(html), replyToMessageId, cancellationToken, keyboard);

    public Task<TelegramResult<Message>> SendPollAsync(long chatId, Func<long, SendPollRequest> build, CancellationToken cancellationToken) =>
        DeliverAsync(chatId, build, cancellationToken);

    /// <summary>Sends a PNG as a photo (multipart upload; a fresh stream per attempt) with an optional HTML caption.</summary>
    public Task<TelegramResult<Message>> SendPhotoAsync(long chatId, byte[] png, string fileName, string? captionHtml, CancellationToken cancellationToken) =>
        DeliverAsync(
            chatId,
            target => new SendPhotoRequest
            {
                ChatId = target,
                Photo = InputFile.FromStream(new MemoryStream(png, writable: false), fileName),
                Caption = captionHtml,
                ParseMode = ParseMode.Html,
            },
            cancellationToken);

    /// <summary>Replies to a message, but still sends if that message is gone.</summary>
    public static ReplyParameters? Reply(long? messageId) =>
        messageId is { } id ? new ReplyParameters { MessageId = checked((int)id), AllowSendingWithoutReply = true } : null;

    /// <summary>Sends one request to a chat, retrying as each kind of failure allows, until it is delivered or given up.</summary>
    private async Task<TelegramResult<Message>> DeliverAsync(long chatId, Func<long, IRequest<Message>> build, CancellationToken cancellationToken)
    {
        if (await chats.IsChatGoneAsync(TelegramKeys.Chat(chatId), cancellationToken))
        {
            logger.ChatGoneNotPosting(chatId);
            return TelegramResult<Message>.Fail(new ApiError(ApiErrorKind.Forbidden, 403, "the chat is marked gone"));
        }

        var failures = 0; // 5xx and network: at most MaxSendAttempts tries
        using var backoff = policy.Delays().GetEnumerator();
        var rateLimits = 0; // 429: waited out as Telegram says, not counted as failures
        var migrations = 0;
        while (true)
        {
            await limiter.WaitTurnAsync(chatId, cancellationToken);
            var request = build(chatId);
            var result = await client.CallAsync(request, cancellationToken);
            if (result.IsSuccess)
            {
                return result;
            }

            var error = result.Error!;
            switch (error.Kind)
            {
                case ApiErrorKind.Unreadable:
                    // The server took it: sending again would post it twice.
                    logger.SentButUnreadable(request.MethodName, chatId, error);
                    return TelegramResult<Message>.Accepted();
                case ApiErrorKind.ChatMigrated when error.MigrateToChatId is { } newId && migrations++ < 3:
                    chatId = await MoveChatAsync(chatId, newId, cancellationToken);
                    continue;
                case ApiErrorKind.Forbidden:
                    await MarkChatGoneAsync(chatId, error, cancellationToken);
                    return result;
                case ApiErrorKind.Unauthorized:
                    StopOnRejectedToken();
                    return result;
                // A server that keeps answering 429 forever must not hold the message hostage.
                case ApiErrorKind.RateLimited when ++rateLimits <= _maxAttempts * 4:
                    await WaitOutRateLimitAsync(chatId, error, cancellationToken);
                    continue;
                case ApiErrorKind.Server or ApiErrorKind.Network when ++failures < _maxAttempts:
                    await BackOffAsync(chatId, error, backoff, cancellationToken);
                    continue;
            }

            logger.SendGivenUp(request.MethodName, chatId, error);
            return result;
        }
    }

    /// <summary>Follows a group that became a supergroup: its stored state and its pacing move to the new id, which is returned.</summary>
    private async Task<long> MoveChatAsync(long chatId, long newId, CancellationToken cancellationToken)
    {
        logger.ChatMigratedResending(chatId, newId);
        await chats.MoveChatAsync(TelegramKeys.Chat(chatId), TelegramKeys.Chat(newId), cancellationToken);
        limiter.Rekey(chatId, newId);
        return newId;
    }

    /// <summary>Marks a chat that refused the bot (403) as gone, so nothing is posted there again.</summary>
    private async Task MarkChatGoneAsync(long chatId, ApiError error, CancellationToken cancellationToken)
    {
        logger.ChatRefusedMarkedGone(chatId, error);
        await chats.MarkChatGoneAsync(TelegramKeys.Chat(chatId), policy.TimeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>Stops the adapter on a 401 with a message that says which setting to fix.</summary>
    private void StopOnRejectedToken() =>
        adapter.Fail("Telegram rejected the bot token (401 Unauthorized) while sending. The token is wrong or was revoked: "
            + "set Telegram__Token to the current token from @BotFather and restart.");

    /// <summary>Waits exactly as long as Telegram's 429 says; that wait does not count as a failed attempt.</summary>
    private async Task WaitOutRateLimitAsync(long chatId, ApiError error, CancellationToken cancellationToken)
    {
        var retryAfter = RetryPolicy.RetryAfter(error);
        logger.SendRateLimited(chatId, retryAfter);
        await policy.WaitAsync(retryAfter, cancellationToken);
    }

    /// <summary>Waits the next backoff delay after a server or network failure.</summary>
    private async Task BackOffAsync(long chatId, ApiError error, IEnumerator<TimeSpan> backoff, CancellationToken cancellationToken)
    {
        backoff.MoveNext();
        var delay = backoff.Current;
        logger.SendRetrying(chatId, error, delay);
        await policy.WaitAsync(delay, cancellationToken);
    }
}

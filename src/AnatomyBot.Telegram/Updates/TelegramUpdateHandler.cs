using System.Globalization;
using System.Text;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Moderation;
using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Updates;

/// <summary>Handles one update: maps messages to the engine or to the adapter's own commands and replies.</summary>
internal sealed class TelegramUpdateHandler(
    IAnswerEngine engine,
    IKnowledgeReloader reloader,
    IChatStore chats,
    IDailyQuizStore daily,
    QuizService quizzes,
    TelegramSender sender,
    BotApi client,
    QuizPoster quiz,
    DailyQuizScheduler scheduler,
    ChatAdminChecker admins,
    BotIdentity bot,
    TimeProvider timeProvider,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateHandler> logger)
{
    internal const string DailyQuizUsage =
        "Use /dailyquiz HH:MM [time zone], for example /dailyquiz 09:00 Europe/Berlin (24-hour time; an IANA time zone, UTC if left out). "
        + "/dailyquiz off stops it; /dailyquiz alone shows the setting.";

    private readonly HashSet<long> _moderators = [.. options.Value.Moderators];

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.Message is { } message)
        {
            await OnMessageAsync(message, cancellationToken);
        }
        else if (update.PollAnswer is { } answer)
        {
            await OnPollAnswerAsync(answer, cancellationToken);
        }
        else if (update.MyChatMember is { } member)
        {
            await OnMyChatMemberAsync(member, cancellationToken);
        }
        else if (update.CallbackQuery is { } callback)
        {
            // Answering stops the button's spinner (when the server can); a did-you-mean button then asks its
            // suggestion in the chat it was shown in.
            if (!client.IsUnsupported("answerCallbackQuery"))
            {
                await client.AnswerCallbackQueryAsync(callback.Id, cancellationToken);
            }

            if (callback.Data is { } data && data.StartsWith(ReplyRenderer.SuggestionPrefix, StringComparison.Ordinal) && callback.Message is { } shown)
            {
                var asked = new Message { Chat = shown.Chat, From = callback.From };
                await AskEngineAsync(asked, data[ReplyRenderer.SuggestionPrefix.Length..], null, cancellationToken);
            }
        }
        else
        {
            logger.LogDebug("Ignoring Telegram update {UpdateId}: no field this bot handles", update.Id);
        }
    }

    private async Task OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        if (message.MigrateToChatId is { } newId)
        {
            logger.LogInformation("Telegram group {OldChatId} was upgraded to supergroup {NewChatId}; moving its data", chatId, newId);
            await chats.MoveChatAsync(TelegramKeys.Chat(chatId), TelegramKeys.Chat(newId), cancellationToken);
            return;
        }

        if (message.From?.Id == bot.Me.Id)
        {
            return;
        }

        var addressed = MessageAddressing.Classify(message, bot.Me);
        if (addressed.Kind == AddressKind.Ignored)
        {
            return;
        }

        if (await chats.IsChatGoneAsync(TelegramKeys.Chat(chatId), cancellationToken))
        {
            // A message from the chat means the bot is back in it (re-added or unblocked).
            await chats.MarkChatActiveAsync(TelegramKeys.Chat(chatId), cancellationToken);
        }

        long? replyTo = message.Chat.Type == ChatType.Private ? null : message.Id;
        if (addressed.Kind == AddressKind.Command)
        {
            switch (addressed.Command)
            {
                case "quiz":
                    await PostQuizAsync(chatId, replyTo, cancellationToken);
                    return;
                case "dailyquiz":
                    await DailyQuizAsync(message, addressed.Text, replyTo, cancellationToken);
                    return;
                case "leaderboard":
                case "top":
                    await LeaderboardAsync(chatId, replyTo, cancellationToken);
                    return;
                case "reload":
                    await ReloadAsync(message, replyTo, cancellationToken);
                    return;
                case "start":
                case "help":
                    await AskEngineAsync(message, "/help", replyTo, cancellationToken);
                    return;
                case "muscle":
                case "ask":
                case "sources":
                    await AskEngineAsync(message, $"/{addressed.Command} {addressed.Text}".TrimEnd(), replyTo, cancellationToken);
                    return;
                default:
                    // A bare unknown command in a group is likely meant for another bot; in private, let the engine answer.
                    if (message.Chat.Type == ChatType.Private)
                    {
                        await AskEngineAsync(message, $"/{addressed.Command} {addressed.Text}".TrimEnd(), replyTo, cancellationToken);
                    }

                    return;
            }
        }

        await AskEngineAsync(message, addressed.Text, replyTo, cancellationToken);
    }

    private async Task AskEngineAsync(Message message, string text, long? replyTo, CancellationToken cancellationToken)
    {
        var userId = (message.From?.Id ?? message.SenderChat?.Id ?? 0).ToString(CultureInfo.InvariantCulture);
        var reply = engine.Answer(new IncomingMessage(text, Platform.Telegram, userId, message.Chat.Id.ToString(CultureInfo.InvariantCulture)));
        switch (reply.Intent)
        {
            case Intent.Quiz:
                // The engine picks at random; the adapter picks without repeats per chat instead.
                await PostQuizAsync(message.Chat.Id, replyTo, cancellationToken);
                return;
            case Intent.Reload:
                await ReloadAsync(message, replyTo, cancellationToken);
                return;
            default:
                await sender.SendHtmlAsync(message.Chat.Id, ReplyRenderer.Render(reply), replyTo, cancellationToken, ReplyRenderer.SuggestionKeyboard(reply));
                return;
        }
    }

    private async Task PostQuizAsync(long chatId, long? replyTo, CancellationToken cancellationToken)
    {
        var result = await quiz.PostAsync(chatId, replyTo, cancellationToken);
        switch (result.Status)
        {
            case QuizPostStatus.EmptyBank:
                await ReplyTextAsync(chatId, "Sorry, there are no quiz questions yet.", replyTo, cancellationToken);
                break;
            case QuizPostStatus.NoPolls:
                // Silence would look like the bot is broken; say why instead.
                await ReplyTextAsync(chatId, QuizPoster.NoPollsText, replyTo, cancellationToken);
                break;
        }
    }

    private async Task DailyQuizAsync(Message message, string arguments, long? replyTo, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        var now = timeProvider.GetUtcNow();
        if (arguments.Length == 0)
        {
            var current = await daily.GetSubscriptionAsync(TelegramKeys.Chat(chatId), cancellationToken);
            var text = current is null
                ? "No daily quiz is set for this chat. " + DailyQuizUsage
                : $"Daily quiz: every day at {current.Time:HH\\:mm} ({current.TimeZoneId}). Next one: {NextText(current, now)}."
                    + (current.LastPostedLocalDate is { } last ? $" Last posted for {last:yyyy-MM-dd}." : "");
            await ReplyTextAsync(chatId, text, replyTo, cancellationToken);
            return;
        }

        var allowed = await CanManageDailyQuizAsync(message, cancellationToken);
        if (allowed != true)
        {
            var refusal = allowed is null
                ? "Sorry, I couldn't check whether you administer this chat (this Telegram server did not tell me), so only a bot moderator can change the daily quiz here right now."
                : "Sorry, only an administrator of this chat or a bot moderator can change the daily quiz.";
            await ReplyTextAsync(chatId, refusal, replyTo, cancellationToken);
            return;
        }

        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts is [var off] && off.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            var removed = await daily.RemoveSubscriptionAsync(TelegramKeys.Chat(chatId), cancellationToken);
            scheduler.NotifyChanged();
            await ReplyTextAsync(chatId, removed ? "Daily quiz stopped." : "There was no daily quiz to stop.", replyTo, cancellationToken);
            return;
        }

        if (parts.Length is < 1 or > 2 || !DailySchedule.TryParseTime(parts[0], out var time))
        {
            await ReplyTextAsync(chatId, "Sorry, I couldn't read that time. " + DailyQuizUsage, replyTo, cancellationToken);
            return;
        }

        var zoneId = parts.Length == 2 ? parts[1] : "UTC";
        if (!DailySchedule.TryFindZone(zoneId, out var zone))
        {
            await ReplyTextAsync(chatId, $"Sorry, I don't know the time zone \"{zoneId}\". " + DailyQuizUsage, replyTo, cancellationToken);
            return;
        }

        var canonicalZone = parts.Length == 2 ? zoneId : "UTC";
        await daily.SaveSubscriptionAsync(TelegramKeys.Chat(chatId), time, canonicalZone, now, cancellationToken);
        scheduler.NotifyChanged();
        logger.LogInformation("Telegram chat {ChatId} set its daily quiz to {Time} {Zone} (by user {UserId})",
            chatId, time.ToString("HH:mm", CultureInfo.InvariantCulture), canonicalZone, message.From?.Id);
        var saved = await daily.GetSubscriptionAsync(TelegramKeys.Chat(chatId), cancellationToken);
        await ReplyTextAsync(chatId, $"Daily quiz set: every day at {time:HH\\:mm} ({canonicalZone}). Next one: {NextText(saved!, now, zone)}.", replyTo, cancellationToken);
    }

    private static string NextText(DailyQuizSubscription subscription, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        if (zone is null && !DailySchedule.TryFindZone(subscription.TimeZoneId, out zone))
        {
            return "unknown (the time zone is not recognised)";
        }

        var today = DailySchedule.LocalDate(now, zone);
        var postedToday = subscription.LastPostedAt is { } last && DailySchedule.LocalDate(last, zone) >= today;
        var todayDue = DailySchedule.DueInstant(today, subscription.Time, zone);
        var next = !postedToday && todayDue >= now && todayDue >= subscription.SubscribedAt
            ? todayDue
            : DailySchedule.DueInstant(today.AddDays(1), subscription.Time, zone);
        return TimeZoneInfo.ConvertTime(next, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>True or false; null when the administrator check could not be made.</summary>
    private async Task<bool?> CanManageDailyQuizAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.Chat.Type == ChatType.Private)
        {
            return true;
        }

        // Anonymous administrators post as the group itself.
        if (message.SenderChat?.Id == message.Chat.Id)
        {
            return true;
        }

        if (message.From is not { } user)
        {
            return false;
        }

        return _moderators.Contains(user.Id) ? true : await admins.IsAdminAsync(message.Chat.Id, user.Id, cancellationToken);
    }

    private async Task LeaderboardAsync(long chatId, long? replyTo, CancellationToken cancellationToken)
    {
        var entries = await quizzes.LeaderboardAsync(TelegramKeys.Chat(chatId), 10, cancellationToken);
        if (entries.Count == 0)
        {
            await ReplyTextAsync(chatId, "No quiz answers yet in this chat. Try /quiz!", replyTo, cancellationToken);
            return;
        }

        var html = new StringBuilder("\U0001F3C6 <b>Leaderboard</b>");
        for (var i = 0; i < entries.Count; i++)
        {
            html.Append('\n').Append(i + 1).Append(". ").Append(TelegramHtml.Escape(entries[i].DisplayName))
                .Append(" \u2014 ").Append(entries[i].Correct);
        }

        await sender.SendHtmlAsync(chatId, html.ToString(), replyTo, cancellationToken);
    }

    private async Task ReloadAsync(Message message, long? replyTo, CancellationToken cancellationToken)
    {
        var userId = message.From?.Id;
        if (userId is not { } id || !_moderators.Contains(id))
        {
            logger.LogWarning("Refused /reload from Telegram user {UserId} in chat {ChatId}: not a moderator", userId, message.Chat.Id);
            await ReplyTextAsync(message.Chat.Id, "Sorry, only AnatomyBot moderators can reload the knowledge base.", replyTo, cancellationToken);
            return;
        }

        logger.LogInformation("Knowledge reload requested by Telegram moderator {UserId} in chat {ChatId}", id, message.Chat.Id);

        // Never on the update loop: a slow disk must not stop the bot answering everyone else (the store time-boxes
        // the reload, and this reply follows whenever it ends).
        _ = Task.Run(() => ReloadAndReplyAsync(message.Chat.Id, id, replyTo, cancellationToken), CancellationToken.None);
    }

    private async Task ReloadAndReplyAsync(long chatId, long moderatorId, long? replyTo, CancellationToken cancellationToken)
    {
        try
        {
            var result = await reloader.ReloadAsync(cancellationToken);
            logger.LogInformation("Knowledge reload by Telegram moderator {UserId}: {Outcome}", moderatorId,
                result.Succeeded ? "succeeded" : $"failed with {result.Errors.Length} error(s)");
            await ReplyTextAsync(chatId, ReloadText.Format(result, maxErrors: 50), replyTo, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Knowledge reload by Telegram moderator {UserId} failed unexpectedly", moderatorId);
        }
    }

    private Task<TelegramResult<Message>> ReplyTextAsync(long chatId, string text, long? replyTo, CancellationToken cancellationToken) =>
        sender.SendHtmlAsync(chatId, TelegramHtml.Escape(text), replyTo, cancellationToken);

    private async Task OnPollAnswerAsync(PollAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.User is not { } user || answer.OptionIds is not { Length: > 0 })
        {
            return;
        }

        // A poll whose record was reserved but not completed (the process died right after the send) is bound here.
        var post = await quizzes.FindPostAsync(answer.PollId, TelegramKeys.User(user.Id), cancellationToken);
        if (post is null)
        {
            logger.LogDebug("Ignoring an answer to unknown poll {PollId}", answer.PollId);
            return;
        }

        var displayName = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var name = string.IsNullOrWhiteSpace(displayName) ? user.Username ?? user.Id.ToString(CultureInfo.InvariantCulture) : displayName;
        // Quiz polls take one option; the first is the choice.
        await quizzes.AnswerAsync(post, TelegramKeys.User(user.Id), name, answer.OptionIds[0], cancellationToken);
    }

    private async Task OnMyChatMemberAsync(ChatMemberUpdated update, CancellationToken cancellationToken)
    {
        switch (update.NewChatMember.Status)
        {
            case ChatMemberStatus.Left:
            case ChatMemberStatus.Kicked:
                logger.LogInformation("The bot was removed from Telegram chat {ChatId}; no longer posting there", update.Chat.Id);
                await chats.MarkChatGoneAsync(TelegramKeys.Chat(update.Chat.Id), timeProvider.GetUtcNow(), cancellationToken);
                scheduler.NotifyChanged();
                break;
            case ChatMemberStatus.Member:
            case ChatMemberStatus.Administrator:
            case ChatMemberStatus.Restricted:
            case ChatMemberStatus.Creator:
                await chats.MarkChatActiveAsync(TelegramKeys.Chat(update.Chat.Id), cancellationToken);
                scheduler.NotifyChanged();
                break;
        }
    }
}

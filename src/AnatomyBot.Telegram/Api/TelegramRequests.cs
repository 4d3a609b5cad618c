using System.Text.Json.Serialization;

namespace AnatomyBot.Telegram.Api;

/// <summary>One Bot API method call; <typeparamref name="TResult"/> is the type of the reply's <c>result</c>.</summary>
internal abstract record TelegramRequest<TResult>
{
    [JsonIgnore]
    public abstract string MethodName { get; }
}

internal sealed record GetMeRequest : TelegramRequest<TgUser>
{
    public override string MethodName => "getMe";
}

internal sealed record GetUpdatesRequest(long? Offset, int Timeout, IReadOnlyList<string> AllowedUpdates, int? Limit = null)
    : TelegramRequest<System.Text.Json.JsonElement>
{
    public override string MethodName => "getUpdates";
}

internal sealed record LinkPreviewOptions(bool IsDisabled);

internal sealed record ReplyParameters(long MessageId, bool AllowSendingWithoutReply = true);

/// <summary>A button under a message that sends <see cref="CallbackData"/> (at most 64 bytes) back as a callback query.</summary>
internal sealed record InlineKeyboardButton(string Text, string CallbackData);

internal sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);

internal sealed record SendMessageRequest(
    long ChatId,
    string Text,
    string? ParseMode = "HTML",
    LinkPreviewOptions? LinkPreviewOptions = null,
    ReplyParameters? ReplyParameters = null,
    InlineKeyboardMarkup? ReplyMarkup = null) : TelegramRequest<TgMessage>
{
    public override string MethodName => "sendMessage";
}

internal sealed record InputPollOption(string Text);

internal sealed record SendPollRequest(
    long ChatId,
    string Question,
    IReadOnlyList<InputPollOption> Options,
    bool IsAnonymous,
    string Type,
    IReadOnlyList<int> CorrectOptionIds,
    string? Explanation = null,
    ReplyParameters? ReplyParameters = null) : TelegramRequest<TgMessage>
{
    public override string MethodName => "sendPoll";
}

internal sealed record BotCommand(string Command, string Description);

internal sealed record BotCommandScope(string Type, long? ChatId = null, long? UserId = null);

internal sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands, BotCommandScope? Scope = null) : TelegramRequest<bool>
{
    public override string MethodName => "setMyCommands";
}

internal sealed record GetChatMemberRequest(long ChatId, long UserId) : TelegramRequest<TgChatMember>
{
    public override string MethodName => "getChatMember";
}

internal sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text = null) : TelegramRequest<bool>
{
    public override string MethodName => "answerCallbackQuery";
}

internal sealed record SetWebhookRequest(string Url, string? SecretToken = null, IReadOnlyList<string>? AllowedUpdates = null, bool? DropPendingUpdates = null)
    : TelegramRequest<bool>
{
    public override string MethodName => "setWebhook";
}

internal sealed record DeleteWebhookRequest(bool? DropPendingUpdates = null) : TelegramRequest<bool>
{
    public override string MethodName => "deleteWebhook";
}

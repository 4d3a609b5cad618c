using System.Text.Json.Serialization;

namespace AnatomyBot.Telegram.Api;

// Only the fields the adapter reads. Required constructor parameters make an update that lacks them
// fail to deserialize, which the receiver logs and skips.

internal sealed record TgUser(long Id, bool IsBot, string FirstName, string? LastName = null, string? Username = null)
{
    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(LastName) ? FirstName : FirstName + " " + LastName;
}

internal sealed record TgChat(long Id, string Type, string? Title = null, string? Username = null)
{
    [JsonIgnore]
    public bool IsPrivate => Type == "private";
}

internal sealed record TgMessageEntity(string Type, int Offset, int Length);

internal sealed record TgMessage(
    long MessageId,
    TgChat Chat,
    long Date,
    TgUser? From = null,
    TgChat? SenderChat = null,
    string? Text = null,
    TgMessageEntity[]? Entities = null,
    TgMessage? ReplyToMessage = null,
    TgPoll? Poll = null,
    long? MigrateToChatId = null,
    long? MigrateFromChatId = null);

internal sealed record TgPollOption(string Text, int VoterCount = 0);

internal sealed record TgPoll(
    string Id,
    string Question,
    TgPollOption[] Options,
    string Type = "regular",
    bool IsAnonymous = true,
    int? CorrectOptionId = null,
    int[]? CorrectOptionIds = null,
    string? Explanation = null)
{
    /// <summary>Bot API 9.6 moved the answer into <c>correct_option_ids</c>; older servers send <c>correct_option_id</c>.</summary>
    [JsonIgnore]
    public int? CorrectIndex => CorrectOptionIds is { Length: > 0 } ids ? ids[0] : CorrectOptionId;
}

internal sealed record TgPollAnswer(string PollId, int[] OptionIds, TgUser? User = null, TgChat? VoterChat = null);

internal sealed record TgChatMember(string Status, TgUser User);

internal sealed record TgChatMemberUpdated(TgChat Chat, TgUser From, long Date, TgChatMember OldChatMember, TgChatMember NewChatMember);

internal sealed record TgCallbackQuery(string Id, TgUser From, TgMessage? Message = null, string? Data = null);

internal sealed record TgUpdate(
    long UpdateId,
    TgMessage? Message = null,
    TgPollAnswer? PollAnswer = null,
    TgChatMemberUpdated? MyChatMember = null,
    TgCallbackQuery? CallbackQuery = null);

internal sealed record TgResponseParameters(int? RetryAfter = null, long? MigrateToChatId = null);

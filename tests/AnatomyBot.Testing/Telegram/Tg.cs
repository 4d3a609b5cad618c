using System.Text.Json.Nodes;

namespace AnatomyBot.Testing.Telegram;

/// <summary>Builders for Bot API update JSON as Telegram sends it.</summary>
public static class Tg
{
    public const long UserId = 4242;
    public const long GroupId = -100777;

    private static long _messageId = 5000;

    public static JsonObject User(long id = UserId, string firstName = "Ana", string? lastName = null) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = firstName,
        ["last_name"] = lastName,
    };

    public static JsonObject Private(string text, long userId = UserId) => Message(text, new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Ana" }, User(userId));

    public static JsonObject Group(string text, long chatId = GroupId, long userId = UserId, JsonObject? replyTo = null, JsonObject? senderChat = null) =>
        Message(text, new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Anatomy study group" }, User(userId), replyTo, senderChat);

    public static JsonObject Message(string text, JsonObject chat, JsonObject from, JsonObject? replyTo = null, JsonObject? senderChat = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = 1_767_225_600,
            ["chat"] = chat,
            ["from"] = from,
            ["text"] = text,
        };
        var entities = Entities(text);
        if (entities.Count > 0)
        {
            message["entities"] = entities;
        }

        if (replyTo is not null)
        {
            message["reply_to_message"] = replyTo;
        }

        if (senderChat is not null)
        {
            message["sender_chat"] = senderChat;
        }

        return new JsonObject { ["message"] = message };
    }

    public static long MessageId(JsonObject update) => update["message"]!["message_id"]!.GetValue<long>();

    public static JsonObject BotMessage(long chatId = GroupId) => new()
    {
        ["message_id"] = 77,
        ["date"] = 1_767_225_600,
        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "supergroup" },
        ["from"] = new JsonObject { ["id"] = FakeBotApiServer.BotId, ["is_bot"] = true, ["first_name"] = "Anatomy", ["username"] = FakeBotApiServer.BotUsername },
        ["text"] = "an earlier answer",
    };

    public static JsonObject PollAnswer(string pollId, long userId, int option, string firstName = "Ana") => new()
    {
        ["poll_answer"] = new JsonObject { ["poll_id"] = pollId, ["user"] = User(userId, firstName), ["option_ids"] = new JsonArray(option) },
    };

    public static JsonObject MyChatMember(long chatId, string newStatus) => new()
    {
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "supergroup" },
            ["from"] = User(),
            ["date"] = 1_767_225_600,
            ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = new JsonObject { ["id"] = FakeBotApiServer.BotId, ["is_bot"] = true, ["first_name"] = "Anatomy" } },
            ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = new JsonObject { ["id"] = FakeBotApiServer.BotId, ["is_bot"] = true, ["first_name"] = "Anatomy" } },
        },
    };

    // Telegram marks commands and mentions with entities (offsets in UTF-16 units, like .NET strings).
    private static JsonArray Entities(string text)
    {
        var entities = new JsonArray();
        if (text.StartsWith('/'))
        {
            var end = text.IndexOfAny([' ', '\n']);
            entities.Add(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end < 0 ? text.Length : end });
        }

        var at = 0;
        while ((at = text.IndexOf('@', at)) >= 0)
        {
            if (at == 0 || text[at - 1] == ' ')
            {
                var end = at + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                if (end - at > 1)
                {
                    entities.Add(new JsonObject { ["type"] = "mention", ["offset"] = at, ["length"] = end - at });
                }
            }

            at++;
        }

        return entities;
    }
}

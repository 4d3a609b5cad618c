using System.Text.Json;
using System.Text.Json.Nodes;
using AnatomyBot.Telegram.Api;

namespace AnatomyBot.Telegram.Tests;

/// <summary>Issue 11: lenient reading and the "method not implemented" classification, without a server.</summary>
public sealed class InteropTests
{
    [Fact]
    public void Millisecond_dates_become_seconds_and_second_dates_stay()
    {
        var node = JsonNode.Parse("""
            {"update_id": 1, "message": {"message_id": 2, "date": 1772438400123, "edit_date": 1772438400,
             "chat": {"id": 5, "type": "private"}, "reply_to_message": {"message_id": 1, "date": 1772438399000,
             "chat": {"id": 5, "type": "private"}}, "unknown_field": {"date_like": 1772438400123}}}
            """);

        Assert.True(LenientJson.NormaliseDates(node));
        Assert.Equal(1772438400, node!["message"]!["date"]!.GetValue<long>());
        Assert.Equal(1772438400, node["message"]!["edit_date"]!.GetValue<long>());
        Assert.Equal(1772438399, node["message"]!["reply_to_message"]!["date"]!.GetValue<long>());
        Assert.Equal(1772438400123, node["message"]!["unknown_field"]!["date_like"]!.GetValue<long>());
        Assert.False(LenientJson.NormaliseDates(JsonNode.Parse("""{"date": 1772438400}""")));
    }

    [Fact]
    public void An_update_from_an_emulator_reads_with_the_library_types()
    {
        using var document = JsonDocument.Parse("""
            {"update_id": 9, "emulated": true, "message": {"message_id": 3, "date": 1772438400123,
             "chat": {"id": 5, "type": "private"}, "from": {"id": 5, "first_name": "Emu"}, "text": "hi"}}
            """);

        var update = LenientJson.ReadUpdate(document.RootElement);

        Assert.Equal(9, update.Id);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), update.Message!.Date);
        Assert.False(update.Message.From!.IsBot);
        Assert.Equal("hi", update.Message.Text);
    }

    [Theory]
    [InlineData("sendPoll", 404, "Not Found", "NotImplemented")]
    [InlineData("setMyCommands", 501, "Not Implemented", "NotImplemented")]
    [InlineData("getChatMember", 400, "Bad Request: method not found", "NotImplemented")]
    [InlineData("getChatMember", 400, "Unknown method: getChatMember", "NotImplemented")]
    [InlineData("sendMessage", 400, "Bad Request: chat not found", "BadRequest")]
    [InlineData("sendMessage", 400, "Bad Request: message to be replied not found", "BadRequest")]
    [InlineData("getMe", 404, "Not Found", "Unauthorized")]
    [InlineData("sendMessage", 502, "Bad Gateway", "Server")]
    [InlineData("sendMessage", 429, "Too Many Requests", "RateLimited")]
    public void Error_replies_are_classified(string method, int code, string description, string expected) =>
        Assert.Equal(expected, BotApi.KindFor(method, code, description, migrateToChatId: null).ToString());

    [Fact]
    public void The_library_never_waits_on_its_own()
    {
        var options = BotApi.ClientOptions(new TelegramOptions { Token = "123:abc", ApiBaseUrl = "http://127.0.0.1:8081/" });

        Assert.Equal(0, options.RetryThreshold);
        Assert.Equal("http://127.0.0.1:8081/bot123:abc", options.BaseRequestUrl);
        Assert.Null(BotApi.ClientOptions(new TelegramOptions { Token = "123:abc" }).BaseUrl);
    }

    [Fact]
    public void A_base_url_with_a_path_is_refused_with_the_key_to_fix()
    {
        // Telegram.Bot keeps only scheme, host and port: a path would silently be dropped.
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { Token = "123:abc", ApiBaseUrl = "http://127.0.0.1:8081/emulator" });

        Assert.True(result.Failed);
        Assert.Contains("Telegram:ApiBaseUrl must be scheme, host and port only", result.FailureMessage);
        Assert.True(new TelegramOptionsValidator().Validate(null, new TelegramOptions { Token = "123:abc", ApiBaseUrl = "http://127.0.0.1:8081/" }).Succeeded);
    }
}

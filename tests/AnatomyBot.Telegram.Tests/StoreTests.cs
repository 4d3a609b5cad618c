using AnatomyBot.Telegram.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "anatomybot-store-" + Guid.NewGuid().ToString("N"));

    private SqliteTelegramStore NewStore() =>
        new(Options.Create(new TelegramStorageOptions { Path = Path.Combine(_directory, "nested", "bot.db") }));

    [Fact]
    public async Task Creates_the_directory_and_records_the_schema_version_idempotently()
    {
        using (var store = NewStore())
        {
            await store.MigrateAsync(default);
            await store.SetUpdateOffsetAsync(42, default);
        }

        using var reopened = NewStore();
        await reopened.MigrateAsync(default);
        Assert.Equal(42, await reopened.GetUpdateOffsetAsync(default));
        await using var connection = new SqliteConnection($"Data Source={reopened.DatabasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM schema_version;";
        Assert.Equal("3", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Chat_migration_moves_every_row_and_adds_scores()
    {
        using var store = NewStore();
        var now = DateTimeOffset.UnixEpoch;
        await store.SaveSubscriptionAsync(-1, new TimeOnly(9, 0), "UTC", now, default);
        await store.RecordPollAsync(new PostedPoll("p1", -1, "q1", 0, 10, now), default);
        await store.RecordPollAsync(new PostedPoll("p2", -2, "q2", 0, 11, now), default);
        Assert.True(await store.RecordAnswerAsync("p1", 7, "Ana", true, default));
        Assert.False(await store.RecordAnswerAsync("p1", 7, "Ana", true, default));
        Assert.True(await store.RecordAnswerAsync("p2", 7, "Ana", true, default));
        await store.MarkChatGoneAsync(-1, now, default);

        await store.MigrateChatAsync(-1, -2, default);

        Assert.Null(await store.GetSubscriptionAsync(-1, default));
        Assert.Equal(new TimeOnly(9, 0), (await store.GetSubscriptionAsync(-2, default))!.Time);
        Assert.Equal(-2, (await store.GetPollAsync("p1", default))!.ChatId);
        Assert.Equal(["q1", "q2"], (await store.GetAskedQuestionsAsync(-2, default)).Order().ToArray());
        Assert.Empty(await store.GetLeaderboardAsync(-1, 10, default));
        Assert.Equal(2, Assert.Single(await store.GetLeaderboardAsync(-2, 10, default)).Score);
        Assert.False(await store.IsChatGoneAsync(-2, default));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, true);
        }
    }
}

using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Storage.Sqlite;
using AnatomyBot.Testing.Storage;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>
/// A database written by the previous release (schema version 3, Telegram only, integer chat ids) is upgraded in place
/// at the first start of this build, and every score, answer, poll, subscription, offset and inbox row is still there.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChatKey Group = new("telegram", "-1001");

    private readonly SqliteTestDatabase _db = new();

    [Fact]
    public async Task The_released_schema_is_upgraded_in_place_and_keeps_every_score_answer_and_setting()
    {
        await ReleasedSqliteDatabase.WriteAsync(_db.Path, chatId: -1001, updateOffset: 1234, at: T0);

        var ports = _db.Open();
        await ports.Schema.MigrateAsync(default);

        Assert.Equal(SqliteMigrations.LatestVersion, await SchemaVersionAsync());
        Assert.Equal(1234, await ports.Inbox.GetOffsetAsync("telegram", default));
        Assert.True(await ports.Inbox.IsHandledAsync("telegram", 99, default));
        Assert.Equal([new InboxUpdate(100, "{\"update_id\":100}")], await ports.Inbox.GetPendingAsync("telegram", 10, default));
        Assert.True(await ports.Chats.IsChatGoneAsync(new ChatKey("telegram", "-1005"), default));
        Assert.Equal(
            new DailyQuizSubscription(Group, new TimeOnly(9, 0), "Europe/Berlin", T0, T0.AddHours(1), new DateOnly(2026, 3, 2)),
            await ports.Daily.GetSubscriptionAsync(Group, default));
        Assert.Equal(["q1", "q2"], (await ports.Quiz.GetAskedQuestionsAsync(Group, default)).Order());

        var poll = await ports.Quiz.FindPostByExternalIdAsync("telegram", "poll-1", default);
        Assert.Equal(new QuizPost("poll-1", Group, "q1", 2, T0, "poll-1", Pending: false), poll);
        Assert.Equal(
            [("Ana", 5, 5), ("Ben", 0, 1)],
            (await ports.Quiz.GetLeaderboardAsync(Group, 10, default)).Select(e => (e.DisplayName, e.Correct, e.Answered)));

        // Ana's old answer still counts as hers: a repeat is not counted again.
        var ana = new UserKey("telegram", "7");
        var again = await ports.Quiz.RecordAnswerAsync(new QuizAnswerRecord("poll-1", ana, "Ana", 2, T0), default);
        Assert.Equal(new AnswerOutcome(false, -1, true), again);
        Assert.Equal(5, (await ports.Quiz.GetScoreAsync(Group, ana, default))!.Correct);

        // The poll reserved but not completed before the upgrade can still be bound by its first answer.
        var bound = await ports.Quiz.BindPendingPostAsync("poll-2", ana, T0.AddHours(-1), default);
        Assert.Equal(("post-x", "q2", 1), (bound!.PostId, bound.QuestionId, bound.CorrectIndex));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing_and_a_new_database_gets_the_latest_schema()
    {
        var ports = _db.Open();
        await ports.Schema.MigrateAsync(default);
        await ports.Inbox.SetOffsetAsync("telegram", 5, default);
        SqliteConnection.ClearAllPools();

        var reopened = _db.Open();
        await reopened.Schema.MigrateAsync(default);

        Assert.Equal(SqliteMigrations.LatestVersion, await SchemaVersionAsync());
        Assert.Equal(5, await reopened.Inbox.GetOffsetAsync("telegram", default));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_and_left_alone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        await using (var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StorageUnusableException>(() => _db.Open().Schema.MigrateAsync(default));

        Assert.Contains("schema version 99", error.Message);
        Assert.Contains("Storage:Path", error.Message);
        Assert.Equal(99, await SchemaVersionAsync());
    }

    private async Task<int> SchemaVersionAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM schema_version;";
        return int.Parse((string)(await command.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _db.Drop();
}

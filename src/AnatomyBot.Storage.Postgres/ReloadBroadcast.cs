using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Threading.Channels;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// A moderator's reload on one replica reloads every replica: the replica that reloaded sends
/// <c>NOTIFY anatomybot_reload</c> with its replica id, and every replica LISTENs on one dedicated connection and reloads
/// its own knowledge folder when another replica's notice arrives. The connection is re-opened with back-off when it
/// drops; after such a gap the replica reloads once, since a notice sent meanwhile is lost.
/// </summary>
internal sealed class ReloadBroadcast(
    NpgsqlDataSource dataSource,
    IKnowledgeReloader reloader,
    ReplicaIdentity replica,
    TimeProvider timeProvider,
    ILogger<ReloadBroadcast> logger) : BackgroundService
{
    internal const string Channel = "anatomybot_reload";

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this replica listens (tests and the start-up log wait for it).</summary>
    public Task Listening => _listening.Task;

    /// <summary>Tells the other replicas to reload.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@c, @p);", connection);
        command.Parameters.AddWithValue("c", Channel);
        command.Parameters.AddWithValue("p", replica.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requests = System.Threading.Channels.Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        // Reloads run apart from the listening loop, and several notices while one reload runs make one more reload.
        var worker = Task.Run(async () =>
        {
            await foreach (var from in requests.Reader.ReadAllAsync(stoppingToken))
            {
                await ReloadAsync(from, stoppingToken);
            }
        }, CancellationToken.None);

        try
        {
            await ListenWhileRunningAsync(requests.Writer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            requests.Writer.TryComplete();
            try
            {
                await worker;
            }
            catch (OperationCanceledException)
            {
                // Shutdown.
            }
        }
    }

    /// <summary>Listens until the host stops, re-opening a dropped connection with back-off.</summary>
    private async Task ListenWhileRunningAsync(ChannelWriter<string> requests, CancellationToken stoppingToken)
    {
        var failures = 0;
        var everListened = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenListeningConnectionAsync(requests, stoppingToken);
                AnnounceListening(requests, reconnected: everListened);
                everListened = true;
                failures = 0;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                var delay = Core.Resilience.Backoff.Exponential(failures++, TimeSpan.FromSeconds(30), Random.Shared.NextDouble());
                logger.ListenConnectionLost(ex.Message, delay);
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
        }
    }

    /// <summary>A connection that LISTENs on <see cref="Channel"/> and queues a reload for each other replica's notice.</summary>
    private async Task<NpgsqlConnection> OpenListeningConnectionAsync(ChannelWriter<string> requests, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            connection.Notification += (_, e) =>
            {
                if (e.Channel == Channel && e.Payload != replica.Id)
                {
                    requests.TryWrite(e.Payload);
                }
            };
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel};", connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Logs that this replica listens; after a gap it reloads once, since a notice sent meanwhile is lost.</summary>
    private void AnnounceListening(ChannelWriter<string> requests, bool reconnected)
    {
        if (reconnected)
        {
            logger.ListeningAgain();
            requests.TryWrite("(missed while disconnected)");
        }
        else
        {
            logger.Listening(replica.Id);
        }

        _listening.TrySetResult();
    }

    private async Task ReloadAsync(string from, CancellationToken cancellationToken)
    {
        try
        {
            var result = await reloader.ReloadAsync(cancellationToken);
            if (result.Succeeded)
            {
                logger.ReloadedForReplica(from, result.Report!.Version);
            }
            else
            {
                logger.ReloadForReplicaRefused(from, result.Errors.Length, result.Errors.FirstOrDefault());
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ReloadForReplicaFailed(from, ex.Message);
        }
    }
}

/// <summary>
/// <see cref="IKnowledgeReloader"/> of a replica: reloads here, then, when that succeeded, tells the other replicas to
/// reload too. Used for moderators' /reload; the folder watcher reloads each replica on its own.
/// </summary>
internal sealed class BroadcastingKnowledgeReloader(IKnowledgeReloader local, Func<ReloadBroadcast> broadcast, ILogger<BroadcastingKnowledgeReloader> logger)
    : IKnowledgeReloader
{
    public async Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken)
    {
        var result = await local.ReloadAsync(cancellationToken);
        if (result.Succeeded)
        {
            try
            {
                await broadcast().PublishAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.BroadcastFailed(ex.Message);
            }
        }

        return result;
    }
}

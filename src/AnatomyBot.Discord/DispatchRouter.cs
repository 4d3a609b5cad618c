using System.Collections.Concurrent;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord;

/// <summary>
/// Hands each gateway event to its handler on its own task, once per event id (a resumed session replays events):
/// READY to the <see cref="CommandRegistrar"/>, interactions and (when enabled) mentions and DMs to theirs. An event of
/// the wrong shape is skipped and the session goes on.
/// </summary>
internal sealed class DispatchRouter(
    InteractionHandler interactions,
    MentionHandler mentions,
    CommandRegistrar commands,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DispatchRouter> logger)
{
    private static readonly TimeSpan DedupeWindow = TimeSpan.FromMinutes(15);
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private readonly RecentIds _interactionIds = new(time, DedupeWindow);
    private readonly RecentIds _messageIds = new(time, DedupeWindow);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    public Task Route(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        switch (dispatch.Type)
        {
            case GatewayEvents.Ready when DiscordJson.TryRead(dispatch.Data, Json.Ready, out var ready):
                if (commands.OnReady(ready, cancellationToken) is { } registration)
                {
                    Track(registration);
                }

                break;
            case GatewayEvents.InteractionCreate when DiscordJson.TryRead(dispatch.Data, Json.Interaction, out var interaction):
                if (_interactionIds.TryAdd(interaction.Id))
                {
                    Track(Task.Run(() => HandleSafelyAsync("interaction", interactions.HandleAsync, interaction, cancellationToken), CancellationToken.None));
                }

                break;
            case GatewayEvents.MessageCreate when options.Value.AnswerMentions && DiscordJson.TryRead(dispatch.Data, Json.Message, out var message):
                if (mentions.ShouldAnswer(message) && _messageIds.TryAdd(message.Id))
                {
                    Track(Task.Run(() => HandleSafelyAsync("mention", mentions.HandleAsync, message, cancellationToken), CancellationToken.None));
                }

                break;
            case GatewayEvents.Ready or GatewayEvents.InteractionCreate:
            case GatewayEvents.MessageCreate when options.Value.AnswerMentions:
                logger.MalformedEventSkipped(dispatch.Type);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits (at most <paramref name="bound"/>) for the handlers still running at shutdown.</summary>
    public Task DrainAsync(TimeSpan bound) =>
        Task.WhenAll(_inFlight.Keys).WaitAsync(bound, time, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);

    private async Task HandleSafelyAsync<T>(string kind, Func<T, CancellationToken, Task> handler, T payload, CancellationToken cancellationToken)
    {
        try
        {
            await handler(payload, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.HandlingFailed(ex, kind);
        }
    }

    private void Track(Task task)
    {
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

using System.Text.Json;
using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Gateway;

internal sealed partial class GatewayClient
{
    /// <summary>
    /// One gateway connection: waits for HELLO, heartbeats (with zombie detection), identifies or resumes, and
    /// answers each payload until the connection ends.
    /// </summary>
    private sealed class Connection(GatewayClient client, bool resume, CancellationToken stopping) : IDisposable
    {
        private static readonly Task<ConnectionEnd?> GoOn = Task.FromResult<ConnectionEnd?>(null);

        private readonly CancellationTokenSource _connection = new();
        private ITimer? _helloTimer;
        private Task? _heartbeat;
        private Task? _identify;
        private bool _established;
        private volatile bool _zombie;
        private volatile bool _helloMissing;
        private volatile bool _ackReceived = true;

                private ILogger Log => client.Logger;

        /// <summary>Answers payloads until the connection ends; returns how it ended.</summary>
        public async Task<ConnectionEnd> RunAsync()
        {
            // On shutdown the close frame goes out before the receive is cancelled: cancelling a pending WebSocket
            // receive aborts the socket, and Discord would only see a dropped connection.
            Task? shutdownClose = null;
            var shutdown = stopping.Register(() => shutdownClose = CloseForShutdownAsync());

            // A server that accepts the socket but never says HELLO would otherwise hold the client forever.
            _helloTimer = client.Time.CreateTimer(_ => OnHelloMissing(), null, HelloTimeout, Timeout.InfiniteTimeSpan);
            try
            {
                while (true)
                {
                    if (await ReceiveAndAnswerAsync() is { } end)
                    {
                        return end;
                    }
                }
            }
            finally
            {
                await shutdown.DisposeAsync();
                if (shutdownClose is not null)
                {
                    await shutdownClose;
                }

                await _helloTimer.DisposeAsync();
                await _connection.CancelAsync();
                await WhenDoneAsync(_heartbeat);
                await WhenDoneAsync(_identify);
            }
        }

        /// <summary>Reads one payload and answers it: null while the connection goes on, else how it ended.</summary>
        private async Task<ConnectionEnd?> ReceiveAndAnswerAsync()
        {
            GatewayFrame frame;
            try
            {
                frame = await client.Transport.ReceiveAsync(_connection.Token);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested && (_zombie || _helloMissing))
            {
                return await EndedByTimerAsync();
            }

            if (_zombie)
            {
                // The heartbeat loop already closed this connection; whatever still arrived is moot.
                return ConnectionEnd.Lost(_established);
            }

            if (frame.IsClose)
            {
                Log.GatewayClosed(frame.CloseCode is { } code ? (int)code : "no close code", CloseCodes.Classify(frame.CloseCode));
                return ConnectionEnd.Closed(frame.CloseCode, _established);
            }

            if (!DiscordJson.TryRead(frame.Text, Json.GatewayPayload, out var payload))
            {
                // One bad frame is not worth a reconnect: skip it and keep the session.
                Log.MalformedFrameSkipped(frame.Text?.Length ?? 0);
                return null;
            }

            client.Session.Advance(payload.S);
            return await AnswerAsync(payload);
        }

        private Task<ConnectionEnd?> AnswerAsync(GatewayPayload payload) => payload.Op switch
        {
            GatewayOpcode.Hello => OnHelloAsync(payload.D),
            GatewayOpcode.HeartbeatAck => OnHeartbeatAck(),
            GatewayOpcode.Heartbeat => OnHeartbeatRequestAsync(),
            GatewayOpcode.Reconnect => OnReconnectAsync(),
            GatewayOpcode.InvalidSession => OnInvalidSessionAsync(resumable: payload.D.ValueKind == JsonValueKind.True),
            GatewayOpcode.Dispatch when payload.T is not null => OnDispatchAsync(payload.T, payload.S, payload.D),
            _ => GoOn,
        };

        /// <summary>HELLO: start heartbeating, then resume the session or identify a new one.</summary>
        private async Task<ConnectionEnd?> OnHelloAsync(JsonElement data)
        {
            if (!DiscordJson.TryRead(data, Json.Hello, out var hello) || !hello.IsUsable)
            {
                // Without a usable interval there is no session; the HELLO timeout reconnects.
                Log.HelloWithoutInterval();
                return null;
            }

            await _helloTimer!.DisposeAsync();
            _ackReceived = true;
            _heartbeat = HeartbeatLoopAsync(TimeSpan.FromMilliseconds(hello.HeartbeatInterval));
            if (resume)
            {
                await client.SendResumeAsync(_connection.Token);
            }
            else
            {
                // Identifying may wait for this shard's turn; the receive loop keeps reading heartbeat ACKs meanwhile.
                _identify = client.SendIdentifyAsync(_connection.Token);
            }

            return null;
        }

        private Task<ConnectionEnd?> OnHeartbeatAck()
        {
            _ackReceived = true;
            return GoOn;
        }

        private async Task<ConnectionEnd?> OnHeartbeatRequestAsync()
        {
            await client.SendHeartbeatAsync(_connection.Token);
            return null;
        }

        private async Task<ConnectionEnd?> OnReconnectAsync()
        {
            Log.ReconnectRequested();
            await client.CloseQuietlyAsync("reconnect requested");
            return ConnectionEnd.Lost(established: true);
        }

        private async Task<ConnectionEnd?> OnInvalidSessionAsync(bool resumable)
        {
            Log.SessionInvalidated(resumable);
            await client.CloseQuietlyAsync("invalid session");
            if (resumable)
            {
                return ConnectionEnd.Lost(_established);
            }

            client.Session.Forget();
            return ConnectionEnd.SessionInvalidated(_established);
        }

        /// <summary>Notes READY and RESUMED, then hands the event on.</summary>
        private async Task<ConnectionEnd?> OnDispatchAsync(string type, long? sequence, JsonElement data)
        {
            if (type == GatewayEvents.Ready)
            {
                if (!DiscordJson.TryRead(data, Json.Ready, out var ready))
                {
                    Log.ReadyWithoutSession();
                    return null;
                }

                client.Session.Remember(ready);
                _established = true;
                client.OnStatus(GatewayStatus.Ready, "gateway ready");
                Log.GatewayReady(client.Settings.ShardId, client.Settings.ShardCount);
            }
            else if (type == GatewayEvents.Resumed)
            {
                _established = true;
                client.OnStatus(GatewayStatus.Resumed, "gateway session resumed");
                Log.SessionResumed();
            }

            await client.OnDispatch(new GatewayDispatch(type, sequence, data), stopping);
            return null;
        }

        private async Task<ConnectionEnd> EndedByTimerAsync()
        {
            if (_helloMissing)
            {
                Log.NoHello(HelloTimeout.TotalSeconds);
                await client.CloseQuietlyAsync("no hello");
            }

            return ConnectionEnd.Lost(_established);
        }

        private void OnHelloMissing()
        {
            _helloMissing = true;
            _connection.Cancel();
        }

        private async Task HeartbeatLoopAsync(TimeSpan interval)
        {
            var token = _connection.Token;
            try
            {
                // Jitter spreads the first heartbeat of many clients reconnecting at once.
                await Task.Delay(interval * client.NextJitter(), client.Time, token);
                while (true)
                {
                    if (!_ackReceived)
                    {
                        await CloseAsZombieAsync();
                        return;
                    }

                    _ackReceived = false;
                    await client.SendHeartbeatAsync(token);
                    await Task.Delay(interval, client.Time, token);
                }
            }
            catch (OperationCanceledException)
            {
                // The connection ended.
            }
            catch (Exception ex)
            {
                Log.HeartbeatFailed(ex.GetType().Name);
            }
        }

        /// <summary>No ACK since the last heartbeat: close (resumably), then stop the receive, then reconnect.</summary>
        private async Task CloseAsZombieAsync()
        {
            // Close first, then cancel: cancelling a pending WebSocket receive aborts the socket before the close frame.
            _zombie = true;
            Log.NoHeartbeatAck();
            await client.CloseQuietlyAsync("zombie connection");
            await _connection.CancelAsync();
        }

        private async Task CloseForShutdownAsync()
        {
            await client.CloseQuietlyAsync("shutting down");
            await _connection.CancelAsync();
        }

        private async Task WhenDoneAsync(Task? task)
        {
            if (task is null)
            {
                return;
            }

            try
            {
                await task;
            }
            catch (OperationCanceledException)
            {
                // Cancelled with the connection.
            }
            catch (Exception ex)
            {
                // The connection is ending anyway (a failed send means a broken socket); the next one starts afresh.
                if (Log.IsEnabled(LogLevel.Debug))
                {
                    Log.GatewaySendEnded(ex.GetType().Name);
                }
            }
        }

        public void Dispose() => _connection.Dispose();
    }
}

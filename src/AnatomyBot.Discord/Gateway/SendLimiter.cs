namespace AnatomyBot.Discord.Gateway;

/// <summary>
/// Keeps gateway sends within Discord's 120 per 60 s per connection (a sliding window on the injected clock).
/// </summary>
internal sealed class SendLimiter(TimeProvider time, int limit = 120, TimeSpan? window = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly object _gate = new();

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= _window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.Peek() + _window - now;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _sent.Clear();
        }
    }
}

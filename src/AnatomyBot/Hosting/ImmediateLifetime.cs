using Microsoft.Extensions.Hosting;

namespace AnatomyBot.Hosting;

/// <summary>
/// Lifetime for the console chat: the chat loop decides when the host stops (EOF, /quit), so the host must not
/// claim Ctrl+C or SIGTERM for itself; the process default (terminate) is what a chat user expects.
/// </summary>
internal sealed class ImmediateLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Telegram.Bot.Types;

namespace AnatomyBot.Telegram.Updates;

/// <summary>Who the bot is (from getMe): needed to recognise /cmd@ThisBot, @mentions and replies to the bot.</summary>
internal sealed class BotIdentity
{
    private readonly TaskCompletionSource _known = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private User? _me;

    /// <summary>Completes once getMe succeeded (webhook updates can arrive before that).</summary>
    public Task WhenKnown => _known.Task;

    public User Me => _me ?? throw new InvalidOperationException("getMe has not succeeded yet.");

    public void Set(User me)
    {
        _me = me;
        _known.TrySetResult();
    }
}

using System.Collections.Concurrent;
using AnatomyBot.Core.Quiz;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// The quiz post each channel answers by typing (a quiz asked for in a mention or DM), so that a typed "B" or "2" is
/// graded against that stored post. Only this pointer lives in memory: the post, its answers and the scores are in the
/// store, and the post's buttons keep grading after a restart; a typed letter after a restart is read as a question.
/// </summary>
internal sealed class TypedQuizzes
{
    private readonly ConcurrentDictionary<string, QuizPost> _open = new(StringComparer.Ordinal);

    /// <summary>Opens the post for typed answers in its channel (before it is sent, so an answer typed at once is graded).</summary>
    public void Open(string channelId, QuizPost post) => _open[channelId] = post;

    /// <summary>The post a typed answer in this channel would answer, if one is open.</summary>
    public QuizPost? Find(string channelId) => _open.GetValueOrDefault(channelId);

    /// <summary>Something other than an answer was said: the channel's typed quiz is closed (a later "B" is a question again).</summary>
    public void Close(string channelId) => _open.TryRemove(channelId, out _);
}

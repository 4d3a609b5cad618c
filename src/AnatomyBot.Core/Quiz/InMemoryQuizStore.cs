using AnatomyBot.Core.Storage;

namespace AnatomyBot.Core.Quiz;

/// <summary>
/// <see cref="IQuizStore"/> kept in memory for one process: the console chat's quiz, which keeps nothing between runs.
/// Passes the same contract suite as the database stores.
/// </summary>
public sealed class InMemoryQuizStore : IQuizStore
{
    private static readonly TimeSpan PendingKept = TimeSpan.FromDays(7);

    private readonly Lock _gate = new();
    private readonly Dictionary<ChatKey, HashSet<string>> _rounds = [];
    private readonly Dictionary<string, QuizPost> _posts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string PostId, UserKey User), AnswerOutcome> _answers = [];
    private readonly Dictionary<(ChatKey Chat, UserKey User), ScoreEntry> _scores = [];
    private readonly Dictionary<ChatKey, string> _typed = [];

    public Task<IReadOnlySet<string>> GetAskedQuestionsAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(_rounds.TryGetValue(chat, out var asked)
                ? new HashSet<string>(asked, StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal));
        }
    }

    public Task ResetRoundAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rounds.Remove(chat);
        }

        return Task.CompletedTask;
    }

    public Task ReservePostAsync(QuizPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        lock (_gate)
        {
            _posts[post.PostId] = post with { Pending = true };
            if (!_rounds.TryGetValue(post.Chat, out var asked))
            {
                _rounds[post.Chat] = asked = new HashSet<string>(StringComparer.Ordinal);
            }

            asked.Add(post.QuestionId);
            var old = post.PostedAt - PendingKept;
            foreach (var stale in _posts.Values.Where(p => p.Pending && p.Chat.Platform == post.Chat.Platform && p.PostedAt < old
                && !_answers.Keys.Any(a => a.PostId == p.PostId)).ToList())
            {
                _posts.Remove(stale.PostId);
            }
        }

        return Task.CompletedTask;
    }

    public Task CompletePostAsync(string postId, string? externalId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_posts.TryGetValue(postId, out var post))
            {
                var handle = post.ExternalId ?? externalId;
                var taken = handle is not null && _posts.Values.Any(p => p.PostId != postId && p.Chat.Platform == post.Chat.Platform && p.ExternalId == handle);
                _posts[postId] = taken ? post : post with { ExternalId = handle, Pending = false };
            }
        }

        return Task.CompletedTask;
    }

    public Task<QuizPost?> GetPostAsync(string postId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_posts.GetValueOrDefault(postId));
        }
    }

    public Task<QuizPost?> FindPostByExternalIdAsync(string platform, string externalId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_posts.Values.FirstOrDefault(p => p.Chat.Platform == platform && p.ExternalId == externalId));
        }
    }

    public Task<QuizPost?> BindPendingPostAsync(string externalId, UserKey user, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            var chatsAnswered = _scores.Keys.Where(k => k.User == user).Select(k => k.Chat.Id).ToHashSet(StringComparer.Ordinal);
            var candidates = _posts.Values.Where(p => p.Pending && p.ExternalId is null && p.Chat.Platform == user.Platform && p.PostedAt >= notBefore
                && (p.Chat.Id == user.Id || chatsAnswered.Contains(p.Chat.Id) || chatsAnswered.Count == 0)).ToList();
            if (candidates is not [var only] || _posts.Values.Any(p => p.Chat.Platform == user.Platform && p.ExternalId == externalId))
            {
                return Task.FromResult<QuizPost?>(null);
            }

            var bound = only with { ExternalId = externalId, Pending = false };
            _posts[only.PostId] = bound;
            return Task.FromResult<QuizPost?>(bound);
        }
    }

    public Task<AnswerOutcome?> RecordAnswerAsync(QuizAnswerRecord answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            if (!_posts.TryGetValue(answer.PostId, out var post) || post.Chat.Platform != answer.User.Platform)
            {
                return Task.FromResult<AnswerOutcome?>(null);
            }

            if (_answers.TryGetValue((answer.PostId, answer.User), out var first))
            {
                return Task.FromResult<AnswerOutcome?>(first with { Counted = false });
            }

            var outcome = new AnswerOutcome(true, answer.ChosenIndex, answer.ChosenIndex == post.CorrectIndex);
            _answers[(answer.PostId, answer.User)] = outcome;
            var score = _scores.GetValueOrDefault((post.Chat, answer.User)) ?? new ScoreEntry(answer.User, answer.DisplayName, 0, 0);
            _scores[(post.Chat, answer.User)] = score with
            {
                DisplayName = answer.DisplayName,
                Correct = score.Correct + (outcome.Correct ? 1 : 0),
                Answered = score.Answered + 1,
            };
            return Task.FromResult<AnswerOutcome?>(outcome);
        }
    }

    public Task<ScoreEntry?> GetScoreAsync(ChatKey chat, UserKey user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_scores.GetValueOrDefault((chat, user)));
        }
    }

    public Task<IReadOnlyList<ScoreEntry>> GetLeaderboardAsync(ChatKey chat, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ScoreEntry> board = _scores.Where(s => s.Key.Chat == chat).Select(s => s.Value)
                .OrderByDescending(s => s.Correct).ThenBy(s => s.DisplayName, StringComparer.Ordinal).ThenBy(s => s.User.Id, StringComparer.Ordinal)
                .Take(limit).ToList();
            return Task.FromResult(board);
        }
    }

    public Task OpenTypedAnswersAsync(ChatKey chat, string postId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _typed[chat] = postId;
        }

        return Task.CompletedTask;
    }

    public Task<QuizPost?> GetTypedAnswerPostAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_typed.TryGetValue(chat, out var postId) ? _posts.GetValueOrDefault(postId) : null);
        }
    }

    public Task CloseTypedAnswersAsync(ChatKey chat, string? postId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (postId is null || _typed.GetValueOrDefault(chat) == postId)
            {
                _typed.Remove(chat);
            }
        }

        return Task.CompletedTask;
    }
}

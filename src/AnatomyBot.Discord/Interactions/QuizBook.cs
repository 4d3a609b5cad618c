using System.Collections.Concurrent;
using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;

namespace AnatomyBot.Discord.Interactions;

/// <summary>The outcome of a quiz button click.</summary>
internal sealed record QuizAnswer(bool Counted, int ChosenIndex, bool Correct, int Right, int Answered);

/// <summary>
/// In-memory quiz state: questions posted, per-channel history (no repeat until the bank is exhausted, via
/// <see cref="QuizPicker"/>), and one counted answer per user per posted question. Lost on restart: a click
/// on an older question still gets its answer (looked up in the knowledge) and starts a fresh count.
/// </summary>
internal sealed class QuizBook(IKnowledgeProvider? knowledge, Random random)
{
    private readonly ConcurrentDictionary<string, QuizQuestion> _posted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _askedByChannel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Right, int Answered)> _scores = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (QuizQuestion Question, string PostId)> _typedByChannel = new(StringComparer.Ordinal);

    /// <summary>Picks the next question for a channel; falls back to the engine's random pick without a bank.</summary>
    public QuizQuestion? Choose(string channelId, QuizQuestion? fromEngine)
    {
        var bank = knowledge?.Current.Quiz ?? ImmutableArray<QuizQuestion>.Empty;
        QuizQuestion? question = fromEngine;
        if (!bank.IsDefaultOrEmpty)
        {
            var asked = _askedByChannel.GetOrAdd(channelId, _ => new HashSet<string>(StringComparer.Ordinal));
            lock (asked)
            {
                if (QuizPicker.RoundComplete(bank, asked))
                {
                    asked.Clear();
                }

                question = QuizPicker.Pick(bank, asked, random);
                if (question is not null)
                {
                    asked.Add(question.Id);
                }
            }
        }

        if (question is not null)
        {
            _posted[question.Id] = question;
        }

        return question;
    }

    /// <summary>
    /// Remembers the quiz question just posted in a channel as text (a mention or DM), so that a typed answer to it
    /// ("B", "2") can be graded; <paramref name="postId"/> identifies that post for counting one answer per user.
    /// </summary>
    public void SetTyped(string channelId, QuizQuestion question, string postId) => _typedByChannel[channelId] = (question, postId);

    /// <summary>The question a typed answer in this channel would answer, if one is open.</summary>
    public (QuizQuestion Question, string PostId)? Typed(string channelId) =>
        _typedByChannel.TryGetValue(channelId, out var open) ? open : null;

    /// <summary>Something other than an answer was said: the channel's typed quiz is closed (a later "B" is a question again).</summary>
    public void CloseTyped(string channelId) => _typedByChannel.TryRemove(channelId, out _);

    public QuizQuestion? Find(string questionId) =>
        _posted.TryGetValue(questionId, out var q) ? q
        : knowledge?.Current.Quiz.FirstOrDefault(x => x.Id == questionId);

    /// <summary>Counts the first click of a user on a posted question; later clicks return that first answer.</summary>
    public QuizAnswer Answer(string messageId, QuizQuestion question, string userId, int index)
    {
        var key = messageId + "|" + question.Id + "|" + userId;
        if (_answers.TryAdd(key, index))
        {
            var correct = index == question.CorrectIndex;
            var score = _scores.AddOrUpdate(userId, _ => (correct ? 1 : 0, 1), (_, s) => (s.Right + (correct ? 1 : 0), s.Answered + 1));
            return new QuizAnswer(true, index, correct, score.Right, score.Answered);
        }

        var first = _answers[key];
        var current = _scores.GetValueOrDefault(userId);
        return new QuizAnswer(false, first, first == question.CorrectIndex, current.Right, current.Answered);
    }
}

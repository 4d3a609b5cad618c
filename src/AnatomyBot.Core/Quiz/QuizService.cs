using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Core.Quiz;

/// <summary>The outcome of asking for a quiz question in a chat.</summary>
public sealed record QuizStart
{
    private QuizStart(QuizPost? post, QuizQuestion? question)
    {
        Post = post;
        Question = question;
    }

    /// <summary>The quiz bank has no questions: there is nothing to ask (a domain outcome, not an error).</summary>
    public static QuizStart EmptyBank { get; } = new(null, null);

    /// <summary>A question was picked and its post reserved; send it, then <see cref="QuizService.CompleteAsync"/>.</summary>
    public static QuizStart Ready(QuizPost post, QuizQuestion question) => new(post, question);

    public QuizPost? Post { get; }

    public QuizQuestion? Question { get; }

    [MemberNotNullWhen(true, nameof(Post), nameof(Question))]
    public bool IsReady => Post is not null;
}

/// <summary>What became of an answer.</summary>
public enum QuizGradeStatus
{
    /// <summary>The user's first answer to the post: graded and scored.</summary>
    Counted,

    /// <summary>The user had answered this post before; the first answer stands (see <see cref="QuizGrade.ChosenIndex"/>).</summary>
    AlreadyAnswered,

    /// <summary>The chosen option is not one of the post's options.</summary>
    InvalidChoice,

    /// <summary>The store does not know the post.</summary>
    UnknownPost,
}

/// <summary>A graded answer, with the user's score in the post's chat afterwards.</summary>
/// <param name="Status">Counted, already answered, or why it could not be graded.</param>
/// <param name="Post">The post answered (null when unknown).</param>
/// <param name="Question">The question from the current quiz bank (null when it was removed since the post).</param>
/// <param name="ChosenIndex">The counted choice (the first one when this answer did not count).</param>
/// <param name="Correct">Whether the counted choice is right.</param>
/// <param name="Score">The user's score in the chat after this answer.</param>
public sealed record QuizGrade(QuizGradeStatus Status, QuizPost? Post, QuizQuestion? Question, int ChosenIndex, bool Correct, ScoreEntry? Score);

/// <summary>
/// The one quiz for every front end: picks questions without repeats per chat until the bank is done, records each
/// post before it is sent, grades one answer per user and post, and keeps the scores, all through <see cref="IQuizStore"/>.
/// Time and randomness are injected.
/// </summary>
public sealed class QuizService(IKnowledgeProvider knowledge, IQuizStore store, TimeProvider timeProvider, Random random, IQuizAnswerListener? listener = null) : IDisposable
{
    /// <summary>How long after the send an answer may still bind to a post whose completion was lost.</summary>
    public static readonly TimeSpan PendingBindWindow = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _startGate = new(1, 1);
    private readonly Lock _randomGate = new();

    /// <summary>
    /// Picks the chat's next question (none repeats until the chat has seen the whole bank; then a new round starts) and
    /// reserves its post. <paramref name="shownCorrectIndex"/> maps a question to the index of its correct option as the
    /// platform will show it (when the platform drops options); by default the question's own index.
    /// </summary>
    public Task<QuizStart> StartAsync(ChatKey chat, Func<QuizQuestion, int>? shownCorrectIndex, CancellationToken cancellationToken) =>
        StartAsync(chat, [], shownCorrectIndex, cancellationToken);

    /// <summary>
    /// Like the chat's next question, but drawn from <paramref name="scope"/> (the ids of the questions a request asked
    /// about, <see cref="Conversation.Reply.QuizScope"/>): a question of the scope the chat has not seen in this round,
    /// else any of the scope. An empty scope, or one the current bank no longer holds (a reload since), means the whole
    /// bank.
    /// </summary>
    public async Task<QuizStart> StartAsync(ChatKey chat, ImmutableArray<string> scope, Func<QuizQuestion, int>? shownCorrectIndex, CancellationToken cancellationToken)
    {
        var bank = knowledge.Current.Quiz;
        if (bank.IsDefaultOrEmpty)
        {
            return QuizStart.EmptyBank;
        }

        var pool = bank;
        if (!scope.IsDefaultOrEmpty)
        {
            var scoped = bank.Where(q => scope.Contains(q.Id)).ToImmutableArray();
            pool = scoped.IsEmpty ? bank : scoped;
        }

        // One pick at a time in this process, so two quick /quiz in a chat do not draw the same question.
        await _startGate.WaitAsync(cancellationToken);
        try
        {
            var asked = await store.GetAskedQuestionsAsync(chat, cancellationToken);
            if (QuizPicker.RoundComplete(bank, asked))
            {
                await store.ResetRoundAsync(chat, cancellationToken);
                asked = new HashSet<string>(StringComparer.Ordinal);
            }

            QuizQuestion question;
            lock (_randomGate)
            {
                question = QuizPicker.Pick(pool, asked, random)!;
            }

            var post = new QuizPost(
                NewPostId(),
                chat,
                question.Id,
                shownCorrectIndex?.Invoke(question) ?? question.CorrectIndex,
                timeProvider.GetUtcNow());
            await store.ReservePostAsync(post, cancellationToken);
            return QuizStart.Ready(post, question);
        }
        finally
        {
            _startGate.Release();
        }
    }

    /// <summary>
    /// Reserves a post for <paramref name="question"/>, picked elsewhere (the student's /review queue), so the answer is
    /// graded, scored and fed to the listener like any quiz answer. It counts as asked in the chat's round.
    /// </summary>
    public async Task<QuizStart> StartAsync(ChatKey chat, QuizQuestion question, Func<QuizQuestion, int>? shownCorrectIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var post = new QuizPost(NewPostId(), chat, question.Id, shownCorrectIndex?.Invoke(question) ?? question.CorrectIndex, timeProvider.GetUtcNow());
        await store.ReservePostAsync(post, cancellationToken);
        return QuizStart.Ready(post, question);
    }

    /// <summary>Picks and reserves with the question's own option order.</summary>
    public Task<QuizStart> StartAsync(ChatKey chat, CancellationToken cancellationToken) => StartAsync(chat, null, cancellationToken);

    /// <summary>The post went out: records the platform's handle for it (null when answers carry the post id).</summary>
    public Task CompleteAsync(QuizPost post, string? externalId, CancellationToken cancellationToken) =>
        store.CompletePostAsync(post.PostId, externalId, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>The post with the bot's own id, or null.</summary>
    public Task<QuizPost?> GetPostAsync(string postId, CancellationToken cancellationToken) => store.GetPostAsync(postId, cancellationToken);

    /// <summary>
    /// The post an answer with the platform handle <paramref name="externalId"/> belongs to. When the handle is unknown
    /// (the process died between the send and its completion), binds it to the one pending post that fits the user, if
    /// exactly one was reserved within <see cref="PendingBindWindow"/>.
    /// </summary>
    public async Task<QuizPost?> FindPostAsync(string externalId, UserKey answeringUser, CancellationToken cancellationToken) =>
        await store.FindPostByExternalIdAsync(answeringUser.Platform, externalId, cancellationToken)
        ?? await store.BindPendingPostAsync(externalId, answeringUser, timeProvider.GetUtcNow() - PendingBindWindow, cancellationToken);

    /// <summary>
    /// The post <paramref name="postId"/>, or, for a post the store never saw (a platform message from before posts were
    /// stored, whose buttons name the question), a completed post of <paramref name="questionId"/> recorded under
    /// <paramref name="postId"/> now, so its answers count once from here on. Null when the question left the bank.
    /// </summary>
    public async Task<QuizPost?> GetOrAdoptPostAsync(string postId, ChatKey chat, string questionId, CancellationToken cancellationToken)
    {
        if (await store.GetPostAsync(postId, cancellationToken) is { } known)
        {
            return known;
        }

        if (Question(questionId) is not { } question)
        {
            return null;
        }

        var post = new QuizPost(postId, chat, question.Id, question.CorrectIndex, timeProvider.GetUtcNow());
        await store.ReservePostAsync(post, cancellationToken);
        await store.CompletePostAsync(postId, null, post.PostedAt, cancellationToken);
        return post with { Pending = false };
    }

    /// <summary>
    /// Grades <paramref name="user"/>'s answer <paramref name="chosenIndex"/> (as the platform shows the options) to
    /// <paramref name="post"/>: the first answer of a user to a post counts, later ones get the first one back.
    /// </summary>
    public async Task<QuizGrade> AnswerAsync(QuizPost post, UserKey user, string displayName, int chosenIndex, CancellationToken cancellationToken)
    {
        var question = Question(post.QuestionId);
        if (chosenIndex < 0 || (question is not null && chosenIndex >= question.Options.Length))
        {
            return new QuizGrade(QuizGradeStatus.InvalidChoice, post, question, chosenIndex, false, null);
        }

        var outcome = await store.RecordAnswerAsync(
            new QuizAnswerRecord(post.PostId, user, displayName, chosenIndex, timeProvider.GetUtcNow()), cancellationToken);
        if (outcome is null)
        {
            return new QuizGrade(QuizGradeStatus.UnknownPost, post, question, chosenIndex, false, null);
        }

        if (outcome.Counted && question is not null && listener is not null)
        {
            // Every counted answer, on any platform and in any chat, feeds the student's review schedule.
            await listener.AnswerCountedAsync(user, question, outcome.Correct, cancellationToken);
        }

        var score = await store.GetScoreAsync(post.Chat, user, cancellationToken);
        return new QuizGrade(
            outcome.Counted ? QuizGradeStatus.Counted : QuizGradeStatus.AlreadyAnswered,
            post,
            question,
            outcome.ChosenIndex,
            outcome.Correct,
            score);
    }

    /// <summary>
    /// Opens <paramref name="post"/> for typed answers in its chat, replacing the one open there: a reply such as "B" is
    /// then graded against it (also after a restart). Called before the send, so an answer typed the moment it shows counts.
    /// </summary>
    public Task OpenTypedAnswersAsync(QuizPost post, CancellationToken cancellationToken) =>
        store.OpenTypedAnswersAsync(post.Chat, post.PostId, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>The post a typed answer in <paramref name="chat"/> goes to, or null.</summary>
    public Task<QuizPost?> TypedAnswerPostAsync(ChatKey chat, CancellationToken cancellationToken) =>
        store.GetTypedAnswerPostAsync(chat, cancellationToken);

    /// <summary>
    /// Closes typed answers in <paramref name="chat"/> while <paramref name="postId"/> is the open post (something else was
    /// said, or its send failed), so a later "B" is a question again; a post opened since stays open.
    /// </summary>
    public Task CloseTypedAnswersAsync(ChatKey chat, string postId, CancellationToken cancellationToken) =>
        store.CloseTypedAnswersAsync(chat, postId, cancellationToken);

    /// <summary>The chat's best scores, most right answers first.</summary>
    public Task<IReadOnlyList<ScoreEntry>> LeaderboardAsync(ChatKey chat, int limit, CancellationToken cancellationToken) =>
        store.GetLeaderboardAsync(chat, limit, cancellationToken);

    /// <summary>A question of the current bank by id, or null.</summary>
    public QuizQuestion? Question(string questionId)
    {
        foreach (var question in knowledge.Current.Quiz)
        {
            if (question.Id == questionId)
            {
                return question;
            }
        }

        return null;
    }

    public void Dispose() => _startGate.Dispose();

    private static string NewPostId() => Guid.NewGuid().ToString("N");
}

using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Study;

/// <summary>One quiz answer a student gave, on any platform.</summary>
public sealed record StudyAnswer(string QuestionId, string Area, bool Correct, DateTimeOffset At);

/// <summary>Answers and correct answers in one area of the quiz bank (anatomy, function, clinical).</summary>
public sealed record AreaAccuracy(string Area, int Answered, int Correct)
{
    /// <summary>Share of correct answers, 0 to 1; 0 when nothing was answered.</summary>
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>
/// Where to reread the facts behind a question: the card or topic the engine answers it from (<paramref name="Title"/>),
/// the ids of those facts, and what to ask the bot to see them again (<paramref name="Ask"/>, null when only the sources
/// can be named).
/// </summary>
public sealed record RereadPointer(string Title, ImmutableArray<string> FactIds, string? Ask = null);

/// <summary>A topic the student misses most, with where to reread it.</summary>
public sealed record WeakTopic(RereadPointer Reread, int Answered, int Missed);

/// <summary>A student's progress at a glance, for /progress (text and chart).</summary>
public sealed record ProgressReport(
    int Answered,
    int Correct,
    ImmutableArray<AreaAccuracy> Areas,
    int StreakDays,
    int ReviewsDueToday,
    ImmutableArray<WeakTopic> Weakest,
    DateOnly Today)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>Builds the /progress report from a student's answers and review cards.</summary>
public static class ProgressBuilder
{
    /// <summary>The most topics listed as weakest.</summary>
    public const int MaxWeakTopics = 3;

    /// <summary>
    /// The report on <paramref name="now"/> in the student's <paramref name="zone"/>. Areas are listed in the bank's
    /// order (every area of the bank, answered or not, then areas of questions since removed). The streak counts
    /// consecutive local days with an answer, ending today, or yesterday when nothing was answered yet today (a
    /// streak is not broken before the day is over).
    /// </summary>
    public static ProgressReport Build(
        IReadOnlyCollection<StudyAnswer> answers,
        IReadOnlyCollection<ReviewCard> cards,
        ImmutableArray<QuizQuestion> bank,
        Func<QuizQuestion, RereadPointer> reread,
        TimeZoneInfo zone,
        DateTimeOffset now)
    {
        var today = StudyCalendar.LocalDay(now, zone);
        var bankAreas = bank.IsDefaultOrEmpty ? [] : bank.Select(q => q.Area).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var areas = bankAreas
            .Concat(answers.Select(a => a.Area).Where(a => a.Length > 0 && !bankAreas.Contains(a, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
            .Select(area =>
            {
                var inArea = answers.Where(a => a.Area == area).ToList();
                return new AreaAccuracy(area, inArea.Count, inArea.Count(a => a.Correct));
            })
            .ToImmutableArray();

        var due = ReviewQueue.Build(cards, bank, today).Length;
        return new ProgressReport(answers.Count, answers.Count(a => a.Correct), areas, Streak(answers, zone, today), due,
            Weakest(answers, bank, reread), today);
    }

    private static int Streak(IEnumerable<StudyAnswer> answers, TimeZoneInfo zone, DateOnly today)
    {
        var days = answers.Select(a => StudyCalendar.LocalDay(a.At, zone)).ToHashSet();
        var day = days.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }

    private static ImmutableArray<WeakTopic> Weakest(IEnumerable<StudyAnswer> answers, ImmutableArray<QuizQuestion> bank, Func<QuizQuestion, RereadPointer> reread)
    {
        if (bank.IsDefaultOrEmpty)
        {
            return [];
        }

        var byId = bank.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return
        [
            .. answers
                .Where(a => byId.ContainsKey(a.QuestionId))
                .Select(a => (Answer: a, Reread: reread(byId[a.QuestionId])))
                .GroupBy(x => x.Reread.Title, StringComparer.Ordinal)
                .Select(g => new WeakTopic(g.First().Reread, g.Count(), g.Count(x => !x.Answer.Correct)))
                .Where(t => t.Missed > 0)
                .OrderByDescending(t => (double)t.Missed / t.Answered)
                .ThenByDescending(t => t.Missed)
                .ThenBy(t => t.Reread.Title, StringComparer.Ordinal)
                .Take(MaxWeakTopics),
        ];
    }
}

/// <summary>
/// Finds where to reread each quiz question's facts by asking the engine the question with its right answer (the
/// card or topic it answers from). When the engine is not sure, the pointer is the question's own sources.
/// </summary>
public sealed class RereadFinder(IAnswerEngine engine, KnowledgeSnapshot snapshot)
{
    private readonly Dictionary<string, RereadPointer> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public KnowledgeSnapshot Snapshot => snapshot;

    public RereadPointer Find(QuizQuestion question)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(question.Id, out var cached))
            {
                return cached;
            }
        }

        var reply = Ask($"{question.Question} {question.CorrectOption}", question.Id);
        RereadPointer pointer;
        if (reply.Intent is Intent.Muscle or Intent.MuscleAttribute or Intent.Topic && !reply.Facts.IsDefaultOrEmpty)
        {
            var title = StripVerdict(reply.Title);
            // Asking the title again must reach the same facts; otherwise the question itself is what to ask.
            var ask = title.Replace(":", "", StringComparison.Ordinal).Replace(" - ", " ", StringComparison.Ordinal);
            var again = Ask(ask, question.Id + ":check");
            pointer = new RereadPointer(title, reply.Facts, again.Facts.Intersect(reply.Facts).Any() ? ask : question.Question);
        }
        else
        {
            pointer = new RereadPointer(
                "Sources: " + string.Join(", ", question.Sources.Select(id => snapshot.SourcesById.TryGetValue(id, out var s) ? s.Title : id)),
                []);
        }

        lock (_gate)
        {
            _cache[question.Id] = pointer;
        }

        return pointer;
    }

    private Reply Ask(string text, string chat) =>
        engine.Answer(new IncomingMessage(text, "console", "study", "reread:" + chat, FollowsUp: false));

    /// <summary>A yes/no answer's title starts with its verdict ("Yes. Psoas minor: relations"); the topic is the rest.</summary>
    private static string StripVerdict(string title)
    {
        foreach (var verdict in new[] { "Yes. ", "No. ", "The sources differ. " })
        {
            if (title.StartsWith(verdict, StringComparison.Ordinal))
            {
                return title[verdict.Length..];
            }
        }

        return title;
    }
}

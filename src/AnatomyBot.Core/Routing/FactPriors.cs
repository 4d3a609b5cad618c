using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// The bonus (or penalty) a fact earns from what the question already settled before its words are compared: the
/// topics the analysis scored, the muscles and attributes asked of, the last subject of the conversation, a number asked for.
/// </summary>
internal sealed class FactPriors
{
    private readonly KnowledgeIndex _index;
    private readonly IReadOnlyList<int> _muscles;
    private readonly IReadOnlyList<MuscleAttribute> _attributes;
    private readonly ConversationContext? _context;
    private readonly Dictionary<int, double> _topicScores;
    private readonly int _contextTopic;
    private readonly int _contextMuscle;
    private readonly bool _asksNumber;
    private readonly AskedNumber _number;
    private readonly HashSet<int> _parts;

    public FactPriors(KnowledgeIndex index, TokenizedText text, Analysis analysis, IReadOnlyList<int> muscles,
        IReadOnlyList<MuscleAttribute> attributes, ConversationContext? context)
    {
        _index = index;
        _muscles = muscles;
        _attributes = attributes;
        _context = context;
        _topicScores = analysis.TopicScores.ToDictionary(t => t.Topic, t => t.Score);
        _contextTopic = context?.TopicId is { } tid ? Array.FindIndex(index.Topics, t => t.Id == tid) : -1;
        _contextMuscle = context?.MuscleId is { } mid ? Array.FindIndex(index.Muscles, m => m.Id == mid) : -1;
        _asksNumber = FactAnswerer.AsksNumber(text);
        _number = _asksNumber ? AskedNumber.Of(index.Facts, text) : AskedNumber.None;
        // A question about one part ("does the psoas minor reach the lesser trochanter") is not answered by a topic
        // fact about the others ("the psoas major and iliacus insert by one tendon on the lesser trochanter").
        _parts = muscles.Where(m => !index.Muscles[m].IsGroup).ToHashSet();
    }

    /// <summary>
    /// Every passage whose prior can be above zero, in groups that may overlap: the scored and the remembered topics',
    /// the asked (else the remembered) muscles', the asked attributes', and those holding a number when one is asked
    /// for. Any other passage earns no bonus, only penalties, so a ranking need not work out the prior of every fact.
    /// </summary>
    public List<int[]> PassagesWithBonus()
    {
        var facts = _index.Facts;
        var groups = new List<int[]>();
        foreach (var topic in _topicScores.Keys)
        {
            groups.Add(facts.OfTopic(topic));
        }

        groups.Add(facts.OfTopic(_contextTopic));
        IReadOnlyList<int> muscles = _muscles.Count > 0 ? _muscles : [_contextMuscle];
        foreach (var muscle in muscles)
        {
            groups.Add(facts.OfMuscle(muscle));
        }

        foreach (var attribute in _attributes)
        {
            groups.Add(facts.OfAttribute(attribute));
        }

        if (_asksNumber)
        {
            groups.Add(facts.HoldingNumbers);
        }

        return groups;
    }

    /// <summary>The prior of one fact: topic, number, muscle and attribute bonuses summed.</summary>
    public double For(FactPassage p)
    {
        var bonus = 0.0;
        if (p.Topic >= 0)
        {
            bonus += RetrievalThresholds.TopicPrior * _topicScores.GetValueOrDefault(p.Topic);
            if (_parts.Count > 0 && _index.MusclesNamedIn(p.Ordinal) is { Length: > 0 } named && !NamesAPart(named))
            {
                bonus -= RetrievalThresholds.MuscleBonus;
            }

            if (p.Topic == _contextTopic)
            {
                bonus += RetrievalThresholds.ContextBonus;
            }
        }

        if (_asksNumber && _index.Facts.HoldsNumber(p.Ordinal))
        {
            bonus += RetrievalThresholds.NumberBonus;
            // "how many reps": the number of repetitions, not the three seconds a leg is held in the same exercise.
            // "how long do I keep each position": a length of time, not the 90 degrees of the same topic's first step.
            if (_number.Specific && _number.HeldBy(_index.Facts, p.Ordinal))
            {
                bonus += RetrievalThresholds.NumberBonus;
            }
        }

        return p.Muscle >= 0 ? WithMuscleFactBonus(p, bonus) : bonus;
    }

    /// <summary>Whether a fact that names <paramref name="named"/> names one of the parts asked about (every topic fact asks, so no LINQ).</summary>
    private bool NamesAPart(int[] named)
    {
        foreach (var muscle in named)
        {
            if (_parts.Contains(muscle))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A muscle's fact: up when its muscle (or the remembered one) and its attribute are asked of, down for another muscle.</summary>
    private double WithMuscleFactBonus(FactPassage p, double bonus)
    {
        if (_muscles.Count > 0)
        {
            bonus += _muscles.Contains(p.Muscle) ? RetrievalThresholds.MuscleBonus : -RetrievalThresholds.MuscleBonus;
        }
        else if (p.Muscle == _contextMuscle)
        {
            bonus += RetrievalThresholds.ContextBonus / (p.Attribute == _context!.Attribute ? 1 : 2);
        }

        if (p.Attribute is { } a && _attributes.Contains(a))
        {
            bonus += RetrievalThresholds.AttributeBonus;
        }

        return bonus;
    }
}

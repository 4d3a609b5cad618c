using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "i tweaked my hip flexor at the gym, what do i do?", "my psoas hurts, how do i fix it": someone with a minor pain or
/// injury of their own asks what to do. The answer is what the sources say about looking after it and about seeing a
/// professional (rest, rehabilitation, when to see a doctor), never the definition of the body part named, and never a
/// diagnosis (the safety layer adds its no-diagnosis line and the disclaimer). A question that names what it wants
/// ("which stretch", "should i use ice") is routed as usual; a red flag never reaches here.
/// </summary>
internal static class SelfCareQuestions
{
    /// <summary>How many facts a self-care answer shows: the advice, short; the no-diagnosis line follows it.</summary>
    public const int MaxFacts = 2;

    private static readonly PhraseSet WhatToDo = new(
    [
        "what do i do", "what should i do", "what can i do", "what could i do", "what do i need to do", "what to do",
        "what now", "what helps", "what will help", "what would help", "what can help", "what do you recommend",
        "what do you suggest", "what would you recommend", "what would you suggest", "any advice", "any tips", "help me",
        "how do i fix", "how can i fix", "how should i fix", "how to fix", "how do i treat", "how can i treat",
        "how should i treat", "how to treat", "how do i heal", "how can i heal", "how to heal", "how do i recover",
        "how can i recover", "how to recover", "how do i get rid", "how to get rid", "how do i deal", "how to deal",
        "how do i make it better", "how can i make it better", "how do i help it", "how can i help it",
    ]);

    /// <summary>Words that name the care asked about: such a question is answered from that topic, not from the general advice.</summary>
    private static readonly FrozenSet<string> NamedCare = new[]
    {
        "stretch", "stretches", "stretching", "exercise", "exercises", "strengthen", "strengthening", "massage", "massaging",
        "release", "foam", "roll", "rolling", "yoga", "pilates", "ice", "icing", "heat", "heating", "rest", "resting", "reps",
        "sets", "drill", "drills", "tape", "taping", "painkiller", "painkillers", "ibuprofen", "doctor", "physio",
        "physiotherapist", "therapist", "train", "training", "run", "running", "walk", "walking", "sit", "sitting",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What the question is looked up as: looking after an injury and seeing a professional.</summary>
    private const string CareWords = "recover from injury rest see a physician physical therapist";

    /// <summary>The question as a self-care question to look up in the topics, or null when it is not one.</summary>
    public static TokenizedText? AsCareQuestion(TokenizedText text, Analysis analysis)
    {
        if (!analysis.Safety.TouchesPain || !analysis.Safety.IsPersonal || analysis.Safety.RedFlags.Count > 0
            || !(WhatToDo.AnyIn(text) || IsReport(text)))
        {
            return null;
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (NamedCare.Contains(text.WordString(i)))
            {
                return null;
            }
        }

        return new TokenizedText(text.Text + " " + CareWords) { EndsWithQuestionMark = text.EndsWithQuestionMark };
    }

    /// <summary>"what do i do", "how do i fix it": the question asks for advice, not about what was reported.</summary>
    public static bool AsksWhatToDo(TokenizedText text) => WhatToDo.AnyIn(text);

    /// <summary>
    /// "i think i tore my psoas", "pulled my hip flexor at the gym yesterday": a report with no question in it asks,
    /// in effect, what to do. A question of any kind ("my hip hurts, is it the psoas?", "why does my groin hurt")
    /// asks something of its own and is routed as usual.
    /// </summary>
    private static bool IsReport(TokenizedText text)
    {
        if (text.EndsWithQuestionMark || text.Count == 0 || FactAnswerer.IsYesNo(text))
        {
            return false;
        }

        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (FactAnswerer.IsQuestionWord(word) || Modals.Contains(word)
                || (i + 1 < text.Count && FactAnswerer.IsYesNoStart(word) && AskedOf.Contains(text.WordString(i + 1))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"..., could the iliopsoas refer there": a question without its question mark.</summary>
    private static readonly FrozenSet<string> Modals = new[] { "could", "would", "should", "might" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What a verb put first asks about ("..., is it the psoas", "does that mean"), unlike "my hip is sore".</summary>
    private static readonly FrozenSet<string> AskedOf =
        new[] { "it", "that", "this", "the", "my", "i", "you", "there", "they", "he", "she" }.ToFrozenSet(StringComparer.Ordinal);
}

using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Tests;

/// <summary>A small hand-built snapshot so engine tests do not depend on the shipped knowledge files.</summary>
internal static class TestKnowledge
{
    public const string Disclaimer = "General education only, not medical advice.";
    public const string Urgent = "Seek medical care now.";
    public const string NoDiagnosis = "I cannot diagnose; please see a professional.";

    public static Fact F(string text, params string[] sources) => new(text, [.. sources]);

    public static Fact Opinion(string text, params string[] sources) => new(text, [.. sources], IsOpinion: true);

    public static Muscle Muscle(
        string id,
        string name,
        string[] aliases,
        Dictionary<MuscleAttribute, Fact[]> attributes,
        Disagreement[]? disagreements = null,
        bool group = false,
        string[]? parts = null) =>
        new(id, name, group, [.. aliases], $"The {name.ToLowerInvariant()} is a muscle of the iliopsoas group.", ["mom"],
            attributes.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray()),
            [.. disagreements ?? []], [.. parts ?? []]);

    public static SafetyRules Safety() => new(
        Disclaimer,
        Urgent,
        NoDiagnosis,
        ["pain", "hurts", "hurt", "sore", "injury", "strained", "numbness", "numb", "pinched nerve", "tendonitis", "pulled a muscle"],
        [
            new RedFlag("numbness-spreading", "Numbness spreading down the leg",
                [["numb", "numbness"], ["spreading", "down my leg", "down the leg"]]),
            new RedFlag("bladder", "Loss of bladder control", [["bladder", "bowel"], ["loss", "lost", "cannot control"]]),
        ]);

    public static KnowledgeSnapshot Snapshot(IEnumerable<Muscle>? extraMuscles = null, IEnumerable<Topic>? extraTopics = null)
    {
        var muscles = new List<Muscle>
        {
            Muscle("psoas-major", "Psoas major", ["psoas major", "major psoas", "so-as major"],
                new()
                {
                    [MuscleAttribute.Pronunciation] = [F("Said SO-as; the p is silent.", "mom")],
                    [MuscleAttribute.Origin] = [F("Bodies of T12 to L5 and the discs between them.", "mom"), F("Sides of T12 and all lumbar vertebrae.", "release")],
                    [MuscleAttribute.Insertion] = [F("Lesser trochanter of the femur.", "mom", "release")],
                    [MuscleAttribute.Action] = [F("Flexes the hip.", "mom")],
                    [MuscleAttribute.Innervation] = [F("Lumbar plexus L1-L4.", "mom"), F("Lumbar plexus L2-L4.", "release")],
                    [MuscleAttribute.Clinical] = [F("A tight psoas may add to low back pain.", "ptclinic"), Opinion("The psoas stores emotions.", "release")],
                },
                [new Disagreement(MuscleAttribute.Innervation, "The blog says L1-L4; the book says L2-L4.")]),
            Muscle("psoas-minor", "Psoas minor", ["psoas minor", "minor psoas"],
                new()
                {
                    [MuscleAttribute.Origin] = [F("Body of L1.", "mom"), F("T12 to L2.", "release")],
                    [MuscleAttribute.Insertion] = [F("Superior pubic ramus.", "mom"), F("Pectineal line and iliopubic eminence.", "consumer")],
                    [MuscleAttribute.Action] = [F("Tilts the pelvis backward.", "mom")],
                    [MuscleAttribute.Innervation] = [F("Lumbar plexus L1.", "release")],
                    [MuscleAttribute.Variations] = [F("Absent in about 40% of people.", "mom")],
                },
                [new Disagreement(MuscleAttribute.Insertion, "Superior pubic ramus versus pectineal line.")]),
            Muscle("iliacus", "Iliacus", ["iliacus", "iliac muscle"],
                new()
                {
                    [MuscleAttribute.Origin] = [F("Iliac fossa.", "mom")],
                    [MuscleAttribute.Insertion] = [F("Lesser trochanter.", "mom")],
                    [MuscleAttribute.Action] = [F("Flexes the hip.", "mom")],
                    [MuscleAttribute.Innervation] = [F("Femoral nerve, L1-L4.", "mom"), F("Lumbar plexus L2-L3.", "release")],
                    [MuscleAttribute.BloodSupply] = [F("Iliolumbar artery.", "consumer")],
                },
                [new Disagreement(MuscleAttribute.Innervation, "Femoral L1-L4 versus L2-L3.")]),
            Muscle("iliopsoas", "Iliopsoas", ["iliopsoas", "psoas", "iliopsoas group"],
                new()
                {
                    [MuscleAttribute.Action] = [F("The main hip flexor.", "consumer")],
                },
                group: true, parts: ["psoas-major", "psoas-minor", "iliacus"]),
        };
        muscles.AddRange(extraMuscles ?? []);
        var topics = new List<Topic>
        {
            new("psoas-paradox", "The psoas paradox", ["psoas paradox", "paradox"],
                ["What is the psoas paradox?"], [F("The psoas can both flex and slightly extend the low back.", "consumer")], ["psoas-major"]),
            new("location-and-course", "Where the iliopsoas is", ["location", "located", "where is the psoas"],
                ["Where is the psoas located?", "How deep is the psoas?"], [F("It lies deep behind the intestines.", "mom")], ["iliopsoas"]),
            new("stretches", "Iliopsoas stretches", ["stretch", "stretches", "stretching"],
                ["How do I stretch the psoas?"], [F("A lunge stretch lengthens the hip flexors.", "healthsite")], []),
            new("pain-symptoms", "Symptoms of iliopsoas problems", ["symptoms", "hip pain", "groin pain"],
                ["What are the symptoms of a tight psoas?"], [F("Problems can cause hip and groin pain.", "mom")], ["iliopsoas"]),
            new("body-mind", "Body-mind claims", ["chakra", "emotions"],
                ["Does the psoas store emotions?"], [Opinion("The psoas links to the root chakra.", "mom")], []),
        };
        topics.AddRange(extraTopics ?? []);
        return new KnowledgeSnapshot(
            [
                new Source("mom", "Muscle of the Month: Iliopsoas", "blog"),
                new Source("release", "Releasing the Iliopsoas", "book"),
                new Source("ptclinic", "Psoas Muscle - Anatomy Highlight", "clinic blog"),
                new Source("healthsite", "Everything you Need to Know about Iliopsoas", "article"),
                new Source("consumer", "Iliopsoas anatomy article", "article"),
            ],
            [.. muscles],
            [.. topics],
            [
                new QuizQuestion("q-one", "Where does the psoas major insert?", ["Lesser trochanter", "Greater trochanter", "Ischial tuberosity"], 0, "On the lesser trochanter.", ["mom"]),
                new QuizQuestion("q-two", "Which nerve supplies the iliacus?", ["Sciatic nerve", "Femoral nerve"], 1, "The femoral nerve.", ["mom"]),
            ],
            Safety(),
            "test-1",
            DateTimeOffset.UnixEpoch);
    }
}

/// <summary>A provider whose snapshot a test can swap.</summary>
internal sealed class TestProvider(KnowledgeSnapshot snapshot) : IKnowledgeProvider
{
    public KnowledgeSnapshot Current { get; set; } = snapshot;
}

/// <summary>A typed line as a text front end (the console, <c>ask</c>) hands it to the engine: a catalogue command or a question.</summary>
internal static class TypedLine
{
    public static ChatRequest Parse(string text) => CommandCatalogue.Parse(text, CommandCatalogue.In(CommandPlaces.Everywhere));
}

/// <summary>
/// The engine fits no platform's limit: each renderer fits a reply to its own with <see cref="ReplyFitter"/>. Tests
/// check answers as the renderers show them, at Telegram's and the console's 4096 characters.
/// </summary>
internal static class ShortAnswer
{
    public const int MaxChars = 4096;
}

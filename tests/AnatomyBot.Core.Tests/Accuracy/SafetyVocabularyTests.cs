namespace AnatomyBot.Core.Tests.Accuracy;

/// <summary>
/// Section 6 of the November 2026 knowledge review, kept as a check: every pain and injury form it found
/// missing gets the disclaimer, every red-flag phrasing it found missing gets the urgent line, its four false
/// alarms get no urgent line, and neutral anatomy questions get neither. All through the real engine over
/// the shipped knowledge, with today's exact whole-word matching.
/// </summary>
public sealed class SafetyVocabularyTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    /// <summary>The 106 forms the review lists (misspellings, inflections, slang, injury and clinical words).</summary>
    public static readonly string[] ReviewPainForms =
    [
        // Misspellings (25)
        "hurst", "hurtz", "hurtin", "hutrs", "hert", "pian", "painn", "paine", "painfull", "panful", "injurd", "injery",
        "injurey", "injuried", "injurie", "achin", "acheing", "sorness", "tendonitus", "tendinitus", "bursits", "siatica",
        "sciatia", "spazm", "numbnes",
        // Inflections (24)
        "injures", "pained", "paining", "tearing", "ruptures", "straining", "spasmed", "cramped", "tingled", "swell",
        "swells", "swelled", "bruising", "bruises", "limps", "limped", "sorest", "throb", "throbs", "stiffer", "numbed",
        "numbing", "agonizing", "agonising",
        // Slang and descriptors (30)
        "killing me", "kills me", "tweaked", "tweak", "twinge", "twinges", "twinged", "niggle", "niggles", "niggling",
        "ouch", "owie", "stabbing", "burning", "shooting", "seized up", "locked up", "gave out", "gave way", "giving way",
        "popped", "popping", "clicks", "clicking", "snapping", "catching", "grabbing pain", "charley horse",
        "excruciating", "unbearable",
        // Injury and clinical words (27); "weakness" is listed as phrases because the bare word is in neutral text
        "fracture", "fractured", "broken", "broke", "cracked", "dislocated", "dislocation", "avulsion", "hernia",
        "haematoma", "hematoma", "bleeding", "abscess", "trapped nerve", "slipped disc", "herniated disc", "bulging disc",
        "arthritis", "leg weakness", "trouble walking", "difficulty walking", "unable to walk", "can't stand",
        "can't move", "can't lift my leg", "painkillers", "ibuprofen",
    ];

    /// <summary>The review's own sentences that got no disclaimer on the copy it tested, and forms found since.</summary>
    public static readonly TheoryData<string> ReviewPainSentences =
    [
        "my hip hurst when i walk",
        "my psoas hurst",
        "i injurd my hip flexor",
        "my hip is killing me",
        "tweaked my hip flexor at the gym",
        "i have a niggle in my hip",
        "my hip clicks when i lift my leg",
        "my hip pops when i stand up",
        "i broke my hip",
        "i think i fractured my pelvis",
        "it is painfull to lift my leg",
        "my hip has been achin for weeks",
        "ouch my hip flexor",
        // Added 2 Dec 2026 (session 33, lead's probes): a child's word for pain.
        "ouchie my psoas",
        "my hip flexor is all ouchy",
        "my leg keeps giving way",
        "i have pian in my groin",
        "my hip is injurd",
        "i had trauma to my hip playing football",
        // Found after the review (30 Nov 2026): a stab of pain.
        "i get a stab in my groin when i lift my knee",
        "it stabs when i sit up",
    ];

    /// <summary>Phrasings the review (and later reading) found without the urgent line, one or more per missing or widened red flag.</summary>
    public static readonly TheoryData<string> RedFlagSentences =
    [
        // night or rest pain
        "the pain wakes me at night",
        "my back hurts at night even when resting",
        // found after the review (30 Nov 2026): pain worst at night, or that rest does not ease
        "my lower back pain is worst at night",
        "the ache in my groin is not relieved by rest",
        "hip pain that is no better with rest",
        // progressive weakness
        "my legs are getting weaker and i have back pain",
        "i have foot drop and my hip hurts",
        // both legs
        "i have sciatica in both legs",
        "pain down both legs",
        // history of cancer
        "i have cancer and new back pain",
        // blood thinners with groin swelling or bruising
        "i am on blood thinners and my groin is swollen and bruised",
        // tearing pain or a pulsing lump in the belly
        "i have tearing pain in my back",
        "my groin hurts and i feel a pulsing lump in my belly",
        // falls and injuries
        "i fell and my hip hurts",
        "my hip hurts since my fall",
        "i fell and now it hurts to put weight on my leg",
        "i slipped and can't bear weight",
        "i was tackled in rugby and can't walk",
        "i had a car crash and my hip is extremely painful",
        // saddle area
        "my bum is numb",
        "i have numbness down there",
        "i have tingling in my saddle area",
        // fever
        "i have a high temperature and my thigh hurts",
        "i inject drugs and have had a fever and chills for two days",
        // bladder, bowel and sexual function
        "i have trouble peeing and my back hurts",
        "i cant feel when i need to pee",
        "i have erectile problems and back pain",
        // weight loss
        "i lost 10 kg without trying and my back aches",
        // lead's hand trial, 1 Dec 2026 (fourth session): a cold, pale or blue leg; a pop then no weight-bearing
        "my foot went cold and pale and i cant feel my toes",
        "my leg is cold and bluish since this morning",
        "heard a pop in my hip and now i can't put weight on it",
        "something snapped in my groin and i cant walk",
        "my thigh ballooned after i felt it pop",
        // a limb gone white or grey with the cold: colour phrases, never a bare colour word (lead, 1 Dec 2026, fifth session)
        "my foot is freezing and has turned white",
        "my toes are icy and white and my hip hurts a lot",
        "my calf has gone grey and cold",
    ];

    /// <summary>The four false alarms the review confirmed, and look-alikes of later red flags.</summary>
    public static readonly TheoryData<string> FalseAlarms =
    [
        "i want to lose weight will strengthening my psoas help my back",
        "can intense emotional trauma be stored in the psoas",
        "what is the worst trauma the psoas can suffer",
        "can a fever affect the psoas",
        // one sign alone, or a general question, is no red flag
        "should i put something cold on my thigh",
        "can a torn psoas make walking hard",
        "my leg feels cold",
        "why is the iliopsoas tendon white",
    ];

    public static readonly TheoryData<string> NeutralAnatomyQuestions =
    [
        "where does the psoas major originate",
        "what is the innervation of the iliacus",
        "what does the iliopsoas do",
        "is the psoas the only muscle connecting the upper and lower body",
        "does the psoas attach to the last rib",
        "does the iliopsoas abduct the hip",
        "what is the blood supply of the psoas major",
        "what is the psoas paradox",
        "how do you pronounce psoas",
        "where does the psoas minor insert",
        "which muscles are secondary hip flexors",
        "what are the satellite muscles of the psoas",
        "is the psoas connected to the diaphragm",
        "what books about the psoas do you recommend",
        "is the iliacus supplied by the sciatic nerve",
    ];

    public static TheoryData<string> PainForms() => [.. ReviewPainForms];

    [Fact]
    public void The_review_lists_106_forms()
    {
        Assert.Equal(106, ReviewPainForms.Length);
        Assert.Equal(ReviewPainForms.Length, ReviewPainForms.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(PainForms))]
    public void Every_listed_pain_form_gets_the_disclaimer(string form)
    {
        var reply = fixture.Ask($"my hip {form}");

        Assert.Equal(fixture.Snapshot.Safety.Disclaimer.Trim(), reply.Disclaimer);
    }

    [Theory]
    [MemberData(nameof(ReviewPainSentences))]
    public void The_reviews_pain_sentences_get_the_disclaimer(string question)
    {
        Assert.Equal(fixture.Snapshot.Safety.Disclaimer.Trim(), fixture.Ask(question).Disclaimer);
    }

    [Theory]
    [MemberData(nameof(RedFlagSentences))]
    public void Every_new_red_flag_phrasing_gets_the_urgent_line_and_the_disclaimer(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(fixture.Snapshot.Safety.UrgentNotice.Trim(), reply.UrgentNotice);
        Assert.Equal(fixture.Snapshot.Safety.Disclaimer.Trim(), reply.Disclaimer);
    }

    [Theory]
    [MemberData(nameof(FalseAlarms))]
    public void The_four_false_alarms_get_no_urgent_line(string question)
    {
        Assert.Null(fixture.Ask(question).UrgentNotice);
    }

    [Theory]
    [MemberData(nameof(NeutralAnatomyQuestions))]
    public void Neutral_anatomy_questions_get_neither_the_disclaimer_nor_the_urgent_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Null(reply.UrgentNotice);
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void Every_red_flag_kind_the_review_asked_for_is_in_the_safety_file()
    {
        var ids = fixture.Snapshot.Safety.RedFlags.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var id in new[]
                 {
                     "night-or-rest-pain", "progressive-weakness", "symptoms-in-both-legs", "history-of-cancer-with-back-pain",
                     "blood-thinners-with-groin-swelling", "tearing-back-or-belly-pain", "pulsing-belly-lump",
                     "fever-with-weak-immunity-or-injecting",
                 })
        {
            Assert.Contains(id, ids);
        }

        // The bare phrase "lose weight" was the cause of one false alarm; it must not come back.
        var weightLoss = fixture.Snapshot.Safety.RedFlags.Single(f => f.Id == "weight-loss-with-back-pain");
        Assert.DoesNotContain(weightLoss.AllOf.SelectMany(g => g), t => t == "lose weight");
    }
}

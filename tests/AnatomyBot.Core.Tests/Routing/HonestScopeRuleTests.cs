using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: "my sources don't cover that" only when the subject really is missing. Everyday words that
/// say how or where a question is asked ("normal", "at the gym", "my friend says", "legit") never turn a covered
/// subject away; a treatment, a measure or a rare term the facts lack still does. Phrasings are in no suite.
/// </summary>
public sealed class HonestScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("is it weird that my psoas stretch feels painful")]
    [InlineData("is it ok that stretching my hip flexors hurts a bit")]
    [InlineData("pulled my hip flexor at football, what now")]
    [InlineData("my friend says feelings are locked in the iliopsoas, is that a thing")]
    [InlineData("is it true the psoas forms first in an unborn baby")]
    [InlineData("does every person have a psoas minor")]
    public void Everyday_context_words_never_turn_a_covered_subject_away(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.False(SaysNotCovered(reply), Answer(reply));
    }

    [Theory]
    [InlineData("is it weird that my psoas stretch feels painful")]
    [InlineData("pulled my hip flexor at football, what now")]
    public void A_pain_question_with_everyday_words_is_answered_with_the_disclaimer(string question)
    {
        Assert.NotNull(fixture.Ask(question).Disclaimer);
    }

    [Theory]
    [InlineData("my friend says feelings are locked in the iliopsoas, is that a thing")]
    [InlineData("is it true the psoas forms first in an unborn baby")]
    [InlineData("is the psoas really the first muscle to develop in the womb")]
    [InlineData("someone told me the psoas is the first muscle a fetus makes, true?")]
    public void A_claim_the_sources_hold_as_a_belief_is_answered_as_a_view(string question)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains("author", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("believe", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("does every person have a psoas minor")]
    [InlineData("do all people have psoas minor muscles")]
    [InlineData("Does every single person have a psoas minor?")]
    public void Whether_everyone_has_the_psoas_minor_is_answered_no_from_its_variations(string question)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("40", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can the psoas be repaired with surgery")]
    [InlineData("what age does the psoas stop growing")]
    [InlineData("how many calories does the psoas burn")]
    [InlineData("what colour is the psoas major on a scan")]
    [InlineData("is the psoas major mostly red or white muscle fibres")]
    public void A_treatment_a_measure_or_a_subject_no_fact_holds_is_still_not_covered(string question)
    {
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
    }

    /// <summary>
    /// Words that say how a question is asked are never its uncovered subject: exam command words ("enumerate"), who a
    /// claim is put down to ("attributed to"), degree ("excessive"), people in general ("the population"), the asker's
    /// own English ("sorry for my english"), a slip in a knowledge word ("piont"). Questions near them still answer.
    /// </summary>
    [Theory]
    [InlineData("Enumerate the attachments of the iliacus.", "iliac")]
    [InlineData("Specify the nerve supply of the psoas minor.", "L1")]
    [InlineData("list the movements credited to the iliacus", "flex")]
    [InlineData("what actions are attributed to the psoas minor", "tilt")]
    [InlineData("why does excessive tension in the psoas cause numbness in the leg", "plexus")]
    [InlineData("can severe psoas tightness give tingling in the thigh", "plexus")]
    [InlineData("what share of the population lacks a psoas minor", "40")]
    [InlineData("Sorry for my english, what means psoas paradox?", "paradox")]
    [InlineData("my english is bad, where is the iliacus attached?", "iliac")]
    [InlineData("piont of insertion of the psoas major", "lesser trochanter")]
    [InlineData("trigger piont pain of the iliopsoas", "trigger")]
    [InlineData("what is the iliopsoas bursa for", "move")]
    [InlineData("why is the psoas called the hidden prankster", "prankster")]
    [InlineData("how long should i hold the iliopsoas stretch", "second")]
    public void Asking_words_and_slips_are_not_the_uncovered_subject(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An imaging method, a measure the facts lack, or who gave a muscle its name: not covered, however well the rest matches.</summary>
    [Theory]
    [InlineData("what does the iliacus look like on ultrasound")]
    [InlineData("how does the psoas bursa show up on an MRI")]
    [InlineData("how thick is the iliopsoas tendon in millimetres")]
    [InlineData("how long is the iliacus in centimetres")]
    [InlineData("who gave the psoas its name")]
    [InlineData("who gave the iliopsoas that name")]
    public void Imaging_a_measure_or_who_named_it_is_not_covered(string question)
    {
        Assert.True(SaysNotCovered(fixture.Ask(question)));
    }

    /// <summary>
    /// A rare command verb opening the question ("elucidate the", "delineate the"), how sure the asker is ("i am
    /// confuse", "kinda confused"), an informal spelling ("thru"), everyday words around a named attribute ("out loud")
    /// and the unknown side of an "or" whose other side the facts use ("deep or superficial") never make a covered
    /// question "not covered". Phrasings are in no suite.
    /// </summary>
    [Theory]
    [InlineData("Elucidate the origin of the psoas minor.", "vertebra")]
    [InlineData("Delineate the insertion of the iliacus", "lesser trochanter")]
    [InlineData("please expound upon the psoas paradox", "paradox")]
    [InlineData("Illuminate the role of the psoas in posture", "posture")]
    [InlineData("where does the iliacus start? i am confuse", "iliac")]
    [InlineData("where does the psoas minor end up? kinda confused", "pubi")]
    [InlineData("which nerves go thru the psoas major", "plexus")]
    [InlineData("which nerves pierce the psoas", "plexus")]
    [InlineData("how do you say iliacus out loud", "ill-ee")]
    [InlineData("is the psoas major superficial or deep", "deep")]
    [InlineData("is the iliacus supplied by the femoral or the obturator nerve", "femoral")]
    public void Asking_words_informal_spellings_and_the_other_choice_are_not_the_uncovered_subject(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The same shapes with a real uncovered subject stay "not covered": a rare noun, or an "or" with no known side.</summary>
    [Theory]
    [InlineData("is the psoas major mostly red or white muscle fibres")]
    [InlineData("do boys or girls lack the psoas minor more often")]
    [InlineData("what is the lymphatic drainage of the iliacus")]
    [InlineData("Describe the lymphatic drainage of the psoas major.")]
    [InlineData("what is the pennation angle of the iliacus")]
    public void A_real_uncovered_subject_beside_those_words_is_still_not_covered(string question)
    {
        Assert.True(SaysNotCovered(fixture.Ask(question)));
    }

    /// <summary>
    /// A clinical test (the Thomas test, a reflex test) and a length are subjects the sources would have to describe:
    /// the facts speak of lengthening and of tight hips, never of a length or of how a test is done.
    /// </summary>
    [Theory]
    [InlineData("what does a positive Thomas test mean for the psoas")]
    [InlineData("how do you perform the thomas test for a tight iliopsoas")]
    [InlineData("what reflex tests the psoas nerve roots")]
    [InlineData("average length of the iliacus")]
    [InlineData("what is the typical length of the psoas minor in adults")]
    public void A_clinical_test_or_a_length_is_not_covered(string question)
    {
        Assert.True(SaysNotCovered(fixture.Ask(question)));
    }

    [Theory]
    [InlineData("how long should i hold the psoas stretch", "second")]
    [InlineData("what are lengthening drills for the psoas", "lengthening")]
    public void Lengthening_and_how_long_are_still_answered(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A word spelt right is no misspelt attribute cue because it sounds alike ("pregnancy" is not "pronunciation"):
    /// only one edit away or one of the cue's own forms counts, so real typos still name the attribute.
    /// </summary>
    [Theory]
    [InlineData("is the psoas important during pregnancy")]
    [InlineData("does the psoas matter in pregnancy")]
    public void A_word_spelt_right_is_not_read_as_a_sound_alike_cue(string question)
    {
        Assert.NotEqual(MuscleAttribute.Pronunciation, fixture.Ask(question).Attribute);
    }

    [Theory]
    [InlineData("iliacus insershun", MuscleAttribute.Insertion)]
    [InlineData("wat is the orgin of psoas major", MuscleAttribute.Origin)]
    [InlineData("how do you pronunce iliacus", MuscleAttribute.Pronunciation)]
    [InlineData("what are the origins of the iliacus", MuscleAttribute.Origin)]
    public void Misspelt_cues_and_their_own_forms_still_name_the_attribute(string question, MuscleAttribute attribute)
    {
        Assert.Equal(attribute, fixture.Ask(question).Attribute);
    }
}

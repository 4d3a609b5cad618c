using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using static AnatomyBot.Core.Tests.Routing.VerdictOpenings;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, session 33 (detail): a share of people said in words ("in most people", "half of us", "rare") is weighed
/// against the shares the facts give (about 40 %, 40-50 %); a superlative stretched to the whole body ("the strongest muscle
/// in the body") is not settled by the facts' narrower one ("possibly the strongest hip flexor"); "what does the book say
/// about ..." asks what a source said, not how a name is pronounced; the helper hip flexors by other names. The engineer's
/// own phrasings, in no suite.
/// </summary>
public sealed class ShareAndScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("is the psoas minor missing in most people?", "No.")]
    [InlineData("do the majority of people lack a psoas minor?", "No.")]
    [InlineData("most of us are without a psoas minor, right?", "No.")]
    [InlineData("is it rare to be missing the psoas minor?", "No.")]
    [InlineData("is the psoas minor absent in more than half of people?", "No.")]
    [InlineData("is the psoas minor missing in exactly half of people?", "The sources differ.")]
    [InlineData("is the psoas minor absent in less than half of people?", "Yes.")]
    // Unchanged neighbours: a share in figures, and absence without a share.
    [InlineData("is the psoas minor missing in some people?", "Yes.")]
    [InlineData("does everyone have a psoas minor?", "No.")]
    public void A_share_of_people_in_words_is_weighed_against_the_facts_figures(string question, string verdict)
    {
        Assert.StartsWith(verdict, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the iliopsoas the strongest muscle in the body?")]
    [InlineData("is the psoas the strongest muscle of all?")]
    [InlineData("isn't the iliopsoas the most powerful muscle in the human body?")]
    [InlineData("the iliopsoas is the strongest in the body, correct?")]
    [InlineData("is the psoas major the biggest muscle in the body?")]
    public void A_superlative_stretched_to_the_whole_body_gets_no_yes(string question)
    {
        Assert.DoesNotMatch("^(Yes|Possibly)", Opening(fixture.Ask(question)));
    }

    [Theory]
    // The superlative the facts make keeps its verdict.
    [InlineData("is the iliopsoas the deepest hip flexor?", "Yes.")]
    [InlineData("is the iliopsoas the deepest hip flexor in the body?", "Yes.")]
    [InlineData("of all the hip flexors, is the iliopsoas the deepest one?", "Yes.")]
    [InlineData("is the iliopsoas the deepest of all the muscles that flex the hip?", "Yes.")]
    public void A_superlative_in_the_facts_own_scope_keeps_its_verdict(string question, string verdict)
    {
        Assert.StartsWith(verdict, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what does the book say about the psoas and childbirth?", "birth")]
    [InlineData("what does the massage blog say about chakras?", "chakra")]
    [InlineData("what does the manual therapy book say about the fetus?", "fetus")]
    [InlineData("what did the author say about emotions in the iliopsoas?", "emotion")]
    [InlineData("what did Lowen say about the iliopsoas?", "Lowen")]
    public void What_a_source_says_is_its_claim_not_a_pronunciation(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(MuscleAttribute.Pronunciation, reply.Attribute);
        Assert.Contains(expected, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how do you say psoas")]
    [InlineData("how is iliopsoas said")]
    [InlineData("what's the right way to say iliacus")]
    [InlineData("say iliacus for me")]
    [InlineData("what is the correct way to say psoas major")]
    public void How_a_name_is_said_stays_its_pronunciation(string question)
    {
        Assert.Equal(MuscleAttribute.Pronunciation, fixture.Ask(question).Attribute);
    }

    [Theory]
    [InlineData("the iliopsoas, is there one in the body or two?")]
    [InlineData("how many iliopsoas muscles are in the body?")]
    [InlineData("how many psoas muscles per body?")]
    public void How_many_in_the_body_is_the_pair(string question) =>
        Assert.Contains("two", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("what are the backup hip flexors?")]
    [InlineData("list the helper hip flexors")]
    [InlineData("which accessory hip flexors are there?")]
    [InlineData("name the hip flexors other than the iliopsoas")]
    [InlineData("what are the helper flexors of the hip?")]
    public void The_helper_hip_flexors_by_other_names_are_the_secondary_flexors(string question)
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.Contains("sartorius", answer, StringComparison.OrdinalIgnoreCase);
    }
}

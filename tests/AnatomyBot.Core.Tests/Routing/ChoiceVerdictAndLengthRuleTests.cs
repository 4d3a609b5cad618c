using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A multiple-choice question in any of the layouts students paste (lettered, numbered, one option a line, an inline list
/// after "which of these"), answered from its stem with a line naming the option the facts support, or for "which is NOT"
/// the option they do not list; and a question that says how long its answer should be ("in two or three lines",
/// "one-line summary", "tl;dr", "explain like I'm 5") answered short, its count never read as the number asked. Session
/// 34's forms work; the phrasings are the engineer's own, not any suite's.
/// </summary>
public sealed class ChoiceVerdictAndLengthRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Body(Reply reply) => string.Join("\n", reply.Sections.Select(s => s.Body));

    [Theory]
    [InlineData("Which nerve supplies the iliacus? a) obturator b) femoral c) sciatic", "b) femoral")]
    [InlineData("What supplies blood to the iliopsoas? 1) femoral artery 2) iliolumbar artery 3) obturator artery", "2) iliolumbar artery")]
    [InlineData("Where does the psoas major insert?\nischial tuberosity\nlesser trochanter\nlinea aspera", "\"lesser trochanter\"")]
    [InlineData("Which of these is the origin of the iliacus: iliac fossa, sacrum, ischial tuberosity?", "\"iliac fossa\"")]
    public void The_option_the_facts_support_is_named(string question, string named)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("Of the options, the sources support " + named, reply.Sections[0].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Which of these is NOT a nickname of the psoas: hidden prankster, great pretender, iron muscle", "\"iron muscle\"")]
    [InlineData("Which is not a secondary hip flexor? a) sartorius b) pectineus c) biceps brachii d) rectus femoris", "c) biceps brachii")]
    public void The_odd_one_out_is_the_option_the_facts_do_not_list(string question, string named)
    {
        var reply = fixture.Ask(question);

        Assert.Equal($"Of the options, {named} is the one missing from the sources.", reply.Sections[0].Body);
    }

    [Theory]
    // Two options: a choice between two things, answered by the rules for "X or Y", not a list of options.
    [InlineData("which muscle is fan shaped: psoas or iliacus?")]
    // Attributes asked for, not options.
    [InlineData("psoas major vs minor: a) origin b) insertion")]
    // A plain question with a list in it, and one with no options at all.
    [InlineData("what are the origin, insertion and nerve supply of the iliacus?")]
    [InlineData("where does the iliacus insert?")]
    public void Questions_without_options_get_no_option_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.DoesNotContain("Of the options", Body(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_the_facts_all_hold_or_all_lack_settle_nothing()
    {
        Assert.Null(ChoiceOptions.Verdict(ChoiceOptions.Read("Which nerve supplies the iliacus? a) ulnar b) radial c) median")!, fixture.Ask("Which nerve supplies the iliacus?"), fixture.Engine.CurrentIndex()));
    }

    [Theory]
    [InlineData("Which nerve supplies the iliacus? 1) femoral 2) obturator 3) sciatic", "Which nerve supplies the iliacus?", 3)]
    [InlineData("Which is NOT an action of the psoas major: flex the hip, extend the knee, flex the trunk", "Which is NOT an action of the psoas major:", 3)]
    [InlineData("Which is not a satellite muscle: quadratus lumborum, piriformis, biceps brachii or multifidus", "Which is not a satellite muscle:", 4)]
    public void Layouts_are_read(string typed, string stem, int options)
    {
        var choices = ChoiceOptions.Read(typed);

        Assert.NotNull(choices);
        Assert.Equal(stem, choices.Stem);
        Assert.Equal(options, choices.Options.Length);
    }

    [Fact]
    public void Options_after_an_instruction_are_read()
    {
        var choices = ChoiceOptions.Read("iliacus nerve? choose one: a) femoral b) obturator c) sciatic");

        Assert.NotNull(choices);
        Assert.Equal("iliacus nerve? choose one:", choices.Stem);
        Assert.Equal(3, choices.Options.Length);
    }

    [Theory]
    [InlineData("a) what does the psoas minor do? b) how many people lack it?", true)]
    [InlineData("(i) where does the iliacus start (ii) where does it insert", true)]
    [InlineData("where does the psoas minor insert, b or c?", false)]
    [InlineData("vitamin b what is it", false)]
    public void A_later_part_label_before_a_question_word_opens_a_second_question(string typed, bool two)
    {
        Assert.Equal(two, QuestionForms.AsksTwoQuestions(TokenizedText.From(typed)));
    }

    [Fact]
    public void Both_parts_of_a_lettered_exam_question_are_answered()
    {
        var reply = fixture.Ask("a) where does the iliacus originate? b) what nerve supplies it?");
        var body = Body(reply);

        Assert.Contains("iliac fossa", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("femoral", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Q3 (2 marks) state the insertion of the iliacus")]
    [InlineData("how many reps: 15, 20?")]
    [InlineData("the psoas: origin, insertion, action")]
    [InlineData("strengthening: 15-20 reps, 2-3 sets, once a day, right?")]
    public void Other_texts_are_no_choices(string typed)
    {
        Assert.Null(ChoiceOptions.Read(typed));
    }

    [Theory]
    [InlineData("in two or three lines, what does the iliopsoas do?", "what does the iliopsoas do?")]
    [InlineData("one-line summary of the psoas minor pls", "the psoas minor pls")]
    [InlineData("explain like I'm 5 what the iliopsoas is", "what the iliopsoas is")]
    [InlineData("tl;dr psoas major?", "psoas major?")]
    [InlineData("briefly, what is the psoas paradox?", "what is the psoas paradox?")]
    [InlineData("give me a quick summary of the iliacus", "the iliacus")]
    public void A_length_request_is_cut(string typed, string rest)
    {
        Assert.Equal((rest, true), LengthRequests.Cut(typed));
    }

    [Theory]
    [InlineData("how many sets and reps for strengthening")]
    [InlineData("what are the three stretches")]
    [InlineData("is the psoas minor short?")]
    [InlineData("hold the stretch for twenty seconds in one go?")]
    public void Counts_and_lengths_that_are_the_question_stay(string typed)
    {
        Assert.Equal((typed, false), LengthRequests.Cut(typed));
    }

    [Theory]
    [InlineData("Is the psoas easy to palpate?")]
    [InlineData("is the psoas major simple to palpate")]
    public void A_fact_that_ranks_another_muscle_above_the_asked_one_gives_no_yes(string question)
    {
        var reply = fixture.Ask(question);
        var opening = reply.Title + " " + (reply.Sections.Length > 0 ? reply.Sections[0].Body : "");

        Assert.False(opening.StartsWith("Yes", StringComparison.Ordinal), opening);
    }

    [Theory]
    [InlineData("does the iliacus flex the hip?")]
    [InlineData("Does psoas major insert on the lesser trochanter?")]
    public void Claims_a_fact_states_keep_their_yes(string question)
    {
        Assert.StartsWith("Yes", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_length_request_alone_still_restates_the_last_answer()
    {
        var reply = fixture.Dialogue("where does the iliacus insert", "in one sentence please");

        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains("lesser trochanter", Body(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_length_asked_is_no_number_asked()
    {
        var reply = fixture.Ask("in two or three lines, what does the iliopsoas do?");

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains("flex", Body(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("give me a quick summary of the iliacus")]
    [InlineData("one-line summary of the psoas minor pls")]
    public void A_short_summary_of_a_muscle_is_its_summary_not_its_card(string question)
    {
        var reply = fixture.Ask(question);
        var card = fixture.Ask(question.Contains("iliacus", StringComparison.Ordinal) ? "tell me about the iliacus" : "tell me about the psoas minor");

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.True(Body(reply).Length < 700, Body(reply));
        Assert.True(Body(card).Length > 1500);
    }

    [Theory]
    // From the session's review: one fact flexing the hip and another extending the low back named "hip extension".
    [InlineData("Which action does the psoas major perform? a) knee extension b) hip extension c) hip flexion", "b)")]
    [InlineData("What does the psoas major do? A) extends the hip B) flexes the hip C) flexes the knee", "A)")]
    public void An_option_needs_its_words_together_in_one_fact(string question, string wrong)
    {
        var body = Body(fixture.Ask(question));

        Assert.DoesNotContain("support " + wrong, body, StringComparison.Ordinal);
        Assert.DoesNotContain("and " + wrong, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can I use a single line to describe the iliacus in my essay")]
    [InlineData("is one line of the origin facts enough for the iliacus")]
    public void A_line_or_sentence_mentioned_in_passing_is_no_length_request(string question)
    {
        Assert.False(LengthRequests.Cut(question).Brief);
    }
}

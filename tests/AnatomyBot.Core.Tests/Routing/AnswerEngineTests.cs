using AnatomyBot.Testing;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;

namespace AnatomyBot.Core.Tests.Routing;

public sealed class AnswerEngineTests
{
    private readonly TestProvider _provider = new(TestKnowledge.Snapshot());

    private AnswerEngine Engine => new(_provider, new Random(1));

    private Reply Ask(string text) => Engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", "c"));

    [Fact]
    public void Attribute_question_answers_only_that_attribute_with_its_sources()
    {
        var reply = Ask("what nerve supplies the iliacus");
        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal("iliacus", reply.Entity);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
        var text = ReplyText.ToPlainText(reply);
        Assert.Contains("Femoral nerve, L1-L4. [mom]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Iliac fossa", text, StringComparison.Ordinal);
        Assert.Equal(["mom", "release"], reply.Sources.Select(s => s.Id));
    }

    [Fact]
    public void Disagreeing_sources_are_shown_side_by_side_with_the_note()
    {
        var reply = Ask("psoas minor insertion");
        var body = Assert.Single(reply.Sections).Body;
        Assert.Contains("- Superior pubic ramus. [mom]", body, StringComparison.Ordinal);
        Assert.Contains("- Pectineal line and iliopubic eminence. [consumer]", body, StringComparison.Ordinal);
        Assert.Contains("Sources disagree: Superior pubic ramus versus pectineal line.", body, StringComparison.Ordinal);
        Assert.Equal(["mom", "consumer"], reply.Sources.Select(s => s.Id));

        // No note where the sources agree.
        Assert.DoesNotContain("Sources disagree", ReplyText.ToPlainText(Ask("psoas minor origin")), StringComparison.Ordinal);
    }

    [Fact]
    public void Opinions_are_labelled_never_stated_as_fact()
    {
        var text = ReplyText.ToPlainText(Ask("does the psoas store emotions"));
        Assert.Contains("One author's view, not established anatomy: The psoas links to the root chakra. [mom]", text, StringComparison.Ordinal);

        var clinical = ReplyText.ToPlainText(Ask("clinical notes of the psoas major"));
        Assert.Contains("- One author's view, not established anatomy: The psoas stores emotions. [release]", clinical, StringComparison.Ordinal);
        Assert.Contains("- A tight psoas may add to low back pain. [ptclinic]", clinical, StringComparison.Ordinal);
    }

    [Fact]
    public void Muscle_card_lists_attributes_with_sources_but_not_clinical_notes()
    {
        var reply = Ask("/muscle psoas major");
        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Equal("psoas-major", reply.Entity);
        Assert.Equal("Psoas major", reply.Title);
        Assert.Contains(reply.Sections, s => s.Heading == "Innervation" && s.Body.Contains("Sources disagree", StringComparison.Ordinal));
        Assert.DoesNotContain(reply.Sections, s => s.Heading == "Clinical notes");
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void Group_card_names_its_parts_and_borrows_their_attachments()
    {
        Assert.Contains(Ask("/muscle iliopsoas").Sections, s => s.Heading == "Parts" && s.Body == "Psoas major, Psoas minor, Iliacus");
        var origin = Ask("origin of the iliopsoas group");
        Assert.Equal(MuscleAttribute.Origin, origin.Attribute);
        Assert.Contains("Iliac fossa.", ReplyText.ToPlainText(origin), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("psoas mnior", "psoas-minor")]
    [InlineData("psoas mnior origin", "psoas-minor")]
    [InlineData("illiacus", "iliacus")]
    [InlineData("soas major", "psoas-major")]
    [InlineData("psoas majr insertion", "psoas-major")]
    [InlineData("what nerve supplies the ilacus", "iliacus")]
    public void Typos_in_muscle_names_still_route(string question, string muscle) =>
        Assert.Equal(muscle, Ask(question).Entity);

    [Fact]
    public void Typo_equally_close_to_two_muscles_asks_instead_of_guessing()
    {
        var reply = Ask("psoas maior");
        Assert.Equal(Intent.DidYouMean, reply.Intent);
        Assert.Contains("psoas major", reply.Suggestions);
        Assert.Contains("psoas minor", reply.Suggestions);
        Assert.True(reply.Suggestions.Length <= 3);
    }

    [Fact]
    public void Typos_in_attributes_and_topics_still_route()
    {
        Assert.Equal(MuscleAttribute.Innervation, Ask("iliacus innervaton").Attribute);
        Assert.Equal(MuscleAttribute.Insertion, Ask("psoas major insertoin").Attribute);
        Assert.Equal("psoas-paradox", Ask("the psoas paradx").Entity);
    }

    [Fact]
    public void Weak_match_gives_at_most_three_suggestions()
    {
        // Two typos: either answered as what was meant (the iliacus's nerve supply), or at most three suggestions that
        // include the iliacus; never another muscle's answer.
        var reply = Ask("what nerve supplies the ilicaus msucle thing");
        if (reply.Intent == Intent.MuscleAttribute)
        {
            Assert.Equal("iliacus", reply.Entity);
            Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
        }
        else
        {
            Assert.Equal(Intent.DidYouMean, reply.Intent);
            Assert.InRange(reply.Suggestions.Length, 1, 3);
            Assert.Contains(reply.Suggestions, s => s.Contains("iliacus", StringComparison.OrdinalIgnoreCase));
        }

        var vague = Ask("origin?");
        Assert.Equal(Intent.DidYouMean, vague.Intent);
        Assert.InRange(vague.Suggestions.Length, 1, 3);
        Assert.All(vague.Suggestions, s => Assert.StartsWith("origin of the", s, StringComparison.Ordinal));
        // A suggestion routes when sent back.
        Assert.Equal(Intent.MuscleAttribute, Ask(vague.Suggestions[0]).Intent);
    }

    [Theory]
    [InlineData("iliac", "Iliacus")]
    public void A_clipped_muscle_name_alone_gets_a_suggestion_not_a_refusal(string text, string suggestion)
    {
        var reply = Ask(text);
        Assert.Equal(Intent.DidYouMean, reply.Intent);
        Assert.Contains(suggestion, reply.Suggestions);
        Assert.Equal(Intent.Muscle, Ask(reply.Suggestions[0]).Intent);
    }

    [Fact]
    public void A_short_unrelated_word_is_still_off_topic() => Assert.Equal(Intent.OffTopic, Ask("france").Intent);

    [Fact]
    public void Unknown_muscle_command_lists_what_the_bot_knows()
    {
        var reply = Ask("/muscle biceps");
        Assert.Equal(Intent.UnknownMuscle, reply.Intent);
        Assert.Empty(reply.Suggestions);
        var text = ReplyText.ToPlainText(reply);
        Assert.Contains("biceps", text, StringComparison.Ordinal);
        foreach (var name in new[] { "Psoas major", "Psoas minor", "Iliacus", "Iliopsoas" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/help", Intent.Help)]
    [InlineData("/start", Intent.Help)]
    [InlineData("/help@AnatomyBot", Intent.Help)]
    [InlineData("  /HELP  ", Intent.Help)]
    [InlineData("/sources", Intent.Sources)]
    [InlineData("/reload", Intent.Reload)]
    [InlineData("/reload@AnatomyBot now", Intent.Reload)]
    [InlineData("/quiz", Intent.Quiz)]
    [InlineData("/nonsense", Intent.Help)]
    [InlineData("/ask", Intent.Empty)]
    [InlineData("/ask@AnatomyBot where does the iliacus insert", Intent.MuscleAttribute)]
    [InlineData("/muscle@AnatomyBot iliacus", Intent.Muscle)]
    [InlineData("hello", Intent.Greeting)]
    [InlineData("thank you!", Intent.Thanks)]
    [InlineData("help", Intent.Help)]
    [InlineData("quiz me", Intent.Quiz)]
    [InlineData("what are your sources", Intent.Sources)]
    [InlineData("what is the capital of France", Intent.OffTopic)]
    [InlineData("", Intent.Empty)]
    public void Commands_and_small_talk_route(string text, Intent intent) => Assert.Equal(intent, Ask(text).Intent);

    [Fact]
    public void Sources_lists_every_source_with_its_title()
    {
        var reply = Ask("/sources");
        Assert.Equal(5, reply.Sources.Length);
        var text = ReplyText.ToPlainText(reply);
        Assert.Contains("[mom] Muscle of the Month: Iliopsoas", text, StringComparison.Ordinal);
        Assert.Contains("[consumer] Iliopsoas anatomy article", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_commands_and_examples()
    {
        var text = ReplyText.ToPlainText(Ask("/help"));
        foreach (var command in new[] { "/muscle", "/ask", "/quiz", "/sources", "/help" })
        {
            Assert.Contains(command, text, StringComparison.Ordinal);
        }

        Assert.Contains("What nerve supplies the iliacus?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_topic_reply_says_what_the_bot_covers()
    {
        var text = ReplyText.ToPlainText(Ask("who won the world cup"));
        Assert.Contains("iliopsoas", text, StringComparison.Ordinal);
        Assert.Contains("/help", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiz_shows_lettered_options_without_revealing_the_answer()
    {
        var engine = Engine;
        var seen = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var reply = engine.Answer(new IncomingMessage(TypedLine.Parse("/quiz"), "console", "u", "c"));
            var quiz = Assert.IsType<QuizQuestion>(reply.Quiz);
            seen.Add(quiz.Id);
            Assert.Equal(quiz.Id, reply.Entity);
            var text = ReplyText.ToPlainText(reply);
            Assert.Contains(quiz.Question, text, StringComparison.Ordinal);
            for (var o = 0; o < quiz.Options.Length; o++)
            {
                Assert.Contains($"{(char)('A' + o)}) {quiz.Options[o]}", text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(quiz.Explanation, text, StringComparison.Ordinal);
            Assert.DoesNotContain("correct", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void Index_is_rebuilt_only_when_the_snapshot_changes()
    {
        var engine = Engine;
        var first = engine.CurrentIndex();
        Assert.Same(first, engine.CurrentIndex());
        Assert.Equal(Intent.OffTopic, engine.Answer(new IncomingMessage(TypedLine.Parse("gracilis origin"), "console", "u", "c")).Intent);

        var gracilis = TestKnowledge.Muscle("gracilis", "Gracilis", ["gracilis"],
            new() { [MuscleAttribute.Origin] = [TestKnowledge.F("Pubis.", "mom")] });
        _provider.Current = TestKnowledge.Snapshot(extraMuscles: [gracilis]);
        var second = engine.CurrentIndex();
        Assert.NotSame(first, second);
        Assert.Same(_provider.Current, second.Snapshot);
        var reply = engine.Answer(new IncomingMessage(TypedLine.Parse("gracilis origin"), "console", "u", "c"));
        Assert.Equal("gracilis", reply.Entity);
    }

    [Fact]
    public async Task Concurrent_readers_during_snapshot_swaps_always_get_a_consistent_answer()
    {
        var engine = Engine;
        var snapshots = new[] { TestKnowledge.Snapshot(), TestKnowledge.Snapshot() };
        var stop = false;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                _provider.Current = snapshots[i % 2];
            }

            Volatile.Write(ref stop, true);
        });
        Parallel.For(0, 400, _ =>
        {
            var reply = engine.Answer(new IncomingMessage(TypedLine.Parse("where does the iliacus insert"), "console", "u", "c"));
            Assert.Equal("iliacus", reply.Entity);
        });
        await writer.WaitAsync(Wait.Guard);
        Assert.True(Volatile.Read(ref stop));
    }

    [Fact]
    public void Long_answers_fitted_to_a_limit_are_cut_at_a_sentence_with_a_pointer()
    {
        var facts = Enumerable.Range(1, 120)
            .Select(i => TestKnowledge.F($"Sentence number {i} about the hamstring attachment, which is long enough to matter here.", "mom"))
            .ToArray();
        var big = new Topic("huge", "Huge topic", ["huge topic"], [], [.. facts], []);
        var engine = new AnswerEngine(new TestProvider(TestKnowledge.Snapshot(extraTopics: [big])));
        var whole = engine.Answer(new IncomingMessage(TypedLine.Parse("tell me everything about the huge topic"), "console", "u", "c"));
        Assert.True(ReplyText.ToPlainText(whole).Length > ShortAnswer.MaxChars, "the engine fits no limit of its own");
        var reply = ReplyFitter.Fit(whole, ShortAnswer.MaxChars);
        var text = ReplyText.ToPlainText(reply);
        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.True(text.Length <= ShortAnswer.MaxChars, $"{text.Length} chars");
        Assert.Contains("ask a narrower question", text, StringComparison.Ordinal);
        var body = reply.Sections[0].Body;
        Assert.EndsWith("matter here. [mom]", body, StringComparison.Ordinal);
    }
}

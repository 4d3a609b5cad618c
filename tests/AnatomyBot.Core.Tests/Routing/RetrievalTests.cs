using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>Issue 8 over the shipped knowledge: fact-level answers, honest scope, yes/no, reverse lookups, follow-ups.</summary>
public sealed class RetrievalTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private AnswerEngine Engine(ITextEmbedder? embedder = null, ConversationMemory? memory = null) =>
        new(new TestProvider(fixture.Snapshot), new Random(1), memory ?? new ConversationMemory(_clock), embedder);

    private static Reply Ask(AnswerEngine engine, string text, string chat = "c", bool followsUp = true) =>
        engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", chat, followsUp));

    [Theory]
    [InlineData("psoaz minor", "psoas-minor")]
    [InlineData("psaos minor origin", "psoas-minor")]
    [InlineData("soas major insertion", "psoas-major")]
    public void A_misspelt_psoas_next_to_minor_or_major_is_that_muscle_not_the_group(string question, string muscle)
    {
        // "psoaz", "psaos" and "soas" are aliases of the group, which used to win over the two-word name.
        Assert.Equal(muscle, Ask(Engine(), question).Entity);
    }

    [Fact]
    public void A_free_question_gets_the_few_facts_that_answer_it_with_their_ids_not_the_whole_topic()
    {
        var reply = Ask(Engine(), "reps and sets when training a weak iliopsoas");
        var text = ReplyText.ToPlainText(reply);
        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal("strengthening", reply.Entity);
        Assert.Contains("strengthening.3", reply.Facts);
        Assert.InRange(reply.Facts.Length, 1, 4);
        Assert.Contains("15 to 20 repetitions", text, StringComparison.Ordinal);
        Assert.True(text.Length < 900, $"{text.Length} chars");
    }

    [Fact]
    public void A_question_asking_for_a_number_gets_the_fact_holding_the_number_first()
    {
        var reply = Ask(Engine(), "how many seconds do I hold each psoas stretch");
        Assert.Equal("stretches", reply.Entity);
        var firstFact = reply.Sections[0].Body.Split('\n')[0];
        Assert.Contains("twenty seconds", firstFact, StringComparison.Ordinal);
    }

    [Fact]
    public void Disagreeing_sources_are_shown_with_both_values()
    {
        var reply = Ask(Engine(), "what innervates the iliacus");
        var text = ReplyText.ToPlainText(reply);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
        Assert.Contains(ReplyComposer.DisagreementLabel, text, StringComparison.Ordinal);
        Assert.Contains("femoral", text, StringComparison.Ordinal);
        Assert.Contains("L2 and L3", text, StringComparison.Ordinal);
        Assert.Contains("iliacus.innervation.disagreement", reply.Facts);
    }

    [Theory]
    [InlineData("Does the iliacus insert on the greater trochanter?", "No.")]
    [InlineData("Does the psoas minor attach to the femur?", "No.")]
    [InlineData("Does the iliacus insert on the lesser trochanter?", "Yes.")]
    public void A_yes_no_question_about_an_attribute_opens_with_the_verdict(string question, string verdict)
    {
        var reply = Ask(Engine(), question);
        Assert.StartsWith(verdict, reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_landmark_leads_to_the_muscle_that_attaches_there()
    {
        var reply = Ask(Engine(), "which muscle arises from the iliac fossa");
        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal("iliacus", reply.Entity);
        Assert.Equal(MuscleAttribute.Origin, reply.Attribute);
    }

    [Fact]
    public void A_subject_the_sources_lack_is_named_instead_of_answering_with_a_card()
    {
        var reply = Ask(Engine(), "describe the lymphatic drainage of the iliacus");
        var text = ReplyText.ToPlainText(reply);
        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains("My sources don't cover the lymphatic drainage of the iliacus", text, StringComparison.Ordinal);
        Assert.True(text.Length < 800, $"{text.Length} chars");
    }

    [Fact]
    public void Tell_me_about_a_muscle_still_gives_the_whole_card()
    {
        var reply = Ask(Engine(), "tell me about the iliacus");
        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Contains(reply.Sections, s => s.Heading == "Innervation");
    }

    [Fact]
    public void A_follow_up_takes_the_subject_of_the_previous_question_until_it_expires()
    {
        var engine = Engine();
        Assert.Equal(Intent.Muscle, Ask(engine, "/muscle psoas minor").Intent);
        var followUp = Ask(engine, "what about its nerve supply?");
        Assert.Equal("psoas-minor", followUp.Entity);
        Assert.Equal(MuscleAttribute.Innervation, followUp.Attribute);

        var other = Ask(engine, "and the iliacus?");
        Assert.Equal("iliacus", other.Entity);
        Assert.Equal(MuscleAttribute.Innervation, other.Attribute);

        _clock.Advance(ConversationMemory.DefaultLifetime + TimeSpan.FromSeconds(1));
        var expired = Ask(engine, "what about its blood supply?");
        Assert.NotEqual("iliacus", expired.Entity);
    }

    [Fact]
    public void A_pronoun_after_a_topic_answers_from_that_topic_even_when_it_names_a_muscle_after_the_pronoun()
    {
        var engine = Engine();
        Assert.Equal("iliopsoas-bursa", Ask(engine, "what is the iliopsoas bursa").Entity);
        var what = Ask(engine, "and what is it for");
        Assert.Equal("iliopsoas-bursa", what.Entity);

        var plexus = Engine();
        Assert.Equal("lumbar-plexus-and-nerve-pain", Ask(plexus, "explain the lumbar plexus").Entity);
        Assert.Equal("lumbar-plexus-and-nerve-pain", Ask(plexus, "is it inside the psoas major").Entity);
    }

    [Fact]
    public void A_follow_up_asking_how_often_gets_the_number_of_the_last_topic()
    {
        var engine = Engine();
        Assert.Equal("strengthening", Ask(engine, "exercises to strengthen a weak iliopsoas").Entity);
        var often = Ask(engine, "and how often?");
        Assert.Equal("strengthening", often.Entity);
        Assert.Contains("once a day", string.Join('\n', often.Sections.Select(s => s.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_asked_in_a_unit_about_the_last_muscle_is_not_covered()
    {
        var engine = Engine();
        Ask(engine, "where does the iliacus originate");
        var reply = Ask(engine, "how wide is it in mm");
        Assert.Equal(Intent.NotCovered, reply.Intent);
    }

    [Theory]
    [InlineData("how heavy is the iliacus", "weight")]
    [InlineData("what does the psoas minor weigh", "weight")]
    public void A_measure_the_sources_lack_is_not_covered_rather_than_read_as_a_typo(string question, string subject)
    {
        var reply = Ask(Engine(), question);
        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains(subject, reply.Sections[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_about_the_vessel_an_artery_arises_from_is_not_a_landmark_lookup()
    {
        var reply = Ask(Engine(), "which vessel gives rise to the iliolumbar artery");
        Assert.Contains("internal iliac", string.Join('\n', reply.Sections.Select(s => s.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_words_run_together_are_read_as_both()
    {
        var reply = Ask(Engine(), "where do the psoas triggerpoints send pain");
        Assert.Equal("trigger-points-and-referral", reply.Entity);
        Assert.NotEqual(Intent.NotCovered, reply.Intent);
    }

    [Fact]
    public void An_unknown_subject_beside_a_known_one_is_not_covered_and_a_neutral_question_gets_no_pain_facts()
    {
        var name = Ask(Engine(), "what is the greek name of the iliopsoas bursa");
        Assert.Equal(Intent.NotCovered, name.Intent);
        Assert.Contains("greek", name.Sections[0].Body, StringComparison.Ordinal);

        var count = Ask(Engine(), "how many sarcomeres are in the iliacus");
        Assert.Equal(Intent.NotCovered, count.Intent);
        Assert.Null(count.Disclaimer);
    }

    [Fact]
    public void A_question_naming_its_own_subject_ignores_the_context_and_chats_do_not_share_it()
    {
        var engine = Engine();
        Ask(engine, "where does the iliacus insert");
        Assert.Equal("psoas-major", Ask(engine, "what nerve supplies the psoas major").Entity);
        Assert.NotEqual("iliacus", Ask(engine, "where does it insert", chat: "other").Entity);
        Assert.NotEqual("psoas-major", Ask(engine, "and its origin?", followsUp: false).Entity);
    }

    [Fact]
    public void Conversation_memory_is_bounded_and_drops_the_least_recent_chat()
    {
        var memory = new ConversationMemory(_clock, capacity: 100);
        for (var i = 0; i < 150; i++)
        {
            memory.Set("chat" + i, new ConversationContext("iliacus", null, null));
        }

        Assert.Equal(100, memory.Count);
        Assert.Null(memory.Get("chat0"));
        Assert.NotNull(memory.Get("chat149"));
    }

    [Fact]
    public void A_red_flag_gets_the_urgent_line_and_nothing_that_dilutes_it()
    {
        var reply = Ask(Engine(), "I can't control my bladder and my back hurts, what stretches help");
        var text = ReplyText.ToPlainText(reply);
        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.StartsWith(fixture.Snapshot.Safety.UrgentNotice.Trim(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("stretch", text[fixture.Snapshot.Safety.UrgentNotice.Trim().Length..].Replace(reply.Disclaimer ?? "", ""), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("physical therapist", string.Join(' ', reply.Sections.Select(s => s.Body)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my psoas hurst when i run")]
    [InlineData("injurd my hip flexor yesterday")]
    [InlineData("achin hip after football")]
    [InlineData("tweaked my psoas at the gym")]
    [InlineData("my lower back is killing me")]
    public void Misspelt_pain_words_and_slang_get_the_disclaimer(string question) =>
        Assert.NotNull(Ask(Engine(), question).Disclaimer);

    [Theory]
    [InlineData("where does the tendon of the iliopsoas attach")]
    [InlineData("what is the score for the psoas quiz")]
    [InlineData("does the psoas pull the spine forward")]
    public void Anatomy_words_that_look_like_pain_words_raise_no_alarm(string question) =>
        Assert.Null(Ask(Engine(), question).Disclaimer);

    [Fact]
    public void A_clipped_name_that_several_muscles_continue_offers_them_as_suggestions()
    {
        var reply = Ask(Engine(), "psoas m");
        Assert.Equal(Intent.DidYouMean, reply.Intent);
        Assert.Contains("Psoas major", reply.Suggestions);
        Assert.Contains("Psoas minor", reply.Suggestions);
        Assert.InRange(reply.Suggestions.Length, 2, 3);
    }

    [Fact]
    public async Task Lexically_settled_questions_never_consult_the_model_and_unsettled_ones_do()
    {
        var embedder = new CountingEmbedder(ready: true);
        var engine = Engine(embedder);
        Assert.True(await engine.SemanticReadyAsync(CancellationToken.None));
        Assert.Equal(fixture.Snapshot.Muscles.Sum(m => m.Attributes.Values.Sum(f => f.Length) + m.Disagreements.Length)
            + fixture.Snapshot.Topics.Sum(t => t.Facts.Length + (t.Disagreements.IsDefault ? 0 : t.Disagreements.Length)), embedder.Embedded);

        Ask(engine, "where does the psoas major insert");
        Assert.Equal(0, embedder.Queries);
        Ask(engine, "why might my psoas feel funny when I lie on my back");
        Assert.Equal(1, embedder.Queries);
        Assert.Equal(1, engine.ModelConsultations);
    }

    [Fact]
    public async Task An_off_topic_question_never_consults_the_model()
    {
        // The off-topic reply reads no ranking, so the model is asked only after it is ruled out.
        var embedder = new CountingEmbedder(ready: true);
        var engine = Engine(embedder);
        Assert.True(await engine.SemanticReadyAsync(CancellationToken.None));
        Assert.Equal(Intent.OffTopic, Ask(engine, "why might my thigh feel funny when I lie on my back").Intent);
        Assert.Equal(Intent.OffTopic, Ask(engine, "how many bones are in the human hand").Intent);
        Assert.Equal(0, embedder.Queries);
        Assert.Equal(0, engine.ModelConsultations);
    }

    [Fact]
    public async Task A_model_that_fails_to_load_leaves_lexical_answers_unchanged()
    {
        var engine = Engine(new CountingEmbedder(ready: false));
        Assert.False(await engine.SemanticReadyAsync(CancellationToken.None));
        var lexical = Ask(Engine(), "how many sets of leg raises");
        var withFailedModel = Ask(engine, "how many sets of leg raises");
        Assert.Equal(ReplyText.ToPlainText(lexical), ReplyText.ToPlainText(withFailedModel));
        Assert.False(engine.SemanticActive);
    }

    /// <summary>A deterministic stand-in for the sentence model: hashed bag-of-words vectors.</summary>
    private sealed class CountingEmbedder(bool ready) : ITextEmbedder
    {
        public int Embedded { get; private set; }

        public int Queries { get; private set; }

        public string ModelId => "test-bag-of-words";

        public Task<bool> Ready { get; } = Task.FromResult(ready);

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Embedded += texts.Count;
            return [.. texts.Select(Vector)];
        }

        public float[] EmbedQuery(string text)
        {
            Queries++;
            return Vector(text);
        }

        private static float[] Vector(string text)
        {
            var vector = new float[64];
            foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(word.GetHashCode(StringComparison.Ordinal) & 0x7fffffff) % 64] += 1;
            }

            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            return [.. vector.Select(v => norm == 0 ? 0 : v / norm)];
        }
    }
}

using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Knowledge;
using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Testing;

namespace AnatomyBot.Telegram.Tests;

/// <summary>The real engine over the shipped knowledge, through the adapter and the loopback Bot API.</summary>
public sealed class EngineEndToEndTests
{
    private const string DisclaimerStart = "This is general educational information, not medical advice.";

    internal static KnowledgeSnapshot ShippedSnapshot()
    {
        var load = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Snapshot!;
    }

    private static async Task<(TestWorld World, AdapterHarness Adapter)> StartAsync()
    {
        var knowledge = new FixedKnowledge(ShippedSnapshot());
        var world = await TestWorld.CreateAsync();
        var adapter = await world.StartAdapterAsync(knowledge: knowledge, engine: new AnswerEngine(knowledge));
        return (world, adapter);
    }

    private static string AllText(IEnumerable<RecordedCall> calls) => string.Join("\n\n", calls.Select(c => c.Text));

    [Fact]
    public async Task Muscle_command_in_a_group_answers_with_the_psoas_minor_card_and_both_disputed_origins()
    {
        var (world, adapter) = await StartAsync();
        await using var _ = world;
        await using var __ = adapter;
        var update = Tg.Group("/muscle psoas minor");
        world.Server.Enqueue(update);
        await world.PumpUntilAsync(s => s.ConfirmedOffset >= 2);

        var sends = world.Server.Calls("sendMessage");
        Assert.All(sends, c => Assert.Equal(Tg.GroupId, c.ChatId));
        Assert.All(sends, c => HtmlAssert.Valid(c.Text));
        Assert.Equal(Tg.MessageId(update), sends[0].Body["reply_parameters"]!["message_id"]!.GetValue<long>());
        var text = AllText(sends);
        Assert.Contains("<b>Psoas minor", text);
        // Both origins, each with its source.
        Assert.Contains("first lumbar vertebra (L1)", text);
        Assert.Contains("T12 to L2", text);
        Assert.Contains("Muscle of the Month: Iliopsoas", text);
        Assert.Contains("The Core of the Matter: Releasing the Iliopsoas and Quadratus Lumborum", text);
        Assert.Contains("Sources disagree", text);
        Assert.DoesNotContain(DisclaimerStart, text);
    }

    [Fact]
    public async Task A_pain_question_carries_the_italic_disclaimer()
    {
        var (world, adapter) = await StartAsync();
        await using var _ = world;
        await using var __ = adapter;
        world.Server.Enqueue(Tg.Private("My psoas hurts when I run, what does the psoas major do?"));
        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count >= 1);
        await world.PumpUntilAsync(s => s.ConfirmedOffset >= 2);

        var sends = world.Server.Calls("sendMessage");
        Assert.All(sends, c => HtmlAssert.Valid(c.Text));
        Assert.Contains("<i>" + DisclaimerStart, AllText(sends));
    }

    [Fact]
    public async Task The_editors_note_and_both_sides_of_a_topic_disagreement_show_in_the_html()
    {
        var (world, adapter) = await StartAsync();
        await using var _ = world;
        await using var __ = adapter;
        world.Server.Enqueue(Tg.Private("what is the innervation of the iliacus"));
        world.Server.Enqueue(Tg.Private("Is the psoas the only muscle connecting the upper and lower body?"));
        await world.PumpUntilAsync(s => s.ConfirmedOffset >= 3);

        var sends = world.Server.Calls("sendMessage");
        Assert.All(sends, c => HtmlAssert.Valid(c.Text));
        var text = System.Net.WebUtility.HtmlDecode(AllText(sends));
        Assert.Contains("[mom]\n  Editors' note: Standard anatomy texts give the femoral nerve as arising from L2-L4", text);
        Assert.Contains("Sources disagree: Is the psoas the only link between the upper and lower body", text);
        Assert.Contains("The massage blog holds that no other muscle joins the upper body to the lower body. [mom]", text);
        Assert.Contains("without claiming it is the only one. [ptclinic]", text);
    }

    [Fact]
    public async Task An_unknown_muscle_gets_the_polite_not_covered_reply()
    {
        var (world, adapter) = await StartAsync();
        await using var _ = world;
        await using var __ = adapter;
        world.Server.Enqueue(Tg.Group("/muscle biceps"));
        await world.PumpUntilAsync(s => s.ConfirmedOffset >= 2);

        var send = Assert.Single(world.Server.Calls("sendMessage"));
        HtmlAssert.Valid(send.Text);
        Assert.Contains("I don't have \"biceps\" in my knowledge base", System.Net.WebUtility.HtmlDecode(send.Text));
        Assert.Contains("Psoas minor", send.Text);
        Assert.DoesNotContain(DisclaimerStart, send.Text);
    }

    [Fact]
    public async Task A_quiz_asked_on_a_muscle_posts_polls_about_that_muscle_without_repeats()
    {
        var (world, adapter) = await StartAsync();
        await using var _ = world;
        await using var __ = adapter;
        var bank = ShippedSnapshot().Quiz;
        var aboutIliacus = bank.Count(q => (q.Question + " " + q.CorrectOption).Contains("iliacus", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(aboutIliacus, 2, bank.Length - 1);

        for (var i = 0; i < aboutIliacus; i++)
        {
            world.Server.Enqueue(Tg.Private("quiz me on the iliacus"));
        }

        await world.PumpUntilAsync(s => s.Calls("sendPoll").Count >= aboutIliacus);

        var polls = world.Server.Calls("sendPoll").Select(c => c.Body).ToList();
        var asked = new List<string>();
        foreach (var poll in polls)
        {
            var question = poll["question"]!.GetValue<string>();
            var correct = poll["options"]![poll["correct_option_ids"]![0]!.GetValue<int>()]!["text"]!.GetValue<string>();
            Assert.Contains("iliacus", question + " " + correct, StringComparison.OrdinalIgnoreCase);
            asked.Add(question);
        }

        // The chat's round holds: every iliacus question once before any comes again.
        Assert.Equal(aboutIliacus, asked.Distinct().Count());
        Assert.Empty(world.Server.Calls("sendMessage"));
    }

    [Fact]
    public async Task Quiz_command_with_a_muscle_in_a_group_posts_a_poll_about_it()
    {
        var (world, adapter) = await StartAsync();
        await using var _ = world;
        await using var __ = adapter;
        world.Server.Enqueue(Tg.Group("/quiz psoas minor"));
        await world.PumpUntilAsync(s => s.Calls("sendPoll").Count >= 1);

        var poll = world.Server.Calls("sendPoll")[0].Body;
        var correct = poll["options"]![poll["correct_option_ids"]![0]!.GetValue<int>()]!["text"]!.GetValue<string>();
        Assert.Contains("psoas minor", poll["question"]!.GetValue<string>() + " " + correct, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Tg.GroupId, world.Server.Calls("sendPoll")[0].ChatId);
    }
}

using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;

namespace AnatomyBot.Core.Tests.Routing;

public sealed class AutocompleteTests
{
    private readonly AnswerEngine _engine = new(new TestProvider(TestKnowledge.Snapshot()));

    [Fact]
    public void Empty_text_offers_the_muscle_names()
    {
        var choices = _engine.Complete("", 25);
        Assert.Equal(["Psoas major", "Psoas minor", "Iliacus", "Iliopsoas"], choices.Select(c => c.Label));
        Assert.Equal(["psoas-major", "psoas-minor", "iliacus", "iliopsoas"], choices.Select(c => c.Value));
    }

    [Fact]
    public void Prefix_matches_come_first()
    {
        var choices = _engine.Complete("ps", 25);
        Assert.Equal("Psoas major", choices[0].Label);
        Assert.Equal("Psoas minor", choices[1].Label);
        Assert.Contains(choices, c => c.Value == "iliopsoas");
        Assert.Equal(choices.Length, choices.Select(c => c.Label).Distinct().Count());
    }

    [Fact]
    public void Typos_complete_to_the_right_muscle()
    {
        Assert.Equal("iliacus", _engine.Complete("illiac", 25)[0].Value);
        Assert.Equal("psoas-minor", _engine.Complete("psoas mn", 25)[0].Value);
    }

    [Fact]
    public void A_later_word_matches_too()
    {
        Assert.Contains(_engine.Complete("minor", 25), c => c.Value == "psoas-minor");
    }

    [Fact]
    public void Limit_is_respected_and_garbage_gives_no_crash()
    {
        Assert.True(_engine.Complete("p", 1).Length <= 1);
        Assert.Empty(_engine.Complete("ps", 0));
        Assert.Empty(_engine.Complete("zzzzqqq", 25));
        _ = _engine.Complete(new string('x', 10_000), 25);
        _ = _engine.Complete("\uD800💪<b>", 25);
    }

    [Fact]
    public void Shipped_sized_base_stays_within_discords_25_choices()
    {
        var muscles = Enumerable.Range(0, 200)
            .Select(i => TestKnowledge.Muscle($"m-{i}", $"Psoasish {i}", [$"psoasish {i}"], new()))
            .ToArray();
        var engine = new AnswerEngine(new TestProvider(TestKnowledge.Snapshot(extraMuscles: muscles)));
        var choices = engine.Complete("ps", 25);
        Assert.Equal(25, choices.Length);
        Assert.All(choices, c => Assert.InRange(c.Label.Length, 1, 100));
    }

    [Fact]
    public void Engine_is_the_completer_port() => Assert.IsAssignableFrom<IMuscleNameCompleter>(_engine);
}

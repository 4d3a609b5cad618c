using AnatomyBot.Core.Knowledge;
using AnatomyBot.Knowledge.Loading;
using static AnatomyBot.Knowledge.Tests.KnowledgeAssert;

namespace AnatomyBot.Knowledge.Tests;

/// <summary>
/// The editors' note on a fact and the disagreements of a topic are validated like every other field:
/// type, length and unknown-field errors name the file, the line and the field.
/// </summary>
public sealed class EditorsNoteAndTopicDisagreementTests : IDisposable
{
    private const string Paradox = """
        id: psoas-paradox
        title: The psoas paradox
        keywords: [paradox, psoas paradox]
        facts:
          - text: The psoas can both increase and decrease lumbar lordosis depending on posture.
            sources: [consumer]
        """;

    private readonly TestKnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_editors_note_is_loaded_with_its_fact_and_kept_apart_from_the_sources()
    {
        _folder.Edit("muscles/iliacus.yaml", "    sources: [mom]\n", "    sources: [mom]\n    editors_note: Standard anatomy texts give the femoral nerve as L2-L4.\n");

        var result = _folder.Load();

        Assert.Empty(result.Errors);
        var fact = result.Snapshot!.Muscles.Single(m => m.Id == "iliacus").Attributes.Values.SelectMany(f => f).First(f => f.EditorsNote is not null);
        Assert.Equal("Standard anatomy texts give the femoral nerve as L2-L4.", fact.EditorsNote);
        Assert.Equal("mom", Assert.Single(fact.Sources));
        Assert.False(fact.IsOpinion);
    }

    [Fact]
    public void Facts_without_a_note_have_none()
    {
        var result = _folder.Load();

        Assert.All(result.Snapshot!.Topics.SelectMany(t => t.Facts), f => Assert.Null(f.EditorsNote));
    }

    [Fact]
    public void An_editors_note_that_is_a_list_is_a_type_error()
    {
        _folder.Write("topics/psoas-paradox.yaml", Paradox + "\n    editors_note: [not, text]\n");

        HasError(_folder.Load(), "topics/psoas-paradox.yaml", 7, "facts[0].editors_note", "expected text, found a list");
    }

    [Fact]
    public void An_empty_editors_note_is_an_error()
    {
        _folder.Write("topics/psoas-paradox.yaml", Paradox + "\n    editors_note: \"\"\n");

        HasError(_folder.Load(), "topics/psoas-paradox.yaml", 7, "facts[0].editors_note", "must not be empty");
    }

    [Fact]
    public void A_too_long_editors_note_names_the_limit()
    {
        var note = new string('x', KnowledgeValidator.MaxEditorsNoteLength + 1);
        _folder.Write("topics/psoas-paradox.yaml", Paradox + $"\n    editors_note: {note}\n");

        HasError(_folder.Load(), "topics/psoas-paradox.yaml", 7, "facts[0].editors_note",
            $"the editors' note is {note.Length} characters; the limit is {KnowledgeValidator.MaxEditorsNoteLength}");
    }

    [Fact]
    public void A_misspelt_editors_note_field_is_an_unknown_field_with_a_suggestion()
    {
        _folder.Write("topics/psoas-paradox.yaml", Paradox + "\n    editor_note: A note.\n");

        HasError(_folder.Load(), "topics/psoas-paradox.yaml", 7, "facts[0].editor_note", "did you mean 'editors_note'?");
    }

    [Fact]
    public void A_summary_cannot_carry_an_editors_note_because_the_card_would_drop_it()
    {
        _folder.Edit("muscles/iliacus.yaml", "  sources: [mom]\norigin:", "  sources: [mom]\n  editors_note: A note.\norigin:");

        var error = Assert.Single(_folder.Load().Errors, e => e.Field == "summary.editors_note");
        Assert.Equal("muscles/iliacus.yaml", error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains("a summary cannot carry an editors' note", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_disagreement_is_loaded_with_every_value_and_its_sources()
    {
        _folder.Write("topics/psoas-paradox.yaml", Paradox + """

            disagreements:
              - note: Does the psoas flex or extend the low back?
                values:
                  - text: One article says it flexes the lumbar spine.
                    sources: [consumer]
                  - text: The blog says it shapes the lumbar curve.
                    sources: [mom]
                    editors_note: A correction in the editors' words.
            """);

        var result = _folder.Load();

        Assert.Empty(result.Errors);
        var disagreement = Assert.Single(result.Snapshot!.Topics.Single(t => t.Id == "psoas-paradox").Disagreements);
        Assert.Equal("Does the psoas flex or extend the low back?", disagreement.Note);
        Assert.Equal([["consumer"], ["mom"]], disagreement.Values.Select(v => v.Sources.ToArray()));
        Assert.Equal("A correction in the editors' words.", disagreement.Values[1].EditorsNote);
    }

    [Fact]
    public void A_topic_without_disagreements_has_none()
    {
        var result = _folder.Load();

        Assert.All(result.Snapshot!.Topics, t => Assert.True(t.Disagreements.IsDefaultOrEmpty));
    }

    [Fact]
    public void A_topic_disagreement_needs_two_values()
    {
        _folder.Write("topics/psoas-paradox.yaml", Paradox + """

            disagreements:
              - note: Only one side.
                values:
                  - text: One article says it flexes the lumbar spine.
                    sources: [consumer]
            """);

        HasError(_folder.Load(), "topics/psoas-paradox.yaml", 10, "disagreements[0].values", "at least two values");
    }

    [Fact]
    public void A_topic_disagreement_needs_two_different_sources_like_a_muscles()
    {
        _folder.Write("topics/psoas-paradox.yaml", Paradox + """

            disagreements:
              - note: Same source twice.
                values:
                  - text: One article says it flexes the lumbar spine.
                    sources: [consumer]
                  - text: The same article says it extends it.
                    sources: [consumer]
            """);

        HasError(_folder.Load(), "topics/psoas-paradox.yaml", 10, "disagreements[0].values",
            "values from at least two different sources (found 1)");
    }

    [Fact]
    public void A_topic_disagreement_is_validated_field_by_field()
    {
        _folder.Write("topics/psoas-paradox.yaml", Paradox + """

            disagreements:
              - notes: Misspelt.
                values:
                  - text: One article says it flexes the lumbar spine.
                    sources: [consumer]
                  - text: The blog says something else.
                    sources: [nobody]
              - just text
            """);

        var result = _folder.Load();

        HasError(result, "topics/psoas-paradox.yaml", 8, "disagreements[0].notes", "did you mean 'note'?");
        HasError(result, "topics/psoas-paradox.yaml", 8, "disagreements[0].note", "missing required field 'note'");
        HasError(result, "topics/psoas-paradox.yaml", 13, "disagreements[0].values[1].sources[0]", "unknown source id 'nobody'");
        HasError(result, "topics/psoas-paradox.yaml", 14, "disagreements[1]", "expected a disagreement with 'note' and 'values'");
    }

    [Fact]
    public void Disagreements_are_a_known_topic_field()
    {
        _folder.Write("topics/psoas-paradox.yaml", Paradox + "\ndisagreement: []\n");

        HasError(_folder.Load(), "topics/psoas-paradox.yaml", 7, "disagreement", "did you mean 'disagreements'?");
    }
}

using System.Text;
using System.Text.Json;
using AnatomyBot.Commands;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Tests;

public sealed class AnswerTextTests
{
    [Fact]
    public void Lone_surrogates_become_replacement_characters_and_pairs_survive()
    {
        var text = "a\uD800b\uDC00c😀d\uD83D";
        Assert.Equal("a\uFFFDb\uFFFDc😀d\uFFFD", AnswerText.Sanitize(text));
        Assert.Same("plain", AnswerText.Sanitize("plain"));
    }

    [Fact]
    public void Limit_cuts_to_the_maximum_without_splitting_a_pair()
    {
        var text = new string('x', 4094) + "😀😀😀";
        var limited = AnswerText.Limit(text);
        Assert.True(limited.Length <= AnswerText.MaxLength);
        Assert.Equal(AnswerText.Sanitize(limited), limited);
        Assert.EndsWith("…", limited);
        Assert.Equal("short", AnswerText.Limit("short"));
    }

    [Fact]
    public void Json_line_has_every_field_in_camel_case_on_one_line_and_is_valid_utf8()
    {
        var reply = new Reply
        {
            Intent = Intent.MuscleAttribute,
            Entity = "iliacus",
            Attribute = MuscleAttribute.Innervation,
            Confidence = 0.87654321,
            Title = "Iliacus: innervation",
            Sections = [new ReplySection(null, "Femoral nerve.\nSecond line")],
            Sources = [new Source("mom", "Muscle of the Month", "blog")],
            Disclaimer = "Not medical advice.",
            Suggestions = ["psoas major"],
        };

        var line = AnswerJson.From("what \uD800 nerve", reply).ToJsonLine();

        Assert.DoesNotContain('\n', line);
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.Equal(line, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        using var doc = JsonDocument.Parse(bytes);
        var root = doc.RootElement;
        Assert.Equal(
            ["question", "intent", "entity", "confidence", "text", "disclaimer", "sources", "suggestions", "facts"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("what \uFFFD nerve", root.GetProperty("question").GetString());
        Assert.Equal("muscle-attribute", root.GetProperty("intent").GetString());
        Assert.Equal(0.8765, root.GetProperty("confidence").GetDouble());
        Assert.DoesNotContain("Not medical advice", root.GetProperty("text").GetString());
        Assert.Equal("Not medical advice.", root.GetProperty("disclaimer").GetString());
        Assert.Equal("mom", root.GetProperty("sources")[0].GetProperty("id").GetString());
        Assert.Equal("Muscle of the Month", root.GetProperty("sources")[0].GetProperty("title").GetString());
        Assert.Equal("psoas major", root.GetProperty("suggestions")[0].GetString());
    }

    [Theory]
    [InlineData(Intent.DidYouMean, "did-you-mean")]
    [InlineData(Intent.OffTopic, "off-topic")]
    [InlineData(Intent.Muscle, "muscle")]
    [InlineData(Intent.UnknownMuscle, "unknown-muscle")]
    public void Intent_names_are_kebab_case(Intent intent, string expected) => Assert.Equal(expected, AnswerJson.IntentName(intent));

    [Fact]
    public void Null_disclaimer_and_default_arrays_serialise_as_null_and_empty()
    {
        var reply = new Reply
        {
            Intent = Intent.Empty,
            Confidence = 0,
            Title = "",
            Sources = default,
            Suggestions = default,
        };
        using var doc = JsonDocument.Parse(AnswerJson.From("", reply).ToJsonLine());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("disclaimer").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("entity").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("sources").GetArrayLength());
        Assert.Equal(0, doc.RootElement.GetProperty("suggestions").GetArrayLength());
    }
}

using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;

namespace AnatomyBot.Core.Tests.Routing;

public sealed class BadInputTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "empty", "" },
        { "whitespace", " \t\r\n \u00A0 " },
        { "20,000 characters", string.Concat(Enumerable.Repeat("psoas major origin insertion nerve ", 600))[..20_000] },
        { "20,000 letters no spaces", new string('a', 20_000) },
        { "control characters", "\u0000\u0001\u0002psoas\u0007\u0008\u001b[2J\u007f major" },
        { "emoji", "💪🦴🔥 psoas 👍🏽 👨‍👩‍👧 origin?" },
        { "right-to-left", "\u202Eما هو العضلة القطنية\u202C שלום iliacus" },
        { "html", "<script>alert('x')</script><img src=x onerror=alert(1)><b>psoas</b> &lt;minor&gt;" },
        { "lone high surrogate", "psoas \uD83D major" },
        { "lone low surrogate", "\uDE00iliacus\uDE00" },
        { "reversed pair", "\uDE00\uD83D" },
        { "unclosed tag", "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<" + new string('<', 5000) },
        { "mention spam", "@everyone @here <@&123> psoas" },
        { "only punctuation", "?!?!...,,;;::" },
        { "slash only", "/" },
        { "command with huge argument", "/muscle " + new string('z', 19_000) },
        { "command with emoji", "/ask 💪💪💪" },
        { "null char command", "/\u0000help" },
        { "huge markdown", string.Concat(Enumerable.Repeat("**__~~||`", 2500)) },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Gets_a_reply_without_exception_and_within_the_limit(string name, string input)
    {
        _ = name;
        var engine = new AnswerEngine(new TestProvider(TestKnowledge.Snapshot()));
        var reply = engine.Answer(new IncomingMessage(TypedLine.Parse(input), "telegram", "u", "c"));
        Assert.NotNull(reply);
        var text = ReplyText.ToPlainText(reply);
        Assert.InRange(text.Length, 1, ShortAnswer.MaxChars);
        Assert.InRange(reply.Confidence, 0, 1);
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_input_is_answered()
    {
        // How fast is measured in RouteBenchmarks, never with a timer here.
        var engine = new AnswerEngine(new TestProvider(TestKnowledge.Snapshot()));
        var input = string.Concat(Enumerable.Repeat("psaos mnior ilacus orgin ", 1000));
        for (var i = 0; i < 3; i++)
        {
            var reply = engine.Answer(new IncomingMessage(TypedLine.Parse(input), "console", "u", "c"));
            Assert.False(string.IsNullOrWhiteSpace(ReplyText.ToPlainText(reply)));
        }
    }
}

using AnatomyBot.Commands;

namespace AnatomyBot.Tests;

public sealed class BoundedLineReaderTests
{
    private static async Task<List<InputLine>> ReadAll(string text, int max = 16)
    {
        var reader = new BoundedLineReader(new StringReader(text), max);
        var lines = new List<InputLine>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb", new[] { "a", "b" })]
    [InlineData("a\rb\n", new[] { "a\rb" })]
    [InlineData("\n\n", new[] { "", "" })]
    [InlineData("", new string[0])]
    [InlineData("a\r", new[] { "a" })]
    public async Task Lines_end_at_lf_or_crlf_only(string text, string[] expected)
    {
        var lines = await ReadAll(text);

        Assert.Equal(expected, lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.False(l.TooLong));
    }

    [Fact]
    public async Task A_line_over_the_cap_is_flagged_cut_and_the_next_line_is_intact()
    {
        var lines = await ReadAll(new string('x', 10_000) + "\r\nnext\n", max: 16);

        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].TooLong);
        Assert.Equal(16, lines[0].Text.Length);
        Assert.Equal(new InputLine("next", false), lines[1]);
    }

    [Fact]
    public async Task A_line_of_exactly_the_cap_is_not_too_long()
    {
        var lines = await ReadAll(new string('x', 16) + "\r\n", max: 16);

        Assert.Equal(new InputLine(new string('x', 16), false), Assert.Single(lines));
    }
}

using AnatomyBot.Embeddings;
using AnatomyBot.Hosting;

namespace AnatomyBot.Tests;

/// <summary><c>Answering:ModelPrecision</c>: the two names are accepted in any case; anything else stops the start with the key named.</summary>
public sealed class AnsweringOptionsTests
{
    [Theory]
    [InlineData("Int8", ModelPrecision.Int8)]
    [InlineData("int8", ModelPrecision.Int8)]
    [InlineData(" Float ", ModelPrecision.Float)]
    public void A_named_precision_is_accepted(string value, ModelPrecision expected)
    {
        Assert.Equal(expected, AnsweringOptions.ParsePrecision(value));
        Assert.True(new AnsweringOptionsValidator().Validate(null, new AnsweringOptions { ModelPrecision = value }).Succeeded);
    }

    [Theory]
    [InlineData("fp16")]
    [InlineData("1")]
    [InlineData("")]
    public void Anything_else_fails_with_a_message_naming_the_key(string value)
    {
        var result = new AnsweringOptionsValidator().Validate(null, new AnsweringOptions { ModelPrecision = value });
        Assert.True(result.Failed);
        Assert.Contains("Answering:ModelPrecision must be Int8 or Float", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Int8_is_the_default() => Assert.Equal(ModelPrecision.Int8, AnsweringOptions.ParsePrecision(new AnsweringOptions().ModelPrecision));

    [Fact]
    public async Task A_bad_precision_stops_the_start_and_names_the_key()
    {
        var run = await AppRunner.RunAsync(["ask", "psoas"], settings: new Dictionary<string, string?> { ["Answering:ModelPrecision"] = "half" });
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Answering:ModelPrecision", run.Output + run.Error, StringComparison.Ordinal);
    }
}

using System.Buffers.Binary;
using AnatomyBot.Core.Study;
using AnatomyBot.Testing;

namespace AnatomyBot.Charts.Tests;

public sealed class ProgressChartTests
{
    internal static ProgressReport Sample() => new(
        Answered: 41,
        Correct: 28,
        Areas: [new AreaAccuracy("anatomy", 20, 16), new AreaAccuracy("function", 13, 9), new AreaAccuracy("clinical", 8, 3)],
        StreakDays: 4,
        ReviewsDueToday: 5,
        Weakest: [],
        Today: new DateOnly(2026, 11, 30));

    [Fact]
    public void Renders_a_valid_png_of_the_expected_size()
    {
        var png = ProgressChart.RenderPng(Sample());

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(ProgressChart.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(ProgressChart.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
        // A chart with text and bars, not a blank canvas (a blank 800x480 PNG compresses to a few hundred bytes).
        Assert.InRange(png.Length, 8_000, 400_000);
    }

    [Fact]
    public void The_same_data_gives_the_same_bytes_and_other_data_other_bytes()
    {
        var first = ProgressChart.RenderPng(Sample());
        var second = ProgressChart.RenderPng(Sample());
        Assert.Equal(first, second);

        var changed = Sample() with { Areas = [new AreaAccuracy("anatomy", 20, 4), new AreaAccuracy("function", 13, 9), new AreaAccuracy("clinical", 8, 3)] };
        Assert.NotEqual(first, ProgressChart.RenderPng(changed));
    }

    [Fact]
    public void A_student_with_no_answers_gets_a_chart_too()
    {
        var empty = Sample() with { Answered = 0, Correct = 0, Areas = [new AreaAccuracy("anatomy", 0, 0), new AreaAccuracy("function", 0, 0), new AreaAccuracy("clinical", 0, 0)] };
        var png = ProgressChart.RenderPng(empty);
        if (Environment.GetEnvironmentVariable("ANATOMYBOT_WRITE_CHART") == "1")
        {
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "progress-chart-empty.png"), png);
        }

        Assert.Equal(ProgressChart.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }

    /// <summary>Writes the guide's picture (docs/images/progress-chart.png) when asked: ANATOMYBOT_WRITE_CHART=1.</summary>
    [Fact]
    public void Writes_the_docs_picture_when_asked()
    {
        if (Environment.GetEnvironmentVariable("ANATOMYBOT_WRITE_CHART") != "1")
        {
            return;
        }

        var path = Path.Combine(RepositoryPaths.Root, "docs", "images", "progress-chart.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ProgressChart.RenderPng(Sample()));
    }
}

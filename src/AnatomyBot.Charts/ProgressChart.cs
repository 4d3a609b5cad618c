using System.Globalization;
using AnatomyBot.Core.Study;
using ScottPlot;

namespace AnatomyBot.Charts;

/// <summary>
/// Draws the /progress chart: accuracy per quiz area as horizontal bars, one PNG sized for a phone screen (the chat
/// apps show it at about the width of the screen, so the text is large and there is nothing but the bars, their
/// values, a title and the two axis labels).
/// </summary>
public static class ProgressChart
{
    public const int Width = 800;
    public const int Height = 480;
    public const string FontName = "DejaVu Sans";

    private static readonly Lock FontGate = new();
    private static bool _fontsAdded;

    /// <summary>The chart as PNG bytes. The same report always gives the same bytes.</summary>
    public static byte[] RenderPng(ProgressReport report)
    {
        EnsureFonts();
        var plot = new Plot();
        plot.Font.Set(FontName);

        var areas = report.Areas;
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < areas.Length; i++)
        {
            var area = areas[i];
            // Top to bottom in the bank's order: the first area gets the highest position.
            var position = areas.Length - 1 - i;
            var percent = Math.Round(area.Accuracy * 100);
            bars.Add(new Bar
            {
                Position = position,
                Value = percent,
                FillColor = area.Answered == 0 ? Colors.LightGray : Color.FromHex("#2E6FB7"),
                LineWidth = 0,
                Label = area.Answered == 0
                    ? "no answers yet"
                    : string.Create(CultureInfo.InvariantCulture, $"{percent:0}% of {area.Answered}"),
                Size = 0.6,
            });
            ticks.Add(new Tick(position, Capitalize(area.Area)));
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 30;
        barPlot.ValueLabelStyle.FontName = FontName;
        barPlot.ValueLabelStyle.ForeColor = Color.FromHex("#222222");

        plot.Title("Your quiz accuracy by area", size: 36);
        plot.Axes.Title.Label.FontName = FontName;
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel("Correct answers (%)", size: 30);
        plot.YLabel("Area", size: 30);

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.TickLabelStyle.FontSize = 30;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [new Tick(0, "0"), new Tick(50, "50"), new Tick(100, "100")]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 28;
        // Room to the right of a full bar for its label.
        plot.Axes.SetLimitsX(0, 135);
        plot.Axes.SetLimitsY(-0.6, Math.Max(areas.Length, 1) - 0.4);
        plot.HideGrid();
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string Capitalize(string area) =>
        area.Length == 0 ? "(none)" : char.ToUpperInvariant(area[0]) + area[1..];

    private static void EnsureFonts()
    {
        lock (FontGate)
        {
            if (_fontsAdded)
            {
                return;
            }

            var folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
            Fonts.AddFontFile(FontName, Path.Combine(folder, "DejaVuSans.ttf"), bold: false, italic: false);
            Fonts.AddFontFile(FontName, Path.Combine(folder, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
            _fontsAdded = true;
        }
    }
}

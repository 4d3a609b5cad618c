using AnatomyBot.Core.Study;

namespace AnatomyBot.Charts;

/// <summary>The /progress chart port on <see cref="ProgressChart"/> (ScottPlot).</summary>
public sealed class ScottPlotProgressChart : IProgressChart
{
    public byte[] RenderPng(ProgressReport report) => ProgressChart.RenderPng(report);
}

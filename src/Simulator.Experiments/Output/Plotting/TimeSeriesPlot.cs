using System.Globalization;
using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// <c>timeseries</c>: the queue length or the GPU memory in use over simulated time in replication 0 of a point,
/// one step line per strategy, each a mean per window; the end of the warm-up marked. Where a world has several
/// sites, the kind says that the levels are their sum.
/// </summary>
/// <param name="over">How the kind's level reads ("" for one site, ", all cloudlets together" for their sum).</param>
public sealed class TimeSeriesPlot(string over = "") : PlotKind("timeseries")
{
    /// <summary>The levels a time series draws.</summary>
    public static readonly IReadOnlyList<string> Levels = new[] { "queue_length", "gpu_memory" };

    public override string Shows => "a site's queue length or GPU memory over simulated time";

    public override string DefaultY(MetricSet metrics) => Levels[0];

    public override string NotOffered(ScenarioKind kind, string y, IEnumerable<ScenarioKind> offering) =>
        $"a {kind.Name} scenario simulates no time at a site: it has no '{y}' over time to plot.";

    public override void Check(PlotSpec plot, PlotCheck check, YamlDoc at)
    {
        if (!Levels.Contains(plot.Y)) throw at.Error($"a timeseries plot shows queue_length or gpu_memory, not '{plot.Y}'.");
        base.Check(plot, check, at);
    }

    public override string Draw(Plot plot, PlotContext c, PlotSpec p)
    {
        var spec = c.Spec;
        var point = c.PointAt(p);
        var traces = c.Traces(point);
        double end = spec.HorizonSeconds, width = RunTrace.WindowSeconds(end);
        bool memory = p.Y == "gpu_memory";
        var levels = traces.Select(t => memory ? t.GpuBytes : t.QueueLength).ToArray();
        // GPU memory in the unit of what is used (not of the device's capacity): the axis spans 0 to the peak window.
        double peak = levels.SelectMany(l => l.Select(x => x.Mean)).DefaultIfEmpty(0).Max();
        var (unit, scale) = memory ? MetricUnit.ByteScale(peak) : ("", 1.0);
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            var means = levels[s];
            // A last point at the end closes the final window's step.
            var line = plot.Add.Scatter(means.Select(x => x.Start).Append(end).ToArray(), means.Select(x => x.Mean / scale).Append(means[^1].Mean / scale).ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = PlotContext.Colour(s);
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.LegendText = spec.Strategies[s].Label;
        }
        if (spec.WarmupSeconds > 0)
        {
            var warmup = plot.Add.VerticalLine(spec.WarmupSeconds);
            warmup.Color = Colors.Black.WithAlpha(0.6);
            warmup.LinePattern = LinePattern.Dashed;
            warmup.LegendText = "end of the warm-up (not measured before)";
        }
        string every = width.ToString("0.###", CultureInfo.InvariantCulture);
        plot.Title(PlotText.Wrap(PlotContext.Titled($"{(memory ? "GPU memory in use" : "queue length")}{over} over time, mean per {every} s (replication 0)", point)));
        plot.XLabel("simulated time (s)");
        plot.YLabel(memory ? $"GPU memory in use, {every} s mean ({unit})" : $"queued requests, {every} s mean");
        plot.Axes.SetLimitsY(0, Math.Max(peak / scale, 1e-9) * 1.08);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return p.Y;
    }
}

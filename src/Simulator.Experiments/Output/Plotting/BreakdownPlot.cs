using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// <c>breakdown</c>: a served request's latency (or delay) along its critical path, its parts stacked per strategy at
/// one point (they add up to its mean on every timeline), with the measured mean marked over each stack. The
/// scenario kind names the parts its world has (a network of sites adds the selector's window and the pull; the
/// network's delay is its pull, queueing, inference and transmission).
/// </summary>
/// <param name="quantity">What the parts add up to, as titles and legends name it: "latency" or "delay".</param>
public sealed class BreakdownPlot(string quantity, IReadOnlyList<(Metric Part, string Words)> parts, Metric total) : PlotKind("breakdown")
{
    public override (bool X, bool Y) LogAllowed => (false, false);

    public override string Shows => $"the {quantity} of the served requests at one sweep point, stacked along its critical path per strategy";

    public override bool TakesY => false;

    public override string DefaultY(MetricSet metrics) => total.Name;

    public override string Draw(Plot plot, PlotContext c, PlotSpec p)
    {
        var point = c.PointAt(p);
        var metrics = parts.Select(x => c.Metric(x.Part.Name)).ToArray();
        var y = BarChart.Draw(plot, c, point, metrics, c.Metric(total.Name), parts.Select(x => x.Words).ToArray(), p);
        double Mean(int s, string metric) => c.Summaries[(point.Index, s, metric)].Mean is var m && double.IsNaN(m) ? 0 : m;
        // The measured mean over each stack: the parts add up to it, and a reader sees that they do.
        for (int s = 0; s < c.Spec.Strategies.Count; s++)
        {
            var mark = plot.Add.Line(s - 0.45, y.Convert(Mean(s, total.Name)), s + 0.45, y.Convert(Mean(s, total.Name)));
            mark.Color = Colors.Black;
            mark.LineWidth = 2;
            mark.LinePattern = LinePattern.Dashed;
            if (s == 0) mark.LegendText = $"mean {quantity} (measured)";
        }
        plot.Title(PlotText.Wrap(PlotContext.Titled($"{quantity} along the critical path (stacked means over {c.Replications(point)})", point)));
        plot.YLabel((y with { Words = quantity }).Header);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return "breakdown";
    }
}

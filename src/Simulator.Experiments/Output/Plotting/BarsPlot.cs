namespace Simulator.Experiments;

/// <summary>
/// <c>bars</c>: a metric per strategy at one sweep point, with its 95 % interval as whiskers; with <c>x</c> a swept
/// setting (a disk, a model: values that are not numbers on an axis), grouped by its values in one figure. A kind may
/// offer it under another name with its metric fixed (<c>bytes-saved</c>).
/// </summary>
public sealed class BarsPlot : PlotKind
{
    private readonly Metric? fixedMetric;

    public BarsPlot() : base("bars") { }

    /// <summary>Bars of one metric under a name of their own.</summary>
    public BarsPlot(string name, Metric metric) : base(name) => fixedMetric = metric;

    public override (bool X, bool Y) LogAllowed => (false, false);

    public override bool TakesX => true;

    public override string Shows => fixedMetric is null ? "a metric per strategy at one sweep point" : $"{fixedMetric.Words} per strategy at one sweep point";

    public override bool TakesY => fixedMetric is null;

    public override string DefaultY(MetricSet metrics) => fixedMetric?.Name ?? base.DefaultY(metrics);

    public override void Check(PlotSpec plot, PlotCheck check, YamlDoc at)
    {
        if (plot.X is null)
        {
            base.Check(plot, check, at);
            return;
        }
        CheckY(plot.Y, check.Kind, at);
        if (check.Sweep.All(a => a.Path != plot.X))
            throw at.Error(NotSwept("plot x", plot.X, check.Sweep));
        var others = check.Sweep.Select(a => a.Path).Where(path => path != plot.X && !plot.At.ContainsKey(path)).ToArray();
        if (others.Length > 0) throw at.Error($"grouped bars over {plot.X} show one value of every other swept setting: fix {string.Join(", ", others)} with at.");
        if (check.Points.Count(pt => pt.Matches(plot.At)) == 0) throw at.Error($"plot at: {{{string.Join(", ", plot.At.Select(a => $"{a.Key}: {a.Value}"))}}} matches no sweep point.");
    }

    public override string Draw(ScottPlot.Plot plot, PlotContext c, PlotSpec p)
    {
        var metric = c.Metric(fixedMetric?.Name ?? p.Y);
        if (p.X is { } x)
        {
            var points = c.Spec.Points.Where(pt => pt.Matches(p.At)).ToArray();
            var g = BarChart.Grouped(plot, c, points, x, metric, p);
            plot.Title(PlotText.Wrap($"{g.Words} per strategy and {PlotText.Words(x)}{PlotContext.Fixed(p)} (mean over {c.Replications(points)}, {PlotContext.Interval(metric)})"));
            plot.YLabel(g.Header);
            plot.ShowLegend(ScottPlot.Edge.Right);
            return $"{metric.Name}-by-{x.Split('.').Last()}";
        }
        var point = c.PointAt(p);
        var y = BarChart.Draw(plot, c, point, new[] { metric }, metric, null, p);
        plot.Title(PlotText.Wrap(PlotContext.Titled($"{y.Words} per strategy (mean over {c.Replications(point)}, {PlotContext.Interval(metric)})", point)));
        plot.YLabel(y.Header);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return metric.Name;
    }
}

namespace Simulator.Experiments;

/// <summary><c>bars</c>: a metric per strategy at one sweep point, with its 95 % interval as whiskers; a kind may offer it under another name with its metric fixed (<c>bytes-saved</c>).</summary>
public sealed class BarsPlot : PlotKind
{
    private readonly Metric? fixedMetric;

    public BarsPlot() : base("bars") { }

    /// <summary>Bars of one metric under a name of their own.</summary>
    public BarsPlot(string name, Metric metric) : base(name) => fixedMetric = metric;

    public override string Shows => fixedMetric is null ? "a metric per strategy at one sweep point" : "a site's latencies or loading";

    public override string DefaultY(MetricSet metrics) => fixedMetric?.Name ?? base.DefaultY(metrics);

    public override void Check(PlotSpec plot, PlotCheck check, YamlDoc at)
    {
        CheckMetric(plot.Y, check, at);
        base.Check(plot, check, at);
    }

    public override string Draw(ScottPlot.Plot plot, PlotContext c, PlotSpec p)
    {
        var point = c.PointAt(p);
        var metric = c.Metric(fixedMetric?.Name ?? p.Y);
        var y = BarChart.Draw(plot, c, point, new[] { metric }, metric, null);
        plot.Title(PlotText.Wrap(PlotContext.Titled($"{y.Words} per strategy (mean over {c.Replications(point)}, 95 % interval)", point)));
        plot.YLabel(y.Header);
        return metric.Name;
    }
}

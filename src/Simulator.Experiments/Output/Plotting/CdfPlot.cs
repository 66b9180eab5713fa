namespace Simulator.Experiments;

/// <summary><c>cdf</c>: the latency distribution of the requests served in replication 0 of a point, one line per strategy (binned, 0.5 %).</summary>
public sealed class CdfPlot() : PlotKind("cdf")
{
    public override string Shows => "a site's latencies or loading";

    public override string DefaultY(MetricSet metrics) => "latency";

    public override string Draw(ScottPlot.Plot plot, PlotContext c, PlotSpec p)
    {
        var point = c.PointAt(p);
        var traces = c.Traces(point);
        for (int s = 0; s < c.Spec.Strategies.Count; s++)
        {
            var cdf = traces[s].LatencyCdf;
            if (cdf.Count == 0) continue;
            var line = plot.Add.Scatter(cdf.Select(x => x.Latency).ToArray(), cdf.Select(x => x.Fraction).ToArray());
            line.Color = PlotContext.Colour(s);
            line.MarkerSize = 0;
            line.LegendText = c.Spec.Strategies[s].Label;
        }
        plot.Title(PlotText.Wrap(PlotContext.Titled("latency CDF of served requests (replication 0, bins of 0.5 %)", point)));
        plot.XLabel("latency (s)");
        plot.YLabel("fraction of served requests");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return "latency-cdf";
    }
}

namespace Simulator.Experiments;

/// <summary><c>outcomes</c>: what became of the requests that arrived after the warm-up, stacked per strategy at one point (they add up to the arrivals).</summary>
public sealed class OutcomesPlot(IReadOnlyList<Metric> outcomes) : PlotKind("outcomes")
{
    public override (bool X, bool Y) LogAllowed => (false, false);

    public override string Shows => $"what became of the requests at one sweep point ({string.Join(", ", outcomes.Select(m => m.Words))}), stacked per strategy";

    public override bool TakesY => false;

    public override string DefaultY(MetricSet metrics) => outcomes[0].Name;

    public override string Draw(ScottPlot.Plot plot, PlotContext c, PlotSpec p)
    {
        var point = c.PointAt(p);
        var metrics = outcomes.Select(m => c.Metric(m.Name)).ToArray();
        BarChart.Draw(plot, c, point, metrics, metrics[0], metrics.Select(m => m.Words).ToArray(), p);
        plot.Title(PlotText.Wrap(PlotContext.Titled($"what became of the requests (stacked means over {c.Replications(point)})", point)));
        plot.YLabel("requests arrived after the warm-up");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return "outcomes";
    }
}

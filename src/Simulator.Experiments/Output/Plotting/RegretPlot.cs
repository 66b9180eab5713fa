namespace Simulator.Experiments;

/// <summary><c>regret</c>: a learner's cumulative regret R(t) at its checkpoints over the rounds, one line per strategy with its 95 % band across replications.</summary>
/// <param name="checkpoints">The metric at each fraction of the rounds, in order, the last at all of them.</param>
/// <param name="rounds">The metric that counts the rounds.</param>
public sealed class RegretPlot(IReadOnlyList<(Metric Regret, double Fraction)> checkpoints, Metric rounds) : PlotKind("regret")
{
    public override string Shows => "a learner's cumulative regret over the rounds";

    public override string DefaultY(MetricSet metrics) => checkpoints[^1].Regret.Name;

    public override string NotOffered(ScenarioKind kind, string y, IEnumerable<ScenarioKind> offering) =>
        $"a regret plot needs the online metrics of a {string.Join(" or ", offering.Select(k => k.Name))} scenario; a {kind.Name} scenario has none.";

    public override string Draw(ScottPlot.Plot plot, PlotContext c, PlotSpec p)
    {
        var point = c.PointAt(p);
        double total = c.Summaries[(point.Index, 0, rounds.Name)].Mean;
        var xs = checkpoints.Select(x => Math.Max(1, Math.Floor(total * x.Fraction))).ToArray();
        for (int s = 0; s < c.Spec.Strategies.Count; s++)
            PlotContext.BandedLine(plot, xs, checkpoints.Select(x => PlotContext.Converted(c.Summaries[(point.Index, s, x.Regret.Name)], v => v)).ToArray(), s, 0, c.Spec.Strategies[s].Label);
        plot.Title(PlotText.Wrap(PlotContext.Titled($"cumulative regret R(t) (mean over {c.Replications(point)}, 95 % interval)", point)));
        plot.XLabel("round t (requests served)");
        plot.YLabel("cumulative regret (penalty units)");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return "regret";
    }
}

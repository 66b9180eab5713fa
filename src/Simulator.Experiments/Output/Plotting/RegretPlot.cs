using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// <c>regret</c>: a learner's cumulative regret R(t) at its checkpoints over the rounds, one line per strategy with
/// its 95 % band across replications, on log-log axes by default, where R(t) ~ t^a is a straight line: each
/// strategy's fitted exponent a (the <c>regret_exponent</c> metric) is drawn through its last checkpoint, dotted.
/// </summary>
/// <param name="checkpoints">The metric at each fraction of the rounds, in order, the last at all of them.</param>
/// <param name="rounds">The metric that counts the rounds.</param>
/// <param name="exponent">The fitted exponent of R(t) ~ t^a.</param>
public sealed class RegretPlot(IReadOnlyList<(Metric Regret, double Fraction)> checkpoints, Metric rounds, Metric exponent) : PlotKind("regret")
{
    public override (bool X, bool Y) LogAllowed => (true, true);

    public override string Shows => "a learner's cumulative regret over the rounds";

    public override bool TakesY => false;

    public override string DefaultY(MetricSet metrics) => checkpoints[^1].Regret.Name;

    public override string NotOffered(ScenarioKind kind, string y, IEnumerable<ScenarioKind> offering) =>
        $"a regret plot needs the online metrics of a {string.Join(" or ", offering.Select(k => k.Name))} scenario; a {kind.Name} scenario has none.";

    public override string Draw(Plot plot, PlotContext c, PlotSpec p)
    {
        var point = c.PointAt(p);
        double total = c.Summaries[(point.Index, 0, rounds.Name)].Mean;
        var xs = checkpoints.Select(x => Math.Max(1, Math.Floor(total * x.Fraction))).ToArray();
        for (int s = 0; s < c.Spec.Strategies.Count; s++)
        {
            var stats = checkpoints.Select(x => PlotContext.Converted(c.Summaries[(point.Index, s, x.Regret.Name)], v => v)).ToArray();
            c.BandedLine(plot, xs, stats, s, 0, c.Spec.Strategies[s].Label, checkpoints[^1].Regret);
            double a = c.Summaries[(point.Index, s, exponent.Name)].Mean, last = stats[^1].Mean;
            if (c.Styles.Bound(s) || !double.IsFinite(a) || !(last > 0)) continue;
            // R(t) = R(T) (t / T)^a: the fit through the last checkpoint, over the rounds the checkpoints span.
            var fitX = Enumerable.Range(0, 25).Select(i => xs[0] * Math.Pow(xs[^1] / xs[0], i / 24.0)).ToArray();
            var (fx, fy) = c.Scale.Points(fitX, fitX.Select(t => last * Math.Pow(t / xs[^1], a)).ToArray());
            var fit = plot.Add.Scatter(fx, fy);
            fit.Color = c.Styles.Colour(s);
            fit.LinePattern = LinePattern.Dotted;
            fit.MarkerShape = MarkerShape.None;
            fit.LegendText = $"{c.Spec.Strategies[s].Label}: fit t^{a:0.00}";
        }
        plot.Title(PlotText.Wrap(PlotContext.Titled($"cumulative regret R(t) (mean over {c.Replications(point)}, {PlotContext.Interval(checkpoints[^1].Regret)}); dotted: R(t) ~ t^a fitted{c.Scale.Note}", point)));
        plot.XLabel("round t (requests served)");
        plot.YLabel("cumulative regret (penalty units)");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return "regret";
    }
}

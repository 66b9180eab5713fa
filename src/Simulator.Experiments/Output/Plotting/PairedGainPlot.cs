using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// <c>paired-gain</c>, the headline claim: each strategy's paired difference to the baseline over a swept value,
/// the mean with its paired 95 % interval as a band, and zero marked, so a gain that includes it is seen to.
/// </summary>
public sealed class PairedGainPlot() : PlotKind("paired-gain")
{
    public override (bool X, bool Y) LogAllowed => (true, false);

    public override string Shows => "each strategy's paired difference to the baseline over a swept setting, with its paired 95 % interval";

    public override bool AlongX => true;

    public override void Check(PlotSpec plot, PlotCheck check, YamlDoc at)
    {
        if (!check.HasBaseline) throw at.Error("a paired-gain plot shows each strategy's paired difference to the baseline: name a baseline.");
        base.Check(plot, check, at);
    }

    public override string Draw(Plot plot, PlotContext c, PlotSpec p)
    {
        var spec = c.Spec;
        string x = p.X!;
        var paired = ResultWriter.Paired(spec, c.Records).Where(r => r.Metric == p.Y).ToDictionary(r => (r.Point, r.Strategy), r => r.Paired.Difference);
        var lines = c.Lines(p, x);
        var series = lines.SelectMany(line => Enumerable.Range(0, spec.Strategies.Count).Where(s => spec.Strategies[s].Label != spec.Baseline)
            .Select(s => (line, s, shown: line.Points.Where(pt => paired.ContainsKey((pt.Index, s))).ToArray()))).ToArray();
        var y = c.Metric(p.Y).Shown(series.SelectMany(v => v.shown.Select(pt => paired[(pt.Index, v.s)].Mean)));
        var (xLabel, toX) = PlotText.Axis(x, spec.SweptUnits.TryGetValue(x, out var kind) ? kind : null, spec.Points.Select(pt => PlotContext.Number(pt.Labels[x])));
        foreach (var (line, s, shown) in series)
            c.BandedLine(plot, shown.Select(pt => toX(PlotContext.Number(pt.Labels[x]))).ToArray(), shown.Select(pt => PlotContext.Converted(paired[(pt.Index, s)], y.Convert)).ToArray(), s, line.Group, PlotContext.Named(spec.Strategies[s].Label, line.Label));
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black.WithAlpha(0.6);
        zero.LinePattern = LinePattern.Dashed;
        plot.Title(PlotText.Wrap($"{y.Words} minus {spec.Baseline}'s against {PlotText.Words(x)}{PlotContext.Fixed(p)}{c.Paired(p, x)}, paired over the same replications (mean over {c.Replications(lines)}, paired Student-t 95 % interval){c.Scale.Note}"));
        plot.XLabel(xLabel);
        plot.YLabel($"difference in {y.Header}");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return $"{p.Y}-gain-vs-{x.Split('.').Last()}";
    }
}

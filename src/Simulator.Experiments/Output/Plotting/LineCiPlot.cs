namespace Simulator.Experiments;

/// <summary><c>line-ci</c>: a metric over a swept setting, one line per strategy (and value of the other swept settings) with its 95 % interval as a band.</summary>
public sealed class LineCiPlot() : PlotKind("line-ci")
{
    public override string Shows => "a metric over a swept setting, one line per strategy with its 95 % interval as a band";

    public override bool AlongX => true;

    public override string Draw(ScottPlot.Plot plot, PlotContext c, PlotSpec p)
    {
        var spec = c.Spec;
        var metric = c.Metric(p.Y);
        string x = p.X!;
        var lines = c.Lines(p, x);
        var series = lines.SelectMany(line => Enumerable.Range(0, spec.Strategies.Count).Select(s => (line, s, stats: line.Points.Select(pt => c.Summaries[(pt.Index, s, p.Y)]).ToArray()))).ToArray();
        var y = metric.Shown(series.SelectMany(v => v.stats.Select(st => st.Mean)));
        var (xLabel, toX) = PlotText.Axis(x, spec.SweptUnits.TryGetValue(x, out var kind) ? kind : null, spec.Points.Select(pt => PlotContext.Number(pt.Labels[x])));
        foreach (var (line, s, stats) in series)
            c.BandedLine(plot, line.Points.Select(pt => toX(PlotContext.Number(pt.Labels[x]))).ToArray(), stats.Select(v => PlotContext.Converted(v, y.Convert)).ToArray(), s, line.Group, PlotContext.Named(spec.Strategies[s].Label, line.Label), metric);
        plot.Title(PlotText.Wrap($"{y.Words} against {PlotText.Words(x)}{PlotContext.Fixed(p)}{c.Paired(p, x)} (mean over {c.Replications(lines)}, {PlotContext.Interval(metric)}){c.Scale.Note}"));
        plot.XLabel(xLabel);
        plot.YLabel(y.Header);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return $"{p.Y}-vs-{x.Split('.').Last()}";
    }
}

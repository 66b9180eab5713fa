using System.Globalization;
using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// <c>timeseries</c>: a level (a queue's length, memory in use) over simulated time at a point, one step line per
/// strategy: each window's mean over every replication, with a band of its 95 % interval across them; the end of
/// the warm-up marked. The scenario kind declares the levels its world has (where a world has several sites, a
/// site's level says that it is their sum).
/// </summary>
/// <param name="levels">The levels the kind's traced runs keep; the first is drawn when the plot gives no y.</param>
public sealed class TimeSeriesPlot(IReadOnlyList<Level> levels) : PlotKind("timeseries")
{
    /// <summary>The levels this time series draws, as the kind declares them.</summary>
    public IReadOnlyList<Level> Levels => levels;

    public override (bool X, bool Y) LogAllowed => (true, true);

    public override string Shows => $"a level over simulated time ({string.Join("; ", levels.Select(l => l.Words))})";

    public override string DefaultY(MetricSet metrics) => levels[0].Name;

    public override string NotOffered(ScenarioKind kind, string y, IEnumerable<ScenarioKind> offering) =>
        $"a {kind.Name} scenario keeps no level over simulated time: it has no '{y}' over time to plot (kinds that do: {string.Join(", ", offering.Select(k => k.Name))}).";

    public override void CheckY(string y, ScenarioKind kind, YamlDoc at)
    {
        if (levels.All(l => l.Name != y))
            throw at.Error($"a timeseries plot of a {kind.Name} scenario shows {string.Join(" or ", levels.Select(l => l.Name))}, not '{y}'.{Edge.Spelling.Hint(y, levels.Select(l => l.Name))}");
    }

    private Level LevelOf(PlotSpec p) => levels.First(l => l.Name == p.Y);

    public override string Draw(Plot plot, PlotContext c, PlotSpec p)
    {
        var spec = c.Spec;
        var point = c.PointAt(p);
        var traces = c.AllTraces(point);
        double end = spec.HorizonSeconds, width = RunTrace.WindowSeconds(end);
        var level = LevelOf(p);
        // Per strategy and window: the mean over the replications, with its Student-t 95 % interval (clipped at 0).
        var levels = traces.Select(reps => Windows(reps.Select(t => t.Of(level)).ToArray())).ToArray();
        // The unit is that of what is used (the means), the axis spans the bands too.
        double peak = levels.SelectMany(l => l.Select(x => x.High)).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var (unit, convert) = level.Unit.Shown(levels.SelectMany(l => l.Select(x => x.Mean)).DefaultIfEmpty(0).Max());
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            var windows = levels[s];
            if (windows.Length == 0) continue;
            // A last point at the end closes the final window's step.
            var xs = windows.Select(x => x.Start).Append(end).ToArray();
            var stats = windows.Select(x => (convert(x.Mean), convert(x.Low), convert(x.High))).Append((convert(windows[^1].Mean), convert(windows[^1].Low), convert(windows[^1].High))).ToArray();
            var color = c.Styles.Colour(s);
            if (!c.Styles.Bound(s) && traces[s].Length > 1)
            {
                var (bx, low, high) = c.Scale.Band(xs, stats);
                var band = plot.Add.FillY(bx, low, high);
                band.FillColor = color.WithAlpha(0.15);
                band.LineColor = color.WithAlpha(0);
            }
            var (lx, ly) = c.Scale.Points(xs, stats.Select(v => v.Item1).ToArray());
            var line = plot.Add.Scatter(lx, ly);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = color;
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.LinePattern = c.Styles.Bound(s) ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = c.Styles.Legend(s);
        }
        if (spec.WarmupSeconds > 0)
        {
            var warmup = plot.Add.VerticalLine(c.Scale.X(spec.WarmupSeconds));
            warmup.Color = Colors.Black.WithAlpha(0.6);
            warmup.LinePattern = LinePattern.Dotted;
            warmup.LegendText = "end of the warm-up (not measured before)";
        }
        string every = width.ToString("0.###", CultureInfo.InvariantCulture);
        plot.Title(PlotText.Wrap(PlotContext.Titled($"{level.Words} over time, mean per {every} s window over {c.Replications(point)} (band: Student-t 95 % interval across them, clipped at 0){c.Scale.Note}", point)));
        plot.XLabel("simulated time (s)");
        plot.YLabel($"{level.Words}, {every} s mean{(unit is null ? "" : $" ({unit})")}");
        if (!c.Scale.LogY) plot.Axes.SetLimitsY(0, Math.Max(convert(peak), 1e-9) * 1.08);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return p.Y;
    }

    /// <summary>
    /// The warm-up check under the figure. In each replication, the level's mean over the first half of the measured
    /// period minus its mean over the second half: paired over the replications, an interval that excludes 0 says
    /// the level still drifts after the warm-up (a transient the warm-up did not cover, or a load the system never
    /// settles under). The strategies are judged together (Bonferroni), as the findings judge their comparisons.
    /// </summary>
    public override string? Caption(PlotContext c, PlotSpec p)
    {
        var spec = c.Spec;
        var level = LevelOf(p);
        double width = RunTrace.WindowSeconds(spec.HorizonSeconds);
        var drifts = c.AllTraces(c.PointAt(p))
            .Select((reps, s) =>
            {
                var each = reps.Select(t => Drift(t.Of(level), spec.WarmupSeconds, width)).ToArray();
                return (s, Each: each, Drift: Summary.Of(each));
            })
            .Where(d => d.Drift.N >= 2 && double.IsFinite(d.Drift.HalfWidth)).ToArray();
        if (drifts.Length == 0) return null;
        int m = drifts.Length;
        double together = Summary.Together(m);
        var (unit, convert) = level.Unit.Shown(drifts.Max(d => Math.Max(Math.Abs(d.Drift.Low), Math.Abs(d.Drift.High))));
        string V(double v) => MetricUnit.Number(convert(v));
        string Signed(double v) => (v > 0 ? "+" : "") + V(v);
        string S(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
        double middle = spec.WarmupSeconds + (spec.HorizonSeconds - spec.WarmupSeconds) / 2;
        var drifting = drifts.Where(d => d.Drift.ExcludesZero(together)).Select(d => spec.Strategies[d.s].Label).ToArray();
        int alone = drifts.Count(d => d.Drift.ExcludesZero(0.95));
        // The replications' own drifts beside the mean's interval: opposite drifts (one replication growing while the
        // others drain) cancel in the mean, and the range shows them.
        string each = string.Join("; ", drifts.Select(d => $"{spec.Strategies[d.s].Label} {Signed(d.Drift.Mean)} [{V(d.Drift.Low)}, {V(d.Drift.High)}], replications {Signed(d.Each.Min())} to {Signed(d.Each.Max())}"));
        string all = m == 1 ? "" : $" with all {m} together {Summary.TogetherNote(m)}";
        string after = spec.WarmupSeconds > 0 ? $"after the {S(spec.WarmupSeconds)} warm-up" : "with no warm-up";
        return $"**Warm-up check** ({level.Words}{(unit is null ? "" : $", in {unit}")}): its mean over the first half of the measured period ({S(spec.WarmupSeconds)} to {S(middle)}) minus its mean over the second half (to {S(spec.HorizonSeconds)}), "
            + $"paired over the replications (95 % intervals, and the range of the replications' own): {each}. "
            + (drifting.Length == 0
                ? $"{(alone == 0 ? "None excludes 0" : $"{alone} of {m} exclude{(alone == 1 ? "s" : "")} 0 alone, and none{all}")}: no drift shows {after}."
                : $"{(drifting.Length == 1 ? $"{drifting[0]}'s interval excludes" : $"The intervals of {string.Join(", ", drifting)} exclude")} 0{all}: the level still drifts {after}, from a transient that a longer warm-up leaves out or from a load the system never settles under; the figure shows which.");
    }

    /// <summary>
    /// One replication's level: its mean over the first half of the windows that start after the warm-up minus its mean
    /// over the second half (the middle window of an odd count left out); NaN with fewer than two.
    /// </summary>
    public static double Drift(IReadOnlyList<(double Start, double Mean)> windows, double warmupSeconds, double widthSeconds)
    {
        var measured = windows.Where(w => w.Start >= warmupSeconds - widthSeconds * 1e-9).Select(w => w.Mean).ToArray();
        int half = measured.Length / 2;
        return half == 0 ? double.NaN : measured[..half].Average() - measured[^half..].Average();
    }

    /// <summary>The windows' means over the replications (which share their windows), with the interval, clipped at 0.</summary>
    private static (double Start, double Mean, double Low, double High)[] Windows(IReadOnlyList<(double Start, double Mean)>[] replications)
    {
        if (replications.Length == 0 || replications[0].Count == 0) return Array.Empty<(double, double, double, double)>();
        int windows = replications.Min(r => r.Count);
        return Enumerable.Range(0, windows).Select(w =>
        {
            var summary = Summary.Of(replications.Select(r => r[w].Mean));
            double half = double.IsNaN(summary.HalfWidth) ? 0 : summary.HalfWidth;
            return (replications[0][w].Start, summary.Mean, Math.Max(0, summary.Mean - half), summary.Mean + half);
        }).ToArray();
    }
}

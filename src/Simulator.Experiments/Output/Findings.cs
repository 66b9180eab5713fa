using System.Globalization;
using System.Text;

namespace Simulator.Experiments;

/// <summary>
/// The opening of report.md, read off the results rather than written by hand: which strategy wins on the
/// primary metric at each point, by how much against the baseline (its paired 95 % interval, and whether
/// that interval excludes 0), where the gain is largest and smallest, and why: at the point of
/// the largest gain, the explaining metrics (loading, hits, waiting; pulls and queueing on a network) on
/// which the winner and the baseline differ most.
/// </summary>
internal static class Findings
{
    public static void Write(StringBuilder sb, ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        var metrics = spec.Metrics;
        var means = ResultWriter.Summaries(spec, records).ToDictionary(x => (x.Point, x.Strategy, x.Metric), x => x.Summary.Mean);
        string primaryName = metrics.Primary.Name;
        bool higher = metrics.Primary.Better == Experiments.Better.Higher;
        var points = spec.Points.Where(pt => means.ContainsKey((pt.Index, 0, primaryName))).ToArray();
        if (points.Length == 0) return;
        string primary = metrics.Primary.Words;
        int Winner(SweepPoint pt) => Enumerable.Range(0, spec.Strategies.Count)
            .Where(s => !double.IsNaN(means[(pt.Index, s, primaryName)]))
            .OrderBy(s => higher ? -means[(pt.Index, s, primaryName)] : means[(pt.Index, s, primaryName)]).ThenBy(s => s)
            .DefaultIfEmpty(-1).First();
        string Where(SweepPoint pt) => spec.Sweep.Count == 0 ? "" : " at " + PlotText.Values(spec.Sweep.Select(a => a.Path), pt);
        sb.AppendLine("## Findings");
        sb.AppendLine();
        var winners = points.Select(pt => (Point: pt, Strategy: Winner(pt))).Where(w => w.Strategy >= 0).ToArray();
        var byWinner = winners.GroupBy(w => w.Strategy).ToArray();
        string best = higher ? "highest" : "lowest";
        sb.AppendLine(byWinner.Length == 1 && points.Length > 1
            ? $"- **Which strategy wins**: {spec.Strategies[byWinner[0].Key].Label}, with the {best} {primary} at every one of the {points.Length} points."
            : $"- **Which strategy wins** (the {best} {primary}): {string.Join("; ", byWinner.Select(g => $"{spec.Strategies[g.Key].Label}{(spec.Sweep.Count == 0 ? "" : " at " + string.Join(" and ", g.Select(w => PlotText.Values(spec.Sweep.Select(a => a.Path), w.Point))))}"))}.");
        if (spec.Baseline is null)
        {
            sb.AppendLine();
            return;
        }
        int baseline = spec.Strategies.Select((s, i) => (s, i)).Single(x => x.s.Label == spec.Baseline).i;
        var paired = ResultWriter.Paired(spec, records).Where(p => p.Metric == primaryName).ToDictionary(p => (p.Point, p.Strategy), p => p.Paired);
        var gains = winners.Where(w => w.Strategy != baseline && paired.ContainsKey((w.Point.Index, w.Strategy))).Select(w => (w.Point, w.Strategy, Paired: paired[(w.Point.Index, w.Strategy)])).ToArray();
        var format = metrics.Primary.Shown(gains.SelectMany(g => new[] { g.Paired.Difference.Low, g.Paired.Difference.High }));
        string unit = format.Unit is { } u ? " " + u : "";
        sb.AppendLine(CultureInfo.InvariantCulture, $"- **By how much**, against {spec.Baseline} over the same replications (paired 95 % intervals):");
        foreach (var (point, strategy) in winners)
        {
            if (strategy == baseline)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  - {spec.Baseline} itself is best{Where(point)}.");
                continue;
            }
            if (!paired.TryGetValue((point.Index, strategy), out var p)) continue;
            var d = p.Difference;
            bool clear = d.Low > 0 || d.High < 0;
            string verdict = clear ? "a difference (the interval excludes 0)." : "not distinguishable from the baseline with these replications (the interval includes 0).";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {spec.Strategies[strategy].Label}{Where(point)}: {Signed(format.Format(d.Mean))}{unit} [{format.Format(d.Low)}, {format.Format(d.High)}], {Percent(p.RelativeGain)}; {verdict}");
        }
        if (gains.Length == 0)
        {
            sb.AppendLine();
            return;
        }
        // Largest gain in the direction that is better.
        double Better(PairedSummary p) => (higher ? 1 : -1) * p.RelativeGain;
        var largest = gains.OrderByDescending(g => Better(g.Paired)).First();
        var smallest = gains.OrderBy(g => Better(g.Paired)).First();
        if (points.Length > 1)
            sb.AppendLine(CultureInfo.InvariantCulture, $"- **Where**: the winner's gain is largest{Where(largest.Point)} ({Percent(largest.Paired.RelativeGain)}) and smallest{Where(smallest.Point)} ({Percent(smallest.Paired.RelativeGain)}).");
        var why = metrics.Explaining
            .Select(m => (Metric: m, Winner: means[(largest.Point.Index, largest.Strategy, m.Name)], Baseline: means[(largest.Point.Index, baseline, m.Name)]))
            .Where(x => double.IsFinite(x.Winner) && double.IsFinite(x.Baseline) && Math.Max(Math.Abs(x.Winner), Math.Abs(x.Baseline)) > 0)
            .OrderByDescending(x => Math.Abs(x.Winner - x.Baseline) / Math.Max(Math.Abs(x.Winner), Math.Abs(x.Baseline)))
            .Take(3).ToArray();
        if (why.Length > 0)
        {
            string differences = string.Join("; ", why.Select(x =>
            {
                var (header, show) = x.Metric.Shown(new[] { x.Winner, x.Baseline });
                return $"{header} {show(x.Winner)} against {show(x.Baseline)}";
            }));
            sb.AppendLine(CultureInfo.InvariantCulture, $"- **Why**{Where(largest.Point)}: the measures on which {spec.Strategies[largest.Strategy].Label} and {spec.Baseline} differ most (means): {differences}.");
        }
        sb.AppendLine();
    }

    private static string Signed(string number) => number.StartsWith('-') ? number : "+" + number;

    private static string Percent(double ratio) => double.IsNaN(ratio) ? "n/a" : (ratio >= 0 ? "+" : "") + ratio.ToString("P1", CultureInfo.InvariantCulture);
}

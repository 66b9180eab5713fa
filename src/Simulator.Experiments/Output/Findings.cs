using System.Globalization;
using System.Text;

namespace Simulator.Experiments;

/// <summary>
/// The opening of report.md, read off the results rather than written by hand: which strategy wins on the
/// experiment's primary metric at each point (strategies with equal means named together as tied, and none named
/// where all of them tie), by how much against the baseline (its paired 95 % interval, and
/// whether that interval excludes 0), where the gain is largest and smallest, and why: at the point of the
/// largest gain, the explaining metrics on which the winner and the baseline differ most. A relaxation reports a
/// bound, not a plan: it is never the winner. When the winner gives up more than 5 % of a guarded quantity
/// (accuracy, cost) against the baseline, the sentence that names it says so. A sweep of two settings or more
/// gets its points as a table.
/// </summary>
internal static class Findings
{
    public static void Write(StringBuilder sb, ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        var metrics = spec.Metrics;
        var means = ResultWriter.Summaries(spec, records).ToDictionary(x => (x.Point, x.Strategy, x.Metric), x => x.Summary.Mean);
        var primaryMetric = spec.Primary;
        string primaryName = primaryMetric.Name;
        bool higher = primaryMetric.Better == Experiments.Better.Higher;
        var points = spec.Points.Where(pt => means.ContainsKey((pt.Index, 0, primaryName))).ToArray();
        if (points.Length == 0) return;
        string primary = primaryMetric.Words;
        var bounds = Enumerable.Range(0, spec.Strategies.Count).Where(s => spec.Strategies[s].IsBound).ToHashSet();
        // Every strategy with the best mean, in the experiment's order: equal means are a tie, and naming one of them
        // alone (the first listed) would crown it by its place in the file.
        int[] Best(SweepPoint pt)
        {
            var rivals = Enumerable.Range(0, spec.Strategies.Count).Where(s => !bounds.Contains(s) && !double.IsNaN(means[(pt.Index, s, primaryName)])).ToArray();
            if (rivals.Length == 0) return [];
            double top = higher ? rivals.Max(s => means[(pt.Index, s, primaryName)]) : rivals.Min(s => means[(pt.Index, s, primaryName)]);
            return rivals.Where(s => means[(pt.Index, s, primaryName)] == top).ToArray();
        }
        string Where(SweepPoint pt) => PlotText.At(spec, [pt]);
        sb.AppendLine("## Findings");
        sb.AppendLine();
        int baseline = spec.Baseline is null ? -1 : spec.Strategies.Select((s, i) => (s, i)).Single(x => x.s.Label == spec.Baseline).i;
        // A tie that takes in the baseline is named by it: no strategy beats it there, and a "gain" of 0 is none.
        var ranked = points.Select(pt =>
        {
            int[] tied = Best(pt);
            return (Point: pt, Strategy: tied.Length == 0 ? -1 : tied.Contains(baseline) ? baseline : tied[0], Tied: tied);
        }).ToArray();
        // Every strategy in the ranking tied (a setting where all of them serve nothing, say): no strategy is named,
        // since any one would read as the winner.
        int contenders = spec.Strategies.Count - bounds.Count;
        bool AllTied(int[] tied) => tied.Length > 1 && tied.Length == contenders;
        string Named(int strategy, int[] tied) => AllTied(tied) ? $"none (all {contenders} tie)" : spec.Strategies[strategy].Label
            + (tied.Length > 1 ? $" (tied with {Listed(tied.Where(t => t != strategy).Select(t => spec.Strategies[t].Label).ToArray())})" : "");
        var winners = ranked.Where(w => w.Strategy >= 0).ToArray();
        // A point where no strategy has a value (no request measured, every mean n/a) has no winner, and says so.
        var unranked = ranked.Where(w => w.Strategy < 0).Select(w => w.Point).ToArray();
        var byWinner = winners.GroupBy(w => Named(w.Strategy, w.Tied)).ToArray();
        string best = higher ? "highest" : "lowest";
        bool table = spec.Sweep.Count >= 2;
        if (bounds.Count > 0)
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {string.Join(", ", bounds.Select(s => spec.Strategies[s].Label))} {(bounds.Count == 1 ? "reports a bound" : "report bounds")} (a relaxation, or an oracle that knows what no strategy can), not {(bounds.Count == 1 ? "a rival: it is" : "rivals: they are")} left out of the ranking.");
        // With one strategy (besides any bound) there is nothing to rank or pair: naming it the winner would read as a comparison.
        if (spec.Strategies.Count - bounds.Count == 1)
        {
            int only = Enumerable.Range(0, spec.Strategies.Count).Single(s => !bounds.Contains(s));
            sb.AppendLine(CultureInfo.InvariantCulture, $"- **One strategy**: {spec.Strategies[only].Label} is the only one{(bounds.Count > 0 ? " besides the bound" : "")}, so there is no winner to name and no gain to measure; its {primary} is in the summary below.");
            sb.AppendLine();
            return;
        }
        if (winners.Length == 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- **Which strategy wins**: none can be named: no strategy has a {primary}{(points.Length > 1 ? " at any point" : "")} (every mean is n/a: no run measured it).");
            sb.AppendLine();
            return;
        }
        string noWinner = unranked.Length == 0 ? "" : $"; none{PlotText.At(spec, unranked)} (no strategy has a {primary} there)";
        // Wherever there is a value every strategy ties: no gain anywhere to report against the baseline.
        bool noGain = winners.All(w => AllTied(w.Tied));
        if (!table && noGain && unranked.Length == 0)
            sb.AppendLine(CultureInfo.InvariantCulture, $"- **Which strategy wins**: none: all {contenders} strategies have the same {primary}{(points.Length > 1 ? $" at every one of the {points.Length} points" : "")}, so there is no gain to measure.");
        else if (!table)
            sb.AppendLine(byWinner.Length == 1 && points.Length > 1 && unranked.Length == 0
                ? $"- **Which strategy wins**: {byWinner[0].Key}, with the {best} {primary} at every one of the {points.Length} points."
                : $"- **Which strategy wins** (the {best} {primary}): {string.Join("; ", byWinner.Select(g => g.Key + PlotText.At(spec, g.Select(w => w.Point))))}{noWinner}.");
        var paired = baseline < 0 ? new Dictionary<(int, int), PairedSummary>()
            : ResultWriter.Paired(spec, records).Where(p => p.Metric == primaryName).ToDictionary(p => (p.Point, p.Strategy), p => p.Paired);
        var gains = winners.Where(w => w.Strategy != baseline && paired.ContainsKey((w.Point.Index, w.Strategy))).Select(w => (w.Point, w.Strategy, Paired: paired[(w.Point.Index, w.Strategy)])).ToArray();
        var format = primaryMetric.Shown(gains.SelectMany(g => new[] { g.Paired.Difference.Low, g.Paired.Difference.High }));
        string unit = format.Unit is { } u ? " " + u : "";
        string Gain(SweepPoint point, int strategy, PairedSummary p)
        {
            var d = p.Difference;
            // Fewer than two paired replications measured it (a short run where one served nobody): no interval, so no verdict.
            string verdict = !double.IsFinite(d.HalfWidth) ? $"no interval: {(d.N == 1 ? "only 1 replication measures" : $"{d.N} replications measure")} both"
                : d.Low > 0 || d.High < 0 ? "a difference (the interval excludes 0)" : "not distinguishable from the baseline with these replications (the interval includes 0)";
            return $"{Signed(format.Format(d.Mean))}{unit} [{format.Format(d.Low)}, {format.Format(d.High)}], {Percent(p.RelativeGain)}; {verdict}{Guarded(spec, means, point, strategy, baseline)}";
        }
        if (table)
        {
            WriteTable(sb, spec, ranked.Select(r => (r.Point, r.Strategy, r.Strategy < 0 ? "none (no value)" : Named(r.Strategy, r.Tied), AllTied(r.Tied))).ToArray(), baseline, paired, Gain, best, primary);
        }
        else if (baseline >= 0 && !noGain)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- **By how much**, against {spec.Baseline} over the same replications (paired 95 % intervals):");
            foreach (var (point, strategy, tied) in winners)
            {
                if (AllTied(tied))
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  - no strategy differs from {spec.Baseline}{Where(point)}: all {contenders} tie.");
                    continue;
                }
                if (strategy == baseline)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  - {Named(strategy, tied)} itself is best{Where(point)}.");
                    continue;
                }
                if (paired.TryGetValue((point.Index, strategy), out var p))
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  - {Named(strategy, tied)}{Where(point)}: {Gain(point, strategy, p)}.");
            }
        }
        AllAtOnce(sb, spec, paired, bounds, baseline, primary);
        if (gains.Length == 0)
        {
            sb.AppendLine();
            return;
        }
        // Largest gain in the direction that is better.
        double Better(PairedSummary p) => (higher ? 1 : -1) * p.RelativeGain;
        var largest = gains.OrderByDescending(g => Better(g.Paired)).First();
        var smallest = gains.OrderBy(g => Better(g.Paired)).First();
        if (gains.Length > 1 && largest.Point != smallest.Point)
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

    /// <summary>
    /// How many of the experiment's paired comparisons on the primary metric (every strategy but the baseline and the
    /// bounds, at every point) exclude 0 at 95 % each, and how many still do when each is widened so that all hold
    /// together at 95 % (Bonferroni: each at 1 - 0.05/m). Each interval above is for its own comparison, and a winner
    /// picked by its mean among several is the one most likely to have been lucky.
    /// </summary>
    private static void AllAtOnce(StringBuilder sb, ExperimentSpec spec, IReadOnlyDictionary<(int Point, int Strategy), PairedSummary> paired, IReadOnlySet<int> bounds, int baseline, string primary)
    {
        if (baseline < 0) return;
        var compared = paired.Where(p => !bounds.Contains(p.Key.Strategy) && p.Value.Difference.N >= 2).Select(p => p.Value.Difference).ToArray();
        int m = compared.Length;
        if (m < 2) return;
        int alone = compared.Count(d => d.ExcludesZero(0.95)), together = compared.Count(d => d.ExcludesZero(Summary.Together(m)));
        sb.AppendLine(CultureInfo.InvariantCulture, $"- **All {m} comparisons at once** (each strategy against {spec.Baseline} at each point, on {primary}): {alone} of {m} paired intervals {(alone == 1 ? "excludes" : "exclude")} 0 at 95 % each, and {together} still {(together == 1 ? "does" : "do")} widened so that all {m} hold together at 95 % {Summary.TogetherNote(m)}.");
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Listed(string[] items) => items.Length <= 1 ? string.Concat(items) : $"{string.Join(", ", items[..^1])} and {items[^1]}";

    /// <summary>The winner and its gain at every point of a sweep of several settings, one row a point (a point without a winner: -1).</summary>
    private static void WriteTable(StringBuilder sb, ExperimentSpec spec, (SweepPoint Point, int Strategy, string Named, bool AllTied)[] winners, int baseline,
        IReadOnlyDictionary<(int, int), PairedSummary> paired, Func<SweepPoint, int, PairedSummary, string> gain, string best, string primary)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"- **Which strategy wins** (the {best} {primary}) and by how much{(baseline >= 0 ? $" against {spec.Baseline} over the same replications (paired 95 % intervals)" : "")}, point by point:");
        sb.AppendLine();
        var columns = Report.Columns(spec).Append("winner").Concat(baseline >= 0 ? new[] { $"against {spec.Baseline}" } : Array.Empty<string>()).ToArray();
        sb.AppendLine("| " + string.Join(" | ", columns) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", columns.Length)));
        foreach (var (point, strategy, named, allTied) in winners)
        {
            var cells = Report.Labels(spec, point.Index).Append(named).ToList();
            if (baseline >= 0)
                cells.Add(strategy < 0 ? "n/a" : allTied ? "no difference (all tie)" : strategy == baseline ? "the baseline itself" : paired.TryGetValue((point.Index, strategy), out var p) ? gain(point, strategy, p) : "n/a");
            sb.AppendLine("| " + string.Join(" | ", cells) + " |");
        }
        sb.AppendLine();
    }

    /// <summary>"; but its mean accuracy is 0.70 against the baseline's 0.94 (-25.5 %)" for each guarded metric that differs by more than the margin.</summary>
    private static string Guarded(ExperimentSpec spec, IReadOnlyDictionary<(int, int, string), double> means, SweepPoint point, int strategy, int baseline)
    {
        if (baseline < 0) return "";
        var notes = spec.Metrics.Metrics.Where(m => m.Guard && m.Name != spec.Primary.Name).Select(m =>
        {
            double w = means[(point.Index, strategy, m.Name)], b = means[(point.Index, baseline, m.Name)];
            double relative = PairedSummary.Relative(w - b, b);
            if (!double.IsFinite(relative) || Math.Abs(relative) <= Metric.GuardMargin) return null;
            bool worse = m.Better == Experiments.Better.Higher ? relative < 0 : relative > 0;
            var (header, show) = m.Shown(new[] { w, b });
            return $"{(worse ? "but" : "and")} its {header} is {show(w)} against the baseline's {show(b)} ({Percent(relative)}{(worse ? ", worse" : ", better")})";
        }).OfType<string>().ToArray();
        return notes.Length == 0 ? "" : "; " + string.Join("; ", notes);
    }

    private static string Signed(string number) => number.StartsWith('-') ? number : "+" + number;

    private static string Percent(double ratio) => double.IsNaN(ratio) ? "n/a" : (ratio >= 0 ? "+" : "") + ratio.ToString("P1", CultureInfo.InvariantCulture);
}

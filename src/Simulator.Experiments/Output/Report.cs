using System.Globalization;
using System.Text;

namespace Simulator.Experiments;

/// <summary>report.md: what was run, the findings (who wins, by how much, where, why), the summary table of the headline metrics, and the paired comparison with the baseline.</summary>
public static class Report
{
    /// <summary>Which simulator builds ran the runs: one, or each with its count and what mixing them means.</summary>
    private static string Builds(IReadOnlyDictionary<string, int> builds)
    {
        if (builds.Count == 1) return $"- simulator build {SimulatorBuild.Named(builds.Keys.Single())}, every run";
        return $"- simulator builds: {string.Join("; ", builds.Select(b => $"{SimulatorBuild.Named(b.Key)} ({b.Value} run{(b.Value == 1 ? "" : "s")})"))}. The folder was resumed or merged across builds: its runs agree only where the changes between the builds move no number.";
    }

    /// <summary>The report; <paramref name="builds"/>, how many runs each simulator build made (a results folder's), is said under what was run.</summary>
    public static string Markdown(ExperimentSpec spec, IReadOnlyList<RunRecord> records, IReadOnlyList<Figure>? plots = null, IReadOnlyList<string>? traces = null, IReadOnlyDictionary<string, int>? builds = null)
    {
        var metrics = spec.Metrics;
        // The metric the findings rank by is shown first when the kind's headline lacks it (primary: regret), so the
        // winner's number can be read in the table that follows.
        var headline = metrics.Headline.Contains(spec.Primary) ? metrics.Headline : [spec.Primary, .. metrics.Headline];
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# {spec.Name}");
        sb.AppendLine();
        if (spec.Description.Length > 0) sb.AppendLine(spec.Description.TrimEnd()).AppendLine(); // a folded block (>) ends in a line break of its own
        int reps = records.GroupBy(r => (r.Cell.Point, r.Cell.Strategy)).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- seed {spec.Seed}; {spec.Points.Count} sweep point(s) x {spec.Strategies.Count} strategies x up to {reps} replications ({records.Count} runs)");
        if (spec.Replications.RelativeHalfWidth is { } target) sb.AppendLine(SequentialOutcome(spec, records, target));
        sb.AppendLine($"- {spec.Kind.LengthInWords(spec.Length)}; intervals are Student-t 95 %");
        // The warm-up is checked under a time series; where the kind keeps levels and the file draws none, say so.
        if (spec.Kind.TimeSeries is { } series && spec.Plots.All(p => p.Kind is not TimeSeriesPlot))
            sb.AppendLine($"- the warm-up is not checked: a `timeseries` figure ({string.Join(", ", series.Levels.Select(l => $"`{l.Name}`"))}) adds the check under it; `plot <folder> --plots <file>` draws one on these results");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- strategies: {string.Join(", ", spec.Strategies.Select(s => s.Label))}{(spec.Baseline is null ? "" : $"; baseline {spec.Baseline}")}");
        if (spec.Sweep.Count > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"- sweep: {string.Join("; ", spec.Sweep.Select(a => $"{a.Path} over {a.Values.Count} value{(a.Values.Count == 1 ? "" : "s")}"))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- resolved config: config.resolved.yaml (sha256 {spec.Hash[..16]}...)");
        if (builds is { Count: > 0 }) sb.AppendLine(Builds(builds));
        sb.AppendLine();
        Findings.Write(sb, spec, records);
        sb.AppendLine("## Summary (mean ± 95 % half-width)");
        sb.AppendLine();
        var all = ResultWriter.Summaries(spec, records).ToArray();
        // Totals that grow with the horizon: beside each, the same per second of the measured span (a constant, so mean and interval scale alike).
        double span = spec.Length.MeasuredSeconds;
        var columns = headline.SelectMany(h => metrics.SpanTotals.Contains(h) ? new[] { (Metric: h, Scale: 1.0), (Metric: h, Scale: 1 / span) } : new[] { (Metric: h, Scale: 1.0) }).ToArray();
        // One unit per column, chosen from the column's own values.
        var display = columns.Select(c =>
        {
            var unit = c.Metric.Shown(all.Where(x => x.Metric == c.Metric.Name).Select(x => x.Summary.Mean * c.Scale));
            return c.Scale == 1 ? unit : unit with { Unit = unit.Unit + "/s" };
        }).ToArray();
        sb.AppendLine("| " + string.Join(" | ", Columns(spec).Concat(new[] { "strategy" }).Concat(display.Select(d => d.Header))) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Columns(spec).Count() + 1 + columns.Length)));
        var summaries = all.ToLookup(x => (x.Point, x.Strategy));
        foreach (var key in summaries.Select(g => g.Key))
        {
            var byMetric = summaries[key].ToDictionary(x => x.Metric, x => x.Summary);
            sb.AppendLine("| " + string.Join(" | ", Labels(spec, key.Point).Concat(new[] { spec.Strategies[key.Strategy].Label })
                .Concat(columns.Select((c, i) => display[i].Estimate(byMetric[c.Metric.Name].Mean * c.Scale, byMetric[c.Metric.Name].HalfWidth * c.Scale)))) + " |");
        }
        var paired = ResultWriter.Paired(spec, records).Where(p => p.Metric == spec.Primary.Name).ToArray();
        if (paired.Length > 0)
        {
            sb.AppendLine();
            // The title carries the unit ("Throughput (/s)"); the table's unit is chosen from the differences.
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {PrimaryWords(spec)} against {spec.Baseline} (paired over the same replications)");
            sb.AppendLine();
            var shown = spec.Primary.Shown(paired.SelectMany(x => new[] { x.Paired.Difference.Mean, x.Paired.Difference.Low, x.Paired.Difference.High }));
            sb.AppendLine("| " + string.Join(" | ", Columns(spec).Concat(new[] { "strategy", $"difference in {shown.Header}", "95 % interval", RelativeHeader(spec) })) + " |");
            sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Columns(spec).Count() + 4)));
            foreach (var (point, strategy, _, p) in paired)
                sb.AppendLine("| " + string.Join(" | ", Labels(spec, point).Concat(new[]
                {
                    spec.Strategies[strategy].Label, shown.Format(p.Difference.Mean), $"[{shown.Format(p.Difference.Low)}, {shown.Format(p.Difference.High)}]",
                    double.IsNaN(p.RelativeGain) ? "n/a" : p.RelativeGain.ToString("P1", CultureInfo.InvariantCulture),
                })) + " |");
            PairContrasts.Write(sb, spec, records);
        }
        if (plots is { Count: > 0 })
        {
            sb.AppendLine();
            sb.AppendLine("## Plots");
            foreach (var figure in plots)
            {
                sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(figure.File)}]({figure.File})");
                if (figure.Caption is { } caption) sb.AppendLine().AppendLine(caption);
            }
        }
        if (traces is { Count: > 0 })
        {
            sb.AppendLine();
            sb.AppendLine("## Traces (replication 0; open trace.json in Perfetto or chrome://tracing)");
            sb.AppendLine();
            foreach (var line in traces) sb.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
        return sb.ToString();
    }

    /// <summary>The report's line: the rule, the points that met it with their replications, and those that reached the maximum first with the intervals still too wide.</summary>
    private static string SequentialOutcome(ExperimentSpec spec, IReadOnlyList<RunRecord> records, double relative)
    {
        var plan = spec.Replications;
        string Percent(double v) => double.IsFinite(v) ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
        var met = new List<string>();
        var missed = new List<string>();
        foreach (var pt in spec.Points)
        {
            int n = records.Where(r => r.Cell.Point == pt.Index).GroupBy(r => r.Cell.Strategy).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            var wide = SequentialStopping.TooWide(spec, records, pt.Index, relative).ToArray();
            string at = PlotText.At(spec, [pt]);
            if (wide.Length == 0) met.Add($"{at} with {n} replications");
            else missed.Add($"{at} with {n} replications ({string.Join(", ", wide.Select(w => $"{spec.Strategies[w.Strategy].Label} ±{Percent(w.Relative)}"))})");
        }
        string rule = $"- sequential stopping: replications added (from {plan.Min} to at most {plan.Max}) until every strategy's {spec.Primary.Words} has a 95 % half-width within {(relative * 100).ToString("0.####", CultureInfo.InvariantCulture)} % of its mean";
        string metText = met.Count == 0 ? "" : $"met{string.Join(";", met)}";
        string missedText = missed.Count == 0 ? "" : $"**not met**{string.Join(";", missed)}";
        // A folder run before the floor rose: its intervals are drawn as they ran, with what the floor is for.
        string caution = plan.Min >= ExperimentKeys.LeastMin ? ""
            : $" **Caution**: it started from {plan.Min}, below the {ExperimentKeys.LeastMin} sequential stopping now needs; from so few, replications that agree by chance stop a point, and its 95 % intervals hold the mean far less often (docs/experiments.md measures it). Run it again with `min: {ExperimentKeys.LeastMin}` or a fixed number of replications.";
        return $"{rule}: {string.Join("; ", new[] { metText, missedText }.Where(t => t.Length > 0))}.{caution}";
    }

    /// <summary>
    /// The heading of a paired table's relative column: the difference over the baseline's mean, signed as the
    /// difference, with the way that is better, so that -62 % of a delay reads as the gain it is.
    /// </summary>
    internal static string RelativeHeader(ExperimentSpec spec) => spec.Primary.Better switch
    {
        Better.Higher => "relative difference (higher is better)",
        Better.Lower => "relative difference (lower is better)",
        _ => "relative difference",
    };

    /// <summary>The primary metric's words as a title ("Throughput"): the paired tables carry units chosen from the differences.</summary>
    internal static string PrimaryWords(ExperimentSpec spec) => char.ToUpperInvariant(spec.Primary.Words[0]) + spec.Primary.Words[1..];

    /// <summary>The swept paths in words: scenario.arrivals.rate is "arrivals rate".</summary>
    internal static IEnumerable<string> Columns(ExperimentSpec spec) => spec.Sweep.Select(a => PlotText.Words(a.Path));

    /// <summary>Each swept value as the file wrote it, with its unit.</summary>
    internal static IEnumerable<string> Labels(ExperimentSpec spec, int point) =>
        spec.Sweep.Select(a => spec.Points[point].Written.TryGetValue(a.Path, out var w) ? w : spec.Points[point].Labels[a.Path]);
}

using System.Globalization;
using System.Text;

namespace Simulator.Experiments;

/// <summary>
/// Writes a run's files (docs/experiments.md): config.resolved.yaml, runs.csv, columns.csv, runs.parquet, summary.csv,
/// paired.csv, timing.csv (machine-dependent decision times, kept out of the others so they stay
/// byte-identical across machines and thread counts), plots/, traces/ when asked for, and report.md.
/// </summary>
public static class ResultWriter
{
    /// <summary>What <see cref="WriteAll"/> writes into a results folder (files and folders).</summary>
    public static readonly IReadOnlyList<string> Outputs = new[] { "config.resolved.yaml", "config.hash", "runs.csv", "columns.csv", "runs.parquet", "timing.csv", "summary.csv", "paired.csv", "plots", "traces", "report.md" };

    /// <summary>Writes every output; <paramref name="builds"/> (how many runs each simulator build made, from the folder's cell log) goes into the report.</summary>
    public static void WriteAll(ExperimentSpec spec, IReadOnlyList<RunRecord> records, string directory, IReadOnlyDictionary<string, int>? builds = null)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "config.resolved.yaml"), ResolvedConfig.Write(spec));
        RunStore.WriteWhole(Path.Combine(directory, "config.hash"), spec.Hash + "\n");
        File.WriteAllText(Path.Combine(directory, "runs.csv"), RunsCsv(spec, records));
        File.WriteAllText(Path.Combine(directory, "columns.csv"), ColumnsCsv(spec));
        ParquetRuns.Write(spec, records, Path.Combine(directory, "runs.parquet"));
        File.WriteAllText(Path.Combine(directory, "timing.csv"), TimingCsv(spec, records));
        File.WriteAllText(Path.Combine(directory, "summary.csv"), SummaryCsv(spec, records));
        File.WriteAllText(Path.Combine(directory, "paired.csv"), PairedCsv(spec, records));
        var plots = Plots.WriteAll(spec, records, directory);
        var traces = TraceWriter.WriteAll(spec, directory);
        File.WriteAllText(Path.Combine(directory, "report.md"), Report.Markdown(spec, records, plots, traces, builds));
    }

    public static string RunsCsv(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", PointColumns(spec).Concat(new[] { "strategy", "replication" }).Concat(spec.Metrics.Names)));
        foreach (var r in records)
            sb.AppendLine(string.Join(",", PointValues(spec, r.Cell.Point).Concat(new[] { Csv(spec.Strategies[r.Cell.Strategy].Label), Num(r.Cell.Replication) }).Concat(r.Values.Select(Num))));
        return sb.ToString();
    }

    /// <summary>
    /// What each column of runs.csv holds, in the unit its values are in (SI, as the declarations give it): a results
    /// folder read without the simulator at hand (pandas, R, a colleague) says what its numbers mean. The metrics'
    /// rows are also the metric names of summary.csv and paired.csv.
    /// </summary>
    public static string ColumnsCsv(ExperimentSpec spec)
    {
        var sb = new StringBuilder();
        sb.AppendLine("column,unit,better,definition");
        void Row(string column, string unit, string better, string definition) =>
            sb.AppendLine(string.Join(",", Csv(column), Csv(unit), better, Csv(definition)));
        Row("point", "", "", spec.Zip ? "The sweep point, numbered from 0: the swept paths' n-th values together." : "The sweep point, numbered from 0 over every combination of the swept values, the first swept path changing slowest.");
        foreach (var axis in spec.Sweep)
            Row(axis.Path, spec.SweptUnits.TryGetValue(axis.Path, out var kind) ? Units.SiUnit(kind) : "", "", "A swept setting: its value at the point (a quantity in the unit given; a section as its keys resolve).");
        Row("strategy", "", "", "The strategy's label.");
        Row("replication", "", "", "The replication, numbered from 0: the same number draws the same random world for every strategy.");
        foreach (var m in spec.Metrics.Metrics)
            Row(m.Name, m.Unit.Symbol, m.Better == Better.Neither ? "" : m.Better.ToString().ToLowerInvariant(), m.Definition);
        return sb.ToString();
    }

    public static string SummaryCsv(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", PointColumns(spec).Concat(new[] { "strategy", "metric", "n", "mean", "sd", "ci95_low", "ci95_high" })));
        foreach (var (point, strategy, metric, s) in Summaries(spec, records))
            sb.AppendLine(string.Join(",", PointValues(spec, point).Concat(new[] { Csv(spec.Strategies[strategy].Label), metric, Num(s.N), Num(s.Mean), Num(s.StdDev), Num(s.Low), Num(s.High) })));
        return sb.ToString();
    }

    public static string PairedCsv(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", PointColumns(spec).Concat(new[] { "strategy", "baseline", "metric", "n", "mean_difference", "ci95_low", "ci95_high", "relative_gain" })));
        foreach (var (point, strategy, metric, p) in Paired(spec, records))
            sb.AppendLine(string.Join(",", PointValues(spec, point).Concat(new[] { Csv(spec.Strategies[strategy].Label), Csv(spec.Baseline!), metric, Num(p.Difference.N), Num(p.Difference.Mean), Num(p.Difference.Low), Num(p.Difference.High), Num(p.RelativeGain) })));
        return sb.ToString();
    }

    private static string TimingCsv(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", PointColumns(spec).Concat(new[] { "strategy", "replication", "decision_ms_mean", "decision_ms_max" })));
        foreach (var r in records)
            sb.AppendLine(string.Join(",", PointValues(spec, r.Cell.Point).Concat(new[] { Csv(spec.Strategies[r.Cell.Strategy].Label), Num(r.Cell.Replication), Num(r.DecisionMsMean), Num(r.DecisionMsMax) })));
        return sb.ToString();
    }

    public static IEnumerable<(int Point, int Strategy, string Metric, Summary Summary)> Summaries(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        foreach (var group in records.GroupBy(r => (r.Cell.Point, r.Cell.Strategy)).OrderBy(g => g.Key.Point).ThenBy(g => g.Key.Strategy))
            for (int m = 0; m < spec.Metrics.Count; m++)
                yield return (group.Key.Point, group.Key.Strategy, spec.Metrics.Metrics[m].Name, Summary.Of(group.OrderBy(r => r.Cell.Replication).Select(r => r.Values[m])));
    }

    public static IEnumerable<(int Point, int Strategy, string Metric, PairedSummary Paired)> Paired(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        if (spec.Baseline is null) yield break;
        int baseline = spec.Strategies.Select((s, i) => (s, i)).Single(x => x.s.Label == spec.Baseline).i;
        foreach (var point in records.Select(r => r.Cell.Point).Distinct().Order())
            for (int s = 0; s < spec.Strategies.Count; s++)
            {
                if (s == baseline) continue;
                for (int m = 0; m < spec.Metrics.Count; m++)
                    if (PairedOf(records, point, s, baseline, m) is { } paired)
                        yield return (point, s, spec.Metrics.Metrics[m].Name, paired);
            }
    }

    /// <summary>Metric <paramref name="m"/> of one strategy against another at a point, paired by replication; null when either has no runs there.</summary>
    internal static PairedSummary? PairedOf(IReadOnlyList<RunRecord> records, int point, int strategy, int reference, int m)
    {
        Dictionary<int, double> Values(int s) => records.Where(r => r.Cell.Point == point && r.Cell.Strategy == s).ToDictionary(r => r.Cell.Replication, r => r.Values[m]);
        var (mine, theirs) = (Values(strategy), Values(reference));
        return mine.Count == 0 || theirs.Count == 0 ? null : PairedSummary.Of(mine, theirs);
    }

    private static IEnumerable<string> PointColumns(ExperimentSpec spec) => new[] { "point" }.Concat(spec.Sweep.Select(a => Csv(a.Path)));

    private static IEnumerable<string> PointValues(ExperimentSpec spec, int point) =>
        new[] { Num(point) }.Concat(spec.Sweep.Select(a => Csv(spec.Points[point].Labels[a.Path])));

    public static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    internal static string Csv(string s) => s.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}

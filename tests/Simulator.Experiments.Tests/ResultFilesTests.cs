using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

/// <summary>What the result files say of records made by hand: quoting, the metrics' direction, the decision times, and pairs without a partner.</summary>
public sealed class ResultFilesTests : IDisposable
{
    private static readonly string[] Small = { "replications=2", "horizon=20 s", "warmup=2 s", "plots=[]", "strategies=[fcfs, pl-greedy]", "baseline=fcfs", "sweep={scenario.arrivals.rate: [10 /s, 20 /s]}" };
    private readonly string root = Path.Combine(Path.GetTempPath(), $"result-files-{Guid.NewGuid():N}");

    [Fact]
    public void A_field_with_a_comma_a_quote_or_a_line_break_is_quoted_with_its_quotes_doubled()
    {
        Assert.Equal("plain", ResultWriter.Csv("plain"));
        Assert.Equal("\"say \"\"hi\"\"\"", ResultWriter.Csv("say \"hi\""));
        Assert.Equal("\"{process: poisson, rate: 20 /s}\"", ResultWriter.Csv("{process: poisson, rate: 20 /s}"));
        Assert.Equal("\"two\nlines\"", ResultWriter.Csv("two\nlines"));
    }

    [Fact]
    public void The_columns_say_which_way_is_better_and_nothing_for_a_metric_without_a_direction()
    {
        var rows = ResultWriter.ColumnsCsv(Quickstart.Read(Small)).Split('\n');
        Assert.StartsWith("arrived,count,,", rows.Single(r => r.StartsWith("arrived,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("on_time,count,higher,", rows.Single(r => r.StartsWith("on_time,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("late,count,lower,", rows.Single(r => r.StartsWith("late,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_timing_file_keeps_each_runs_mean_and_longest_decision()
    {
        var spec = Quickstart.Read(Small);
        var records = new[] { Record(spec, 0, 0, 0, 1.5, 4), Record(spec, 0, 1, 0, 0.25, 2) };
        ResultWriter.WriteAll(spec, records, root);
        Assert.Equal(
            ["point,scenario.arrivals.rate,strategy,replication,decision_ms_mean,decision_ms_max", "0,10,fcfs,0,1.5,4", "0,10,pl-greedy,0,0.25,2"],
            File.ReadAllLines(Path.Combine(root, "timing.csv")));
    }

    [Fact]
    public void A_point_where_the_baseline_has_no_runs_has_no_paired_rows()
    {
        var spec = Quickstart.Read(Small);
        // Both strategies at point 0; at point 1 only pl-greedy.
        var records = new[] { Record(spec, 0, 0, 0), Record(spec, 0, 0, 1), Record(spec, 0, 1, 0), Record(spec, 0, 1, 1), Record(spec, 1, 1, 0), Record(spec, 1, 1, 1) };
        var rows = ResultWriter.PairedCsv(spec, records).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal(spec.Metrics.Count, rows.Length);
        Assert.All(rows, r => Assert.StartsWith("0,10,pl-greedy,fcfs,", r, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }

    private static RunRecord Record(ExperimentSpec spec, int point, int strategy, int replication, double decisionMean = 1, double decisionMax = 1) =>
        new(new Cell(point, strategy, replication), new MetricValues(spec.Metrics, Enumerable.Range(0, spec.Metrics.Count).Select(m => (double)(m + replication)).ToArray()), decisionMean, decisionMax);
}

namespace Simulator.Experiments.Tests;

/// <summary>
/// `latency_p95` is streamed (the P-square estimate, which keeps five markers instead of every latency). On whole runs
/// it is held against the same run traced, whose histogram places every latency within 0.5 % of its value: the 95th
/// percentile read off that CDF is an independent answer to within the bins' width.
/// </summary>
public class LatencyQuantileTests
{
    /// <summary>The 95th percentile of a traced run's latencies, interpolated on its CDF.</summary>
    private static double P95(RunTrace trace)
    {
        var cdf = trace.LatencyCdf;
        for (int i = 1; i < cdf.Count; i++)
            if (cdf[i].Fraction >= 0.95)
            {
                var (l0, f0) = cdf[i - 1];
                var (l1, f1) = cdf[i];
                return f1 == f0 ? l1 : l0 + (0.95 - f0) / (f1 - f0) * (l1 - l0);
            }
        throw new InvalidOperationException("The CDF never reaches 0.95.");
    }

    [Theory]
    [InlineData("5 /s")]
    [InlineData("20 /s")]
    public void The_streamed_95th_percentile_agrees_with_the_traced_runs_within_one_percent(string rate)
    {
        var spec = Quickstart.Read(["sweep=null", $"scenario.arrivals.rate={rate}", "replications=2", "plots=[]"]);
        int p95 = spec.Metrics.Index("latency_p95");
        for (int s = 0; s < spec.Strategies.Count; s++)
            for (int r = 0; r < 2; r++)
            {
                var cell = new Cell(0, s, r);
                double streamed = Runner.RunCell(spec, cell).Values[p95], traced = P95(Runner.Trace(spec, cell));
                Assert.True(Math.Abs(streamed - traced) <= 0.01 * traced, $"{spec.Strategies[s].Label}, replication {r}: P-square {streamed} s, traced {traced} s");
            }
    }
}

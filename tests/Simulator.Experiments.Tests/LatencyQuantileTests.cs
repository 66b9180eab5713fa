namespace Simulator.Experiments.Tests;

/// <summary>
/// A run's `latency_p95` (a site's) and `delay_p95` (the stochastic network's) are read from the same 0.5 % bins a
/// traced run draws its CDF from (LatencyHistogramTests holds those quantiles against the exact ones): on whole runs,
/// a queue filling over the horizon among them, the reported percentile is where the traced CDF crosses 0.95.
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
    [InlineData("20 /s", "2 s")]
    [InlineData("40 /s", "100 s")] // overloaded: the queue and the latencies grow for the whole run
    public void A_sites_95th_percentile_is_its_traced_runs(string rate, string deadline) =>
        Agrees(Quickstart.Read(["sweep=null", $"scenario.arrivals.rate={rate}", $"scenario.deadline={deadline}", "horizon=150 s", "warmup=5 s",
            "replications=2", "strategies=[no-sharing, fcfs, pl-greedy]", "baseline=no-sharing", "plots=[]"]), "latency_p95");

    [Fact]
    public void The_stochastic_networks_95th_percentile_is_its_traced_runs() =>
        Agrees(ExperimentReader.Read(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-stochastic.yaml"),
            ["replications=2", "horizon=300 s", "warmup=60 s", "sweep=null", "scenario.network.contention=fair-share", "strategies=[mec-ilp, mec-nonshare]", "plots=[]"]), "delay_p95");

    private static void Agrees(ExperimentSpec spec, string metric)
    {
        int p95 = spec.Metrics.Index(metric);
        for (int s = 0; s < spec.Strategies.Count; s++)
            for (int r = 0; r < 2; r++)
            {
                var cell = new Cell(0, s, r);
                double reported = Runner.RunCell(spec, cell).Values[p95], traced = P95(Runner.Trace(spec, cell));
                Assert.True(Math.Abs(reported - traced) <= 0.005 * traced, $"{spec.Strategies[s].Label}, replication {r}: {metric} {reported} s, the traced CDF's {traced} s");
            }
    }
}

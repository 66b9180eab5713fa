using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

/// <summary><c>scenario.kind: one-shot</c>: one static round per replication, planned once and scored by the independent evaluator.</summary>
public class OneShotTests
{
    private const string Experiment = """
        name: one-shot-test
        seed: 7
        replications: 12
        horizon: 1 s
        warmup: 0 s
        scenario:
          kind: one-shot
          catalog:
            generate: backbone-sharing
            clusters:
              - {backbone: resnet50, variants: 3, frozen: [4, 5], classes: 100, activation: 100 MB}
              - {backbone: resnet50, variants: 2, frozen: [3], classes: 100, activation: 100 MB}
          site: {disk: hdd-7200, gpu: {device: rtx4090}, timeline: sequential}
          arrivals: {process: batch-at-zero, count: 6}
          deadline: 1.2 s
        strategies: [exhaustive, pl-dp, no-sharing]
        baseline: exhaustive
        """;

    private static ExperimentSpec Read(string text, params string[] sets)
    {
        var doc = YamlDoc.Parse(text, "one-shot-test.yaml");
        return ExperimentReader.Read(doc, Path.GetTempPath(), sets);
    }

    [Fact]
    public void Pl_dp_serves_exactly_the_optimum_of_every_common_deadline_round()
    {
        var spec = Read(Experiment);
        var records = new Runner(spec, 2).Run();
        double Metric(int strategy, int replication, string name) =>
            records.Single(r => r.Cell.Strategy == strategy && r.Cell.Replication == replication).Values[name];
        int sharingLost = 0;
        for (int rep = 0; rep < 12; rep++)
        {
            // The backbone-sharing case with one deadline: the DP is exact.
            Assert.Equal(Metric(0, rep, "on_time"), Metric(1, rep, "on_time"));
            Assert.True(Metric(2, rep, "on_time") <= Metric(0, rep, "on_time"));
            if (Metric(2, rep, "on_time") < Metric(0, rep, "on_time")) sharingLost++;
            for (int s = 0; s < 3; s++)
            {
                Assert.Equal(6, Metric(s, rep, "arrived"));
                Assert.Equal(Metric(s, rep, "on_time"), Metric(s, rep, "throughput")); // the number served
                Assert.Equal(6, Metric(s, rep, "on_time") + Metric(s, rep, "late") + Metric(s, rep, "rejected"));
                if (Metric(s, rep, "on_time") > 0) Assert.InRange(Metric(s, rep, "latency_p99"), 0, 1.2);
            }
            Assert.Equal(0, Metric(2, rep, "bytes_saved")); // whole models every time
        }
        Assert.True(sharingLost > 0, "with deep frozen prefixes, loading whole models should cost users in some round");
    }

    [Fact]
    public void The_round_is_the_same_whatever_the_strategy()
    {
        var spec = Read(Experiment);
        // Same arrivals, models and channels: the exact optimum is one number per replication, whichever oracle finds it.
        var withCpSat = Read(Experiment.Replace("[exhaustive, pl-dp, no-sharing]", "[exhaustive, cpsat, pl-dp]", StringComparison.Ordinal));
        for (int rep = 0; rep < 4; rep++)
            Assert.Equal(Runner.RunCell(spec, new Cell(0, 0, rep)).Values["on_time"], Runner.RunCell(withCpSat, new Cell(0, 1, rep)).Values["on_time"]);
    }

    [Fact]
    public void Rounds_with_cpsat_give_byte_identical_results_on_one_thread_and_on_two()
    {
        // CP-SAT returns one of several optimal plans; with one worker and a deterministic limit always the same one.
        var spec = Read(Experiment.Replace("[exhaustive, pl-dp, no-sharing]", "[cpsat]", StringComparison.Ordinal).Replace("baseline: exhaustive", "baseline: cpsat", StringComparison.Ordinal), "scenario.arrivals.count=8", "replications=6");
        var one = new Runner(spec, 1).Run();
        var two = new Runner(spec, 2).Run();
        Assert.Equal(ResultWriter.RunsCsv(spec, one), ResultWriter.RunsCsv(spec, two));
    }

    [Fact]
    public void A_one_shot_round_needs_users_at_zero_and_has_no_time_series()
    {
        var poisson = Assert.Throws<ConfigException>(() => Read(Experiment.Replace("{process: batch-at-zero, count: 6}", "{process: poisson, rate: 5 /s}", StringComparison.Ordinal)));
        Assert.Contains("one-shot-test.yaml:14: scenario.arrivals.process", poisson.Message);
        Assert.Contains("batch-at-zero", poisson.Message);
        var series = Assert.Throws<ConfigException>(() => Read(Experiment + "\nplots:\n  - {kind: timeseries, y: queue_length}\n"));
        Assert.Contains("no 'queue_length' over time", series.Message);
    }
}

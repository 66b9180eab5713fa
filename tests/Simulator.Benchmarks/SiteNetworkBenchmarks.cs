using BenchmarkDotNet.Attributes;
using Simulator.Experiments;
using Simulator.Testing;

namespace Simulator.Benchmarks;

/// <summary>
/// A network of sites at scale (the bar: under 60 s on 2 cores, memory flat in the horizon): 125
/// cloudlets, each a site with pl-dp, the world of experiments/network/sites-2x2-resnet50.yaml with 0.25
/// requests/s in every cell, one simulated hour, about 112,500 requests; one window a second. One run is
/// single-threaded (the runner runs one per core).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 2)]
public class SiteNetworkBenchmarks
{
    [Params("ready-first", "mec-appro", "mec-nonshare")]
    public string Selector { get; set; } = "ready-first";

    [Benchmark]
    public double OneHour125Sites() => Run(Selector, 3600)["arrived"];

    /// <summary>The site-network experiment at 125 cloudlets, 0.25 /s a cell, over <paramref name="horizonSeconds"/>, paired with pl-dp.</summary>
    public static MetricValues Run(string selector, double horizonSeconds)
    {
        var spec = ExperimentReader.Read(Path.Combine(RepositoryRoot.Find(), "experiments", "network", "sites-2x2-resnet50.yaml"), new[]
        {
            "scenario.network.cloudlets=125", "scenario.cloudlet.arrivals.rate=0.25 /s", $"horizon={horizonSeconds} s", "warmup=0 s",
            $"strategies=[{{select: {selector}, schedule: pl-dp}}]", $"baseline={selector}+pl-dp", "plots=[]",
        });
        return Runner.RunCell(spec, new Cell(0, 0, 0)).Values;
    }
}

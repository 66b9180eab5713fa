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

    /// <summary>The site-network experiment at <paramref name="cloudlets"/> cloudlets (125 by default), 0.25 /s a cell, over <paramref name="horizonSeconds"/>, with pl-dp unless <paramref name="selector"/> names its schedule too.</summary>
    public static MetricValues Run(string selector, double horizonSeconds, int cloudlets = 125)
    {
        // "select+schedule" names both; a selector alone is paired with pl-dp.
        var (select, schedule) = selector.Split('+') is [var a, var b] ? (a, b) : (selector, "pl-dp");
        var spec = ExperimentReader.Read(Path.Combine(RepositoryRoot.Find(), "experiments", "network", "sites-2x2-resnet50.yaml"), new[]
        {
            $"scenario.network.cloudlets={cloudlets}", "scenario.cloudlet.arrivals.rate=0.25 /s", $"horizon={horizonSeconds} s", "warmup=0 s",
            $"strategies=[{{select: {select}, schedule: {schedule}}}]", $"baseline={select}+{schedule}", "plots=[]",
        });
        return Runner.RunCell(spec, new Cell(0, 0, 0)).Values;
    }
}

/// <summary>
/// The network of sites at city scale: 125, 250, 500 and 1,000 cloudlets for one simulated hour with ready-first and
/// pl-dp (the bar: 1,000 cloudlets within 60 s and 1 GB, cost linear in cloudlets and requests).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class CityScaleBenchmarks
{
    [Params(125, 250, 500, 1000)]
    public int Cloudlets { get; set; } = 125;

    [Benchmark]
    public double OneHour() => SiteNetworkBenchmarks.Run("ready-first", 3600, Cloudlets)["arrived"];
}

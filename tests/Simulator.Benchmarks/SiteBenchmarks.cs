using BenchmarkDotNet.Attributes;
using Simulator.Edge;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Benchmarks;

/// <summary>
/// One site at 50 requests/s with fcfs: the example world of docs/site.md, ResNet-50 and ViT-B/16
/// clusters loaded from an HDD onto a 24 GB GPU, Rayleigh fading, deadline 2 s. One op is one whole run;
/// two horizons show whether cost grows linearly.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SiteBenchmarks
{
    [Params(1800, 3600)]
    public double HorizonSeconds { get; set; }

    public long Requests { get; private set; }

    public long Events { get; private set; }

    [Benchmark]
    public SiteMetrics OneSiteFcfs()
    {
        var (env, site) = Build(HorizonSeconds);
        env.RunD(HorizonSeconds);
        Requests = site.Pipeline.Arrived;
        Events = env.ProcessedEvents;
        return site.Metrics;
    }

    public static (Simulation Env, LoneSite Site) Build(double horizon)
    {
        var catalog = BackboneSharingGenerator.Build(new[]
        {
            new ClusterSpec("resnet50", 6, new[] { 1, 2, 3, 4 }, 100, new TableProfile(new[] { (1, 0.0033), (2, 0.0053), (4, 0.0075), (8, 0.0124) }), 100_000_000),
            new ClusterSpec("vit-b16", 4, new[] { 4, 8, 12 }, 100, new AffineProfile(0.004, 0.006), 150_000_000),
        });
        var spec = new SiteSpec
        {
            Disk = new DiskProfile("hdd-7200", 200e6, 0.0116),
            Pcie = new PcieProfile("pcie-gen4", 25e9, 0.00001),
            GpuBytes = 24_000_000_000,
        };
        var workload = new SyntheticWorkload(new PoissonArrivals(50), new ZipfPopularity(0.8), new ConstantQuantity(2.0));
        var env = new Simulation();
        return (env, new LoneSite(env, catalog, spec, new FcfsScheduler(), workload, new RandomStreams(20251122)));
    }
}

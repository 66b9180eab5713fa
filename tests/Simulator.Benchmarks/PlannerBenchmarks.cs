using BenchmarkDotNet.Attributes;
using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Benchmarks;

/// <summary>
/// Planning one static round of 500 users over 50 models in 5 clusters (the bar: under 100 ms
/// each): ResNet-50 clusters of 10 variants with frozen depths 1-4 cycled, loaded from an HDD, users with
/// upload costs of 5-25 ms and a common deadline of 10 s on the sequential timeline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class PlannerBenchmarks
{
    private SiteView view = null!;

    [GlobalSetup]
    public void Setup() => view = Round(users: 500, seed: 5);

    [Benchmark]
    public Plan PlDp() => new PartialLoadingDp().Plan(view);

    [Benchmark]
    public Plan PlGreedy() => new PartialLoadingGreedy().Plan(view);

    public static SiteView Round(int users, int seed)
    {
        var catalog = BackboneSharingGenerator.Build(Enumerable.Range(0, 5)
            .Select(_ => new ClusterSpec("resnet50", 10, new[] { 1, 2, 3, 4 }, 100, new AffineProfile(0.0012, 0.0021), 30_000_000)).ToArray());
        var rng = new Random(seed);
        const double bandwidth = 20e6, snr = 1e9;
        double eta = Math.Log2(1 + snr / bandwidth);
        var queue = Enumerable.Range(0, users).Select(k => new QueuedRequest(k, catalog.Models[rng.Next(catalog.Models.Count)].Id,
            (0.005 + 0.02 * rng.NextDouble()) * bandwidth * eta, snr, eta, 0, 10.0)).ToArray();
        var spec = new SiteSpec { Disk = new DiskProfile("hdd-7200", 200e6, 0.0116), Pcie = new PcieProfile("pcie-gen4", 25e9, 0), GpuBytes = 24_000_000_000, Timeline = Timeline.Sequential };
        var none = new HashSet<string>();
        return new SiteView(0, queue, none, none, catalog, new LoadEstimator(catalog, spec.Disk, spec.Pcie), spec);
    }
}

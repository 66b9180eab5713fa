using Simulator.Edge;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Strategies.Tests;

public class FcfsSchedulerTests
{
    private static readonly Catalog Catalog = new(
        new[] { new Block("a", 1_000), new Block("b", 1_000) },
        new[] { new Model("A", new[] { "a" }, new AffineProfile(0.001, 0.001), 100), new Model("B", new[] { "b" }, new AffineProfile(0.001, 0.001), 100) });

    [Fact]
    public void Serves_the_oldest_requests_model_with_all_its_queued_requests_in_arrival_order()
    {
        // Arrivals: 0 B@0.1, 1 A@0.2, 2 B@0.3, 3 A@0.05 (oldest), 4 A@0.4
        var plan = PlanFor(new[] { ("B", 0.1), ("A", 0.2), ("B", 0.3), ("A", 0.05), ("A", 0.4) });
        var batch = Assert.Single(plan.Batches);
        Assert.Equal("A", batch.ModelId);
        Assert.Equal(new long[] { 3, 1, 4 }, batch.RequestIds);
    }

    [Fact]
    public void Caps_the_batch_by_the_memory_rule()
    {
        // GPU 1,300 bytes: 1,000 of weights leave room for 3 activations of 100.
        var plan = PlanFor(Enumerable.Range(0, 6).Select(i => ("A", i * 0.1)).ToArray(), gpuBytes: 1_300);
        Assert.Equal(new long[] { 0, 1, 2 }, plan.Batches[0].RequestIds);
    }

    [Fact]
    public void Runs_a_site_end_to_end_with_every_arrival_accounted_for()
    {
        var env = new Simulation();
        var spec = new SiteSpec { Disk = new DiskProfile("d", 1e9, 0), Pcie = new PcieProfile("p", 1e10, 0), GpuBytes = 10_000 };
        var workload = new SyntheticWorkload(new PoissonArrivals(30), new ZipfPopularity(), new ConstantQuantity(0.3));
        var site = new LoneSite(env, Catalog, spec, new FcfsScheduler(), workload, new RandomStreams(5), warmupSeconds: 10);
        env.RunD(200);
        var m = site.Metrics;
        Assert.True(m.OnTime > 1000, $"{m.OnTime} on time");
        Assert.InRange(site.Unfinished, 0, site.Site.QueueLength + site.Site.InService);
    }

    private static Plan PlanFor((string Model, double Arrival)[] queue, long gpuBytes = 1_000_000)
    {
        var spec = new SiteSpec { Disk = new DiskProfile("d", 1e9, 0), Pcie = new PcieProfile("p", 1e10, 0), GpuBytes = gpuBytes };
        var requests = queue.Select((q, i) => new QueuedRequest(i, q.Model, 8000, 1e9, 5, q.Arrival, 100)).ToArray();
        var empty = new HashSet<string>();
        var view = new SiteView(1.0, requests, empty, empty, Catalog, new LoadEstimator(Catalog, spec.Disk, spec.Pcie), spec);
        return new FcfsScheduler().Plan(view);
    }
}

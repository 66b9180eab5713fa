using Simulator.Edge;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Strategies.Tests;

/// <summary>
/// The one-batch baselines' choices, by hand, on two 1 kB models with loads and uploads of microseconds, each plan made
/// at t = 1: fcfs, max-batch and edf.
/// </summary>
public class OneBatchSchedulerTests
{
    /// <summary>A batch of n takes 0.001 n + 0.001 s.</summary>
    private static readonly Catalog Quick = TwoModels(0.001);

    /// <summary>A batch of n takes 0.1 n + 0.1 s: long enough for a deadline to bind.</summary>
    private static readonly Catalog Slow = TwoModels(0.1);

    private static Catalog TwoModels(double seconds) => new(
        new[] { new Block("a", 1_000), new Block("b", 1_000) },
        new[] { new Model("A", new[] { "a" }, new AffineProfile(seconds, seconds), 100), new Model("B", new[] { "b" }, new AffineProfile(seconds, seconds), 100) });

    [Fact]
    public void Fcfs_serves_the_oldest_requests_model_with_all_its_queued_requests_in_arrival_order()
    {
        // Arrivals: 0 B@0.1, 1 A@0.2, 2 B@0.3, 3 A@0.05 (oldest), 4 A@0.4
        var plan = PlanFor(new FcfsScheduler(), Quick, [("B", 0.1, 100), ("A", 0.2, 100), ("B", 0.3, 100), ("A", 0.05, 100), ("A", 0.4, 100)]);
        var batch = Assert.Single(plan.Batches);
        Assert.Equal("A", batch.ModelId);
        Assert.Equal(new long[] { 3, 1, 4 }, batch.RequestIds);
    }

    [Fact]
    public void Fcfs_caps_the_batch_by_the_memory_rule()
    {
        // GPU 1,300 bytes: 1,000 of weights leave room for 3 activations of 100.
        var plan = PlanFor(new FcfsScheduler(), Quick, Enumerable.Range(0, 6).Select(i => ("A", i * 0.1, 100.0)).ToArray(), gpuBytes: 1_300);
        Assert.Equal(new long[] { 0, 1, 2 }, plan.Batches[0].RequestIds);
    }

    [Fact]
    public void Fcfs_runs_a_site_end_to_end_with_every_arrival_accounted_for()
    {
        var env = new Simulation();
        var spec = new SiteSpec { Disk = new DiskProfile("d", 1e9, 0), Pcie = new PcieProfile("p", 1e10, 0), GpuBytes = 10_000 };
        var workload = new SyntheticWorkload(new PoissonArrivals(30), new ZipfPopularity(), new ConstantQuantity(0.3));
        var site = new LoneSite(env, Quick, spec, new FcfsScheduler(), workload, new RandomStreams(5), warmupSeconds: 10);
        env.RunD(200);
        var m = site.Metrics;
        Assert.True(m.OnTime > 1000, $"{m.OnTime} on time");
        Assert.InRange(site.Unfinished, 0, site.Site.QueueLength + site.Site.InService);
    }

    [Fact]
    public void Max_batch_takes_the_model_with_the_most_queued_requests_and_on_a_tie_the_one_queued_first()
    {
        var most = PlanFor(new MaxBatchScheduler(), Slow, [("A", 0.1, 100), ("B", 0.2, 100), ("B", 0.3, 100), ("B", 0.4, 100), ("A", 0.5, 100)]);
        Assert.Equal("B", Assert.Single(most.Batches).ModelId);
        Assert.Equal([1L, 2L, 3L], most.Batches[0].RequestIds);
        Assert.Equal("A", PlanFor(new MaxBatchScheduler(), Slow, [("B", 0.2, 100), ("A", 0.1, 100), ("B", 0.3, 100), ("A", 0.4, 100)]).Batches[0].ModelId);
        Assert.Equal("B", PlanFor(new MaxBatchScheduler(), Slow, [("B", 0.05, 100), ("A", 0.1, 100), ("B", 0.3, 100), ("A", 0.4, 100)]).Batches[0].ModelId);
    }

    [Fact]
    public void Edf_takes_the_earliest_deadlines_model_and_drops_the_requests_its_batch_would_finish_too_late_for()
    {
        // A's request 2 is due first (1.35). Its batch of three would end at 1 + 0.4 = 1.4: request 2 is dropped, and the
        // batch of two ends at 1.3, in time for 0 (1.5) and 3 (5). B, due at 10, waits.
        var plan = PlanFor(new EdfScheduler(), Slow, [("A", 0.1, 1.5), ("B", 0.2, 10), ("A", 0.3, 1.35), ("A", 0.4, 5)]);
        var batch = Assert.Single(plan.Batches);
        Assert.Equal("A", batch.ModelId);
        Assert.Equal([0L, 3L], batch.RequestIds);
        // When none can make it, the most urgent is served alone.
        var late = PlanFor(new EdfScheduler(), Slow, [("A", 0.1, 1.15), ("A", 0.3, 1.1), ("B", 0.2, 10)]);
        Assert.Equal([1L], Assert.Single(late.Batches).RequestIds);
    }

    private static Plan PlanFor(IBatchScheduler scheduler, Catalog catalog, (string Model, double Arrival, double Deadline)[] queue, long gpuBytes = 1_000_000)
    {
        var spec = new SiteSpec { Disk = new DiskProfile("d", 1e9, 0), Pcie = new PcieProfile("p", 1e10, 0), GpuBytes = gpuBytes };
        var requests = queue.Select((q, i) => new QueuedRequest(i, q.Model, 8000, 1e9, 5, q.Arrival, q.Deadline)).ToArray();
        var empty = new HashSet<string>();
        return scheduler.Plan(new SiteView(1.0, requests, empty, empty, catalog, new LoadEstimator(catalog, spec.Disk, spec.Pcie), spec));
    }
}

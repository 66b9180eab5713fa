using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Strategies.Tests;

/// <summary>
/// The one-batch baselines' choices, by hand: two 1 kB models whose batch of n takes 0.1 n + 0.1 s, loads and
/// uploads of microseconds, the plan made at t = 1.
/// </summary>
public class OneBatchSchedulerTests
{
    private static readonly Catalog Catalog = new(
        new[] { new Block("a", 1_000), new Block("b", 1_000) },
        new[] { new Model("A", new[] { "a" }, new AffineProfile(0.1, 0.1), 100), new Model("B", new[] { "b" }, new AffineProfile(0.1, 0.1), 100) });

    [Fact]
    public void Max_batch_takes_the_model_with_the_most_queued_requests_and_on_a_tie_the_one_queued_first()
    {
        var most = PlanFor(new MaxBatchScheduler(), [("A", 0.1, 100), ("B", 0.2, 100), ("B", 0.3, 100), ("B", 0.4, 100), ("A", 0.5, 100)]);
        Assert.Equal("B", Assert.Single(most.Batches).ModelId);
        Assert.Equal([1L, 2L, 3L], most.Batches[0].RequestIds);
        Assert.Equal("A", PlanFor(new MaxBatchScheduler(), [("B", 0.2, 100), ("A", 0.1, 100), ("B", 0.3, 100), ("A", 0.4, 100)]).Batches[0].ModelId);
        Assert.Equal("B", PlanFor(new MaxBatchScheduler(), [("B", 0.05, 100), ("A", 0.1, 100), ("B", 0.3, 100), ("A", 0.4, 100)]).Batches[0].ModelId);
    }

    [Fact]
    public void Edf_takes_the_earliest_deadlines_model_and_drops_the_requests_its_batch_would_finish_too_late_for()
    {
        // A's request 2 is due first (1.35). Its batch of three would end at 1 + 0.4 = 1.4: request 2 is dropped, and the
        // batch of two ends at 1.3, in time for 0 (1.5) and 3 (5). B, due at 10, waits.
        var plan = PlanFor(new EdfScheduler(), [("A", 0.1, 1.5), ("B", 0.2, 10), ("A", 0.3, 1.35), ("A", 0.4, 5)]);
        var batch = Assert.Single(plan.Batches);
        Assert.Equal("A", batch.ModelId);
        Assert.Equal([0L, 3L], batch.RequestIds);
        // When none can make it, the most urgent is served alone.
        var late = PlanFor(new EdfScheduler(), [("A", 0.1, 1.15), ("A", 0.3, 1.1), ("B", 0.2, 10)]);
        Assert.Equal([1L], Assert.Single(late.Batches).RequestIds);
    }

    private static Plan PlanFor(IBatchScheduler scheduler, (string Model, double Arrival, double Deadline)[] queue)
    {
        var spec = new SiteSpec { Disk = new DiskProfile("d", 1e9, 0), Pcie = new PcieProfile("p", 1e10, 0), GpuBytes = 1_000_000 };
        var requests = queue.Select((q, i) => new QueuedRequest(i, q.Model, 8000, 1e9, 5, q.Arrival, q.Deadline)).ToArray();
        var empty = new HashSet<string>();
        return scheduler.Plan(new SiteView(1.0, requests, empty, empty, Catalog, new LoadEstimator(Catalog, spec.Disk, spec.Pcie), spec));
    }
}

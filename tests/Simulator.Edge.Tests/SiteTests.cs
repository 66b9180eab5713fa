using System.Reflection;
using Simulator.Edge;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Edge.Tests;

public class SiteTests
{
    [Fact]
    public void Two_different_schedulers_see_identical_arrivals_users_and_channels()
    {
        var seenByFcfs = Observe(new FcfsScheduler());
        var seenByNewest = Observe(new NewestFirstScheduler());
        Assert.True(seenByFcfs.Count > 1_000);
        Assert.Equal(seenByFcfs, seenByNewest);
    }

    private static List<(long, double, string, double, double, double, double)> Observe(IBatchScheduler scheduler)
    {
        var env = new Simulation();
        var site = SiteFixture.Site(env, scheduler, seed: 21);
        var seen = new List<(long, double, string, double, double, double, double)>();
        site.Site.RequestArrived += r => seen.Add((r.Id, r.Arrival, r.ModelId, r.InputBits, r.Channel.DistanceMetres, r.Channel.ShadowDb, r.Channel.Gain(r.Arrival + 0.05)));
        env.RunD(60);
        return seen;
    }

    [Fact]
    public void Metrics_memory_does_not_depend_on_the_number_of_requests()
    {
        long Reachable(double horizon)
        {
            var env = new Simulation();
            var site = SiteFixture.Site(env, new FcfsScheduler());
            env.RunD(horizon);
            Assert.True(site.Metrics.Latency.Count > horizon * 5);
            return ObjectGraph.Count(site.Metrics);
        }
        Assert.Equal(Reachable(30), Reachable(600));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Outcomes_account_for_every_arrival_after_the_warm_up(bool rejecting)
    {
        var env = new Simulation();
        var site = SiteFixture.Site(env, rejecting ? new RejectingEveryThird() : new FcfsScheduler(), warmup: 20, workload: SiteFixture.Workload(rate: 60, budget: 0.2));
        long ended = 0, stillThere = 0;
        site.Site.Ended += (r, _, _) => ended += r.Arrival >= 20 ? 1 : 0;
        env.RunD(300);
        var m = site.Metrics;
        Assert.True(m.OnTime > 0 && m.Expired > 0, $"on time {m.OnTime}, expired {m.Expired}");
        Assert.True(rejecting == m.Rejected > 0, $"rejected {m.Rejected}");
        Assert.Equal(ended, m.OnTime + m.Late + m.Expired + m.Rejected);
        // The counted requests without an outcome are those still queued or in service.
        stillThere = site.Site.QueueLength + site.Site.InService;
        Assert.InRange(site.Unfinished, 1, stillThere);
        Assert.Equal(site.Pipeline.Arrived, ended + site.Unfinished);
        Assert.Equal(m.OnTime + m.Late, m.Latency.Count);
        Assert.InRange(site.Pipeline.Arrived, 60 * 280 * 0.95, 60 * 280 * 1.05);
    }

    [Fact]
    public void Pipelined_timeline_uploads_the_next_batch_while_the_GPU_works()
    {
        var overlap = Batches(Timeline.Overlap);
        var pipelined = Batches(Timeline.Pipelined);
        // Overlap: an epoch is when the GPU is idle (the previous batch completed) and a request waits.
        Assert.All(overlap.Zip(overlap.Skip(1)), p => Assert.True(p.Second.Start >= p.First.Completion));
        Assert.Contains(overlap.Zip(overlap.Skip(1)), p => p.Second.Start == p.First.Completion);
        // Pipelined: an epoch is when the uplink is idle, so the next batch uploads while this one
        // loads or computes; its own load still waits for the GPU.
        Assert.All(pipelined.Zip(pipelined.Skip(1)), p =>
        {
            Assert.True(p.Second.Start >= p.First.UploadEnd);
            Assert.True(p.Second.LoadStart >= p.First.Completion);
        });
        Assert.Contains(pipelined.Zip(pipelined.Skip(1)), p => p.Second.Start < p.First.Completion);
    }

    private static List<BatchRecord> Batches(Timeline timeline)
    {
        var env = new Simulation();
        var site = SiteFixture.Site(env, new FcfsScheduler(), spec: SiteFixture.Spec(timeline), workload: SiteFixture.Workload(rate: 30, budget: 5));
        var batches = new List<BatchRecord>();
        site.Site.BatchCompleted += batches.Add;
        env.RunD(20);
        Assert.True(batches.Count > 10, $"{batches.Count} batches");
        return batches;
    }

    [Theory]
    [InlineData(Replan.EveryBatch)]
    [InlineData(Replan.OnArrival)]
    [InlineData(Replan.PlanToCompletion)]
    public void The_scheduler_is_asked_as_the_replan_mode_says(Replan replan)
    {
        var env = new Simulation();
        var scheduler = new WholeQueueScheduler();
        var site = SiteFixture.Site(env, scheduler, spec: SiteFixture.Spec(replan: replan), workload: new SyntheticWorkload(new BatchAtZero(12), new ZipfPopularity(), new ConstantQuantity(100)));
        env.Run();
        Assert.Equal(12, site.Metrics.OnTime);
        // All 12 arrive at 0; the first plan holds one batch per model present.
        int expected = replan == Replan.EveryBatch ? scheduler.FirstPlanBatches : 1;
        Assert.Equal(expected, scheduler.Calls);
    }

    [Theory]
    [InlineData(Replan.EveryBatch, new[] { 6, 4, 1 })]
    [InlineData(Replan.OnArrival, new[] { 6, 4 })]
    [InlineData(Replan.PlanToCompletion, new[] { 6, 1 })]
    public void A_request_arriving_during_a_plan_is_planned_when_the_replan_mode_says(Replan replan, int[] queued)
    {
        // Three requests of each of two models at 0, a third model-0 request at 1 ms, while the first batch (model 0)
        // loads. The first plan is [model 0 x 3, model 1 x 3]. every-batch asks before each batch (6, then 4, then 1
        // queued); on-arrival asks again at the next epoch because of the arrival (4 queued), and the new plan then
        // runs out with nothing left; plan-to-completion serves model 1 first and asks only for the late request.
        string first = SiteFixture.Catalog.Models[0].Id, second = SiteFixture.Catalog.Models[^1].Id;
        var lines = new List<string> { "time,model,bytes,deadline" };
        for (int i = 0; i < 3; i++) lines.Add($"0,{first},1000,100");
        for (int i = 0; i < 3; i++) lines.Add($"0,{second},1000,100");
        lines.Add($"0.001,{first},1000,100");
        var env = new Simulation();
        var scheduler = new WholeQueueScheduler();
        var site = SiteFixture.Site(env, scheduler, spec: SiteFixture.Spec(replan: replan), workload: new TraceWorkload("late.csv", lines));
        var batches = new List<BatchRecord>();
        site.Site.BatchCompleted += batches.Add;
        env.Run();
        Assert.True(batches[0].Completion > 0.001, $"the first batch completes at {batches[0].Completion} s, before the late arrival");
        Assert.Equal(queued, scheduler.Queued);
        Assert.Equal(7, site.Metrics.OnTime);
    }

    [Fact]
    public void The_gpu_memory_level_holds_the_batchs_activations_while_it_runs()
    {
        // A 100 MB model with 5 MB of activations a request, one batch of three: 115 MB while it runs, 100 MB after.
        var catalog = new Catalog(new[] { new Block("w", 100_000_000) }, new[] { new Model("m", new[] { "w" }, new AffineProfile(0.01, 0.01), 5_000_000) });
        var spec = new SiteSpec { Disk = new DiskProfile("d", 1e9, 0), Pcie = new PcieProfile("p", 1e10, 0), GpuBytes = 1_000_000_000, Admission = Admission.None };
        var env = new Simulation();
        var site = FixedPlanScheduler.Site(env, catalog, spec, new Plan(new[] { new PlannedBatch("m", new long[] { 0, 1, 2 }) }), ("m", 1000, 10), ("m", 1000, 10), ("m", 1000, 10));
        env.Run();
        Assert.Equal(3, site.Metrics.OnTime);
        Assert.Equal(115_000_000, site.Metrics.GpuBytes.Max);
        Assert.Equal(100_000_000, site.Metrics.GpuBytes.Current);
    }

    [Fact]
    public void Bytes_saved_are_those_the_gpu_held_not_those_found_in_ram()
    {
        // The second A comes from RAM, not the disk, but still crosses PCIe, so nothing is saved (the models share nothing).
        var m = RanABAWithRam().Metrics;
        Assert.Equal(3, m.OnTime);
        Assert.Equal(160_000_000, m.BytesFromDisk);
        Assert.Equal(260_000_000, m.BytesOverPcie);
        Assert.Equal(0, m.BytesSaved);
    }

    [Fact]
    public void What_a_network_strategy_reads_of_a_site_counts_the_blocks_in_its_ram()
    {
        // After A, B, A the GPU holds A and the RAM both: B loads from RAM, its 60 MB over PCIe alone (6 ms), where
        // from the disk it would take 66 ms (60 ms of reading, then the copy).
        var state = RanABAWithRam().Service.State;
        Assert.Equal(0, state.LoadSeconds(0, 0));
        Assert.Equal(1, state.GpuShare(0, 0));
        Assert.Equal(0, state.GpuShare(0, 1));
        Assert.Equal(0.006, state.LoadSeconds(0, 1), 12);
    }

    /// <summary>A, B, A, one request each, on a GPU that keeps only the last model, with RAM for both models (which share nothing).</summary>
    private static LoneSite RanABAWithRam()
    {
        var catalog = new Catalog(new[] { new Block("a", 100_000_000), new Block("b", 60_000_000) },
            new[] { new Model("A", new[] { "a" }, new AffineProfile(0, 0.01), 0), new Model("B", new[] { "b" }, new AffineProfile(0, 0.01), 0) });
        var spec = new SiteSpec { Disk = new DiskProfile("d", 1e9, 0), Pcie = new PcieProfile("p", 1e10, 0), GpuBytes = 1_000_000_000, RamBytes = 1_000_000_000, Admission = Admission.None };
        var env = new Simulation();
        var plan = new Plan(new[] { new PlannedBatch("A", new long[] { 0 }), new PlannedBatch("B", new long[] { 1 }), new PlannedBatch("A", new long[] { 2 }) });
        var site = FixedPlanScheduler.Site(env, catalog, spec, plan, ("A", 1000, 10), ("B", 1000, 10), ("A", 1000, 10));
        env.Run();
        return site;
    }

    [Fact]
    public void A_plan_naming_a_request_twice_is_refused_with_the_schedulers_name()
    {
        var env = new Simulation();
        SiteFixture.Site(env, new DoubleBooking(), workload: new SyntheticWorkload(new BatchAtZero(3), new ZipfPopularity(), new ConstantQuantity(100)));
        var ex = Assert.Throws<InvalidOperationException>(() => env.Run());
        Assert.Contains("DoubleBooking", ex.Message);
        Assert.Contains("twice", ex.Message);
    }

    [Fact]
    public void A_scheduler_that_returns_no_plan_or_a_batch_without_its_model_is_refused_with_its_name()
    {
        foreach (var (scheduler, gist) in new (IBatchScheduler, string)[] { (new NoPlan(), "NoPlan returned no plan (null); Plan.Empty waits"), (new HollowBatch(), "HollowBatch planned a batch that is null or lacks its model") })
        {
            var env = new Simulation();
            SiteFixture.Site(env, scheduler, workload: new SyntheticWorkload(new BatchAtZero(3), new ZipfPopularity(), new ConstantQuantity(100)));
            var ex = Assert.Throws<InvalidOperationException>(() => env.Run());
            Assert.StartsWith(gist, ex.Message);
        }
    }

    /// <summary>fcfs, rejecting each queued request whose id is a multiple of 3 (some of them before the warm-up ends).</summary>
    private sealed class RejectingEveryThird : IBatchScheduler
    {
        private readonly FcfsScheduler fcfs = new();

        public Plan Plan(SiteView view)
        {
            var rejected = view.Queue.Where(r => r.Id % 3 == 0).Select(r => r.Id).ToArray();
            if (rejected.Length > 0) return new Plan(Array.Empty<PlannedBatch>(), rejected);
            return fcfs.Plan(view);
        }
    }

    private sealed class NoPlan : IBatchScheduler
    {
        public Plan Plan(SiteView view) => null!;
    }

    private sealed class HollowBatch : IBatchScheduler
    {
        public Plan Plan(SiteView view) => new(new[] { new PlannedBatch(null!, new[] { view.Queue[0].Id }) });
    }

    private sealed class NewestFirstScheduler : IBatchScheduler
    {
        public Plan Plan(SiteView view)
        {
            var newest = view.Queue.MaxBy(r => (r.Arrival, r.Id))!;
            return new Plan(new[] { new PlannedBatch(newest.ModelId, new[] { newest.Id }) });
        }
    }

    /// <summary>Plans every queued request, one batch per model in order of first appearance.</summary>
    private sealed class WholeQueueScheduler : IBatchScheduler
    {
        public int Calls { get; private set; }

        public int FirstPlanBatches { get; private set; }

        /// <summary>How many requests were queued at each call.</summary>
        public List<int> Queued { get; } = new();

        public Plan Plan(SiteView view)
        {
            Calls++;
            Queued.Add(view.Queue.Count);
            var batches = view.Queue.GroupBy(r => r.ModelId).Select(g => new PlannedBatch(g.Key, g.Select(r => r.Id).ToArray())).ToArray();
            if (Calls == 1) FirstPlanBatches = batches.Length;
            return new Plan(batches);
        }
    }

    private sealed class DoubleBooking : IBatchScheduler
    {
        public Plan Plan(SiteView view)
        {
            var r = view.Queue[0];
            return new Plan(new[] { new PlannedBatch(r.ModelId, new[] { r.Id }), new PlannedBatch(r.ModelId, new[] { r.Id }) });
        }
    }
}

/// <summary>Counts the objects reachable from a root through fields, stopping at the simulation (shared, not owned).</summary>
internal static class ObjectGraph
{
    public static long Count(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>();
        stack.Push(root);
        long elements = 0;
        while (stack.TryPop(out var o))
        {
            if (o is Simulation || o is string || !seen.Add(o)) continue;
            if (o is Array array)
            {
                elements += array.Length;
                if (!array.GetType().GetElementType()!.IsValueType)
                    foreach (var item in array) if (item is not null) stack.Push(item);
                continue;
            }
            for (var t = o.GetType(); t is not null; t = t.BaseType)
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    if (!f.FieldType.IsValueType && f.GetValue(o) is { } child) stack.Push(child);
        }
        return seen.Count + elements;
    }
}

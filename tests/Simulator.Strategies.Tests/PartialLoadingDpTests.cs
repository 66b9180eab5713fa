using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Strategies.Tests;

public class PartialLoadingDpTests
{
    [Fact]
    public void Equals_exhaustive_on_300_backbone_sharing_instances_with_a_common_deadline_sequential()
    {
        var rng = new Random(2025);
        int withResident = 0, nontrivial = 0;
        for (int i = 0; i < 300; i++)
        {
            var catalog = RandomInstances.BackboneSharing(rng);
            bool resident = i % 2 == 0;
            var view = RandomInstances.View(rng, catalog, rng.Next(1, 9), Timeline.Sequential, commonDeadline: true, withResident: resident);
            var problem = new StaticProblem(view);
            var dp = PlanEvaluator.Evaluate(problem, new PartialLoadingDp().Plan(view));
            var (_, optimum) = ExhaustiveScheduler.Solve(problem);
            Assert.True(dp.Feasible, $"instance {i}: {string.Join("; ", dp.Violations)}");
            Assert.True(optimum == dp.Served, $"instance {i}: pl-dp serves {dp.Served}, exhaustive {optimum}");
            if (resident) withResident++;
            if (optimum > 0 && optimum < view.Queue.Count) nontrivial++;
        }
        Assert.Equal(150, withResident);
        Assert.True(nontrivial > 60, $"only {nontrivial} instances where the deadline binds");
    }

    [Fact]
    public void With_a_deep_model_resident_it_is_served_first_and_shallower_ones_after()
    {
        // Backbone L0 (10 MB), L1 (50 MB). X and W freeze both, Y only L0; the GPU holds J_X. Serving Y
        // first (the paper's ascending order) would evict L1 and load it again for X; X first loads only
        // Y's private 50 MB afterwards. The ascending DP fails this test and the exhaustive comparison.
        var catalog = new Catalog(
            new[] { new Block("L0", 10_000_000), new Block("L1", 50_000_000), new Block("x-head", 100_000), new Block("y-L1", 50_000_000), new Block("y-head", 100_000), new Block("w-head", 100_000) },
            new[]
            {
                new Model("X", new[] { "L0", "L1", "x-head" }, new AffineProfile(0.001, 0.001), 0),
                new Model("Y", new[] { "L0", "y-L1", "y-head" }, new AffineProfile(0.001, 0.001), 0),
                new Model("W", new[] { "L0", "L1", "w-head" }, new AffineProfile(0.001, 0.001), 0),
            });
        var spec = new SiteSpec { Disk = RandomInstances.Hdd, Pcie = RandomInstances.Pcie, GpuBytes = 1_000_000_000, Timeline = Timeline.Sequential };
        var queue = new[] { new QueuedRequest(0, "Y", 1e5, 1e9, 1, 0, 2.0), new QueuedRequest(1, "X", 1e5, 1e9, 1, 0, 2.0) };
        var view = new SiteView(0, queue, new HashSet<string> { "L0", "L1", "x-head" }, new HashSet<string>(), catalog, new LoadEstimator(catalog, RandomInstances.Hdd, RandomInstances.Pcie), spec);
        var plan = new PartialLoadingDp().Plan(view);
        Assert.Equal(new[] { "X", "Y" }, plan.Batches.Select(b => b.ModelId));
        var problem = new StaticProblem(view);
        Assert.Equal(ExhaustiveScheduler.Solve(problem).Served, PlanEvaluator.Evaluate(problem, plan).Served);
    }

    [Fact]
    public void Refuses_a_catalog_that_is_not_backbone_sharing_unless_told_to_fall_back()
    {
        var catalog = new Catalog(
            new[] { new Block("a", 1_000), new Block("s", 1_000), new Block("b", 1_000) },
            new[] { new Model("A", new[] { "a", "s" }, new AffineProfile(0.001, 0.001), 0), new Model("B", new[] { "b", "s" }, new AffineProfile(0.001, 0.001), 0) });
        var view = RandomInstances.View(new Random(1), catalog, 4, Timeline.Sequential, true, false);
        var ex = Assert.Throws<StrategyException>(() => new PartialLoadingDp().Plan(view));
        Assert.Contains("shared blocks after private ones", ex.Message);
        var plan = new PartialLoadingDp(DpFallback.PlGreedy).Plan(view);
        Assert.True(PlanEvaluator.Evaluate(new StaticProblem(view), plan).Feasible);
    }
}

public class StaticProblemTests
{
    [Fact]
    public void The_closed_form_fast_path_equals_the_allocator_to_the_last_bit()
    {
        var rng = new Random(17);
        for (int i = 0; i < 200; i++)
        {
            var catalog = RandomInstances.BackboneSharing(rng);
            var view = RandomInstances.View(rng, catalog, rng.Next(1, 9), Edge.Timeline.Sequential, commonDeadline: false, withResident: false);
            var problem = new StaticProblem(view);
            var users = Enumerable.Range(0, view.Queue.Count).Where(_ => rng.Next(2) == 0).ToArray();
            if (users.Length == 0) continue;
            Assert.Equal(view.UploadSeconds(users.Select(k => view.Queue[k]).ToArray()), problem.Upload(users));
        }
    }
}

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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Equals_exhaustive_when_the_resident_set_touches_several_clusters(bool commonDeadline)
    {
        // lru and pin-shared residency leave blocks of several models, of several clusters, on the GPU.
        var rng = new Random(commonDeadline ? 4242 : 4343);
        int several = 0, mismatches = 0;
        var report = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            var catalog = RandomInstances.BackboneSharing(rng);
            var view = RandomInstances.View(rng, catalog, rng.Next(1, 8), Timeline.Sequential, commonDeadline, withResident: true, residentModels: rng.Next(2, 4));
            var clusters = BackboneStructure.Find(catalog, out _);
            if (clusters.Count(c => c.Models.Any(m => m.BlockIds.Any(view.Resident.Contains))) >= 2) several++;
            var problem = new StaticProblem(view);
            var dp = PlanEvaluator.Evaluate(problem, new PartialLoadingDp().Plan(view));
            Assert.True(dp.Feasible, $"instance {i}: {string.Join("; ", dp.Violations)} late {dp.Late.Count}");
            var (_, optimum) = ExhaustiveScheduler.Solve(problem);
            if (commonDeadline) Assert.True(optimum == dp.Served, $"instance {i}: pl-dp serves {dp.Served}, exhaustive {optimum}");
            else if (dp.Served < optimum) { mismatches++; report.Add($"{i}:{dp.Served}/{optimum}"); }
        }
        Assert.True(several > 100, $"only {several} instances touch several clusters");
        // With per-user deadlines pl-dp is a heuristic, optimal on 66 % of the README's gap rounds (no
        // resident set); here 77 %. Before each touched cluster was tried it also planned users too late.
        if (!commonDeadline) Assert.True(mismatches <= 100, $"{mismatches} gaps: {string.Join(" ", report)}");
    }

    [Fact]
    public void Enters_the_cluster_whose_model_is_wholly_resident_even_when_another_cluster_comes_first_in_the_catalog()
    {
        // The GPU holds blocks of both clusters (lru). B's blocks are all resident: served at once it finishes
        // in 0.08 s, within its 0.1 s deadline; entered with nothing resident it loads 200 MB at 100 MB/s.
        var catalog = new Catalog(
            new[] { new Block("a/L0", 50_000_000), new Block("a/head", 100_000), new Block("b/L0", 200_000_000), new Block("b/head", 100_000) },
            new[]
            {
                new Model("A", new[] { "a/L0", "a/head" }, new AffineProfile(0.001, 0.001), 0),
                new Model("B", new[] { "b/L0", "b/head" }, new AffineProfile(0.03, 0.01), 0),
            });
        var spec = new SiteSpec { Disk = RandomInstances.Hdd, Pcie = RandomInstances.Pcie, GpuBytes = 1_000_000_000, Timeline = Timeline.Sequential, Uplink = new UplinkSpec { BandwidthHz = 20e6 } };
        double bits = 0.04 * 20e6 * Math.Log2(1 + 1e9 / 20e6);
        var queue = new[] { new QueuedRequest(7, "B", bits, 1e9, Math.Log2(1 + 1e9 / 20e6), 0, 0.1) };
        var view = new SiteView(0, queue, new HashSet<string> { "a/L0", "b/L0", "b/head" }, new HashSet<string>(), catalog, new LoadEstimator(catalog, RandomInstances.Hdd, RandomInstances.Pcie), spec);
        var problem = new StaticProblem(view);
        var evaluation = PlanEvaluator.Evaluate(problem, new PartialLoadingDp().Plan(view));
        Assert.Equal(1, ExhaustiveScheduler.Solve(problem).Served);
        Assert.Equal(1, evaluation.Served);
        Assert.Equal(0.04 + 0.04, evaluation.Completions[0], 12);
    }

    [Fact]
    public void A_common_deadline_met_to_the_last_bit_is_met_by_the_plan_and_by_its_evaluator()
    {
        // The deadline is the very completion time of a plan serving everyone, at a late `now` where one
        // ulp is 2e-13 s: pl-dp adds per-cluster totals, the timeline adds batch by batch; both must agree.
        var rng = new Random(77);
        int ties = 0;
        for (int i = 0; i < 300; i++)
        {
            var catalog = RandomInstances.BackboneSharing(rng);
            var loose = RandomInstances.View(rng, catalog, rng.Next(2, 8), Timeline.Sequential, commonDeadline: true, withResident: true, residentModels: rng.Next(1, 3));
            double now = 1000 + rng.NextDouble() * 1000;
            var far = Shifted(loose, now, now + 1e6);
            var all = PlanEvaluator.Evaluate(new StaticProblem(far), new PartialLoadingDp().Plan(far));
            Assert.Equal(far.Queue.Count, all.Served);
            var tight = Shifted(loose, now, all.Completions[^1]);
            var problem = new StaticProblem(tight);
            var dp = PlanEvaluator.Evaluate(problem, new PartialLoadingDp().Plan(tight));
            Assert.True(dp.Feasible, $"instance {i}: {dp.Late.Count} late by the evaluator");
            Assert.True(dp.Served == tight.Queue.Count, $"instance {i}: serves {dp.Served} of {tight.Queue.Count}, though a plan serving all meets the deadline exactly");
            if (dp.Completions[^1] == tight.Queue[0].Deadline) ties++;
        }
        Assert.True(ties > 100, $"only {ties} exact ties");
    }

    private static SiteView Shifted(SiteView view, double now, double deadline) =>
        new(now, view.Queue.Select(r => r with { Arrival = now, Deadline = deadline }).ToArray(), view.Resident, view.InRam, view.Catalog, view.Loads, view.Spec);

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
    public void No_sharing_keeps_the_model_it_holds_and_loads_any_other_whole()
    {
        // The GPU holds X whole; two users of X and one of Y. Sharing-blind, X costs no load and Y a whole one,
        // "s" included: a blind system knows only whole models.
        var catalog = new Catalog(new[] { new Block("s", 100_000_000), new Block("x", 50_000_000), new Block("y", 50_000_000) },
            new[] { new Model("X", new[] { "s", "x" }, new AffineProfile(0.01, 0.01), 0), new Model("Y", new[] { "s", "y" }, new AffineProfile(0.01, 0.01), 0) });
        var spec = new SiteSpec { Disk = RandomInstances.Hdd, Pcie = RandomInstances.Pcie, GpuBytes = 1_000_000_000, Timeline = Timeline.Sequential, Uplink = new UplinkSpec { BandwidthHz = 20e6 } };
        double se = Math.Log2(1 + 1e9 / 20e6), bits = 0.05 * 20e6 * se;
        var queue = new[] { new QueuedRequest(0, "X", bits, 1e9, se, 0, 10), new QueuedRequest(1, "X", bits, 1e9, se, 0, 10), new QueuedRequest(2, "Y", bits, 1e9, se, 0, 10) };
        var loads = new LoadEstimator(catalog, RandomInstances.Hdd, RandomInstances.Pcie);
        var view = new SiteView(0, queue, new HashSet<string> { "s", "x" }, new HashSet<string>(), catalog, loads, spec);
        double whole = loads.LoadSeconds(catalog.Model("Y"), new HashSet<string>(), view.InRam);

        var (plan, evaluation, _, world) = StaticRun.Solve(StrategyRegistry.BuiltIn.Create("no-sharing", new Random(0)), view);
        Assert.Equal(new[] { "X|s", "x" }, world.Resident.OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(new[] { "X", "Y" }, plan.Batches.Select(b => b.ModelId));
        Assert.Equal(3, evaluation.Served);
        Assert.Equal(0.10 + 0.03, evaluation.Completions[0], 12);
        Assert.Equal(evaluation.Completions[0] + 0.05 + whole + 0.02, evaluation.Completions[1], 12);

        // plan-without-sharing plans the same, blind; with sharing, Y then loads only "y" (50 MB of its 150).
        var (_, shared, _, _) = StaticRun.Solve(StrategyRegistry.BuiltIn.Create("plan-without-sharing", new Random(0)), view);
        Assert.Equal(evaluation.Completions[0], shared.Completions[0], 12);
        Assert.Equal(shared.Completions[0] + 0.05 + loads.LoadSeconds(catalog.Model("Y"), catalog.BlockSet(catalog.Model("X")), view.InRam) + 0.02, shared.Completions[1], 12);
        Assert.True(shared.Completions[1] < evaluation.Completions[1] - 0.5);
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

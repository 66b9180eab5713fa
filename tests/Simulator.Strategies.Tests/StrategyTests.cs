using Simulator.Edge;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Strategies.Tests;

public class StrategyTests
{
    private static readonly string[] Planners = { "pl-dp", "pl-greedy", "pl-greedy-overlap", "exhaustive", "cpsat", "plan-without-sharing" };

    [Fact]
    public void Every_strategys_plans_pass_the_independent_evaluator_and_planners_meet_every_deadline()
    {
        var rng = new Random(77);
        foreach (var info in StrategyRegistry.BuiltIn.Strategies.Where(s => s.Kind == StrategyKind.Site))
            for (int i = 0; i < 40; i++)
            {
                var catalog = RandomInstances.BackboneSharing(rng);
                var timeline = i % 2 == 0 ? Timeline.Sequential : Timeline.Overlap;
                var view = RandomInstances.View(rng, catalog, rng.Next(1, 9), timeline, commonDeadline: i % 3 == 0, withResident: i % 4 == 0);
                var setup = StrategyRegistry.BuiltIn.Create(info.Name, new Random(i));
                var (_, evaluation, _, _) = StaticRun.Solve(setup, view);
                Assert.True(evaluation.Valid, $"{info.Name}, instance {i}: {string.Join("; ", evaluation.Violations)}");
                if (Planners.Contains(info.Name) || info.Name == "no-sharing")
                    Assert.True(evaluation.Feasible, $"{info.Name}, instance {i}: late {string.Join(", ", evaluation.Late)}");
            }
    }

    [Fact]
    public void No_heuristic_beats_the_exhaustive_optimum()
    {
        var rng = new Random(78);
        for (int i = 0; i < 150; i++)
        {
            var catalog = RandomInstances.BackboneSharing(rng);
            var view = RandomInstances.View(rng, catalog, rng.Next(1, 9), i % 2 == 0 ? Timeline.Sequential : Timeline.Overlap, commonDeadline: i % 3 == 0, withResident: i % 4 == 0);
            var problem = new StaticProblem(view);
            int optimum = ExhaustiveScheduler.Solve(problem).Served;
            foreach (var name in new[] { "pl-dp", "pl-greedy", "pl-greedy-overlap", "fcfs", "edf", "max-batch" })
            {
                var served = PlanEvaluator.Evaluate(problem, StaticRun.Schedule(StrategyRegistry.BuiltIn.Create(name, new Random(1)).Scheduler, view)).Served;
                Assert.True(served <= optimum, $"{name} serves {served} > optimum {optimum} on instance {i}");
            }
        }
    }

    [Fact]
    public void Sharing_pays_pl_dp_serves_more_than_no_sharing_with_a_paired_interval_above_zero()
    {
        // 30 fixed instances: two ResNet-50 clusters of 4 variants each (frozen depths 1-4) from an HDD,
        // 40 users, a common 3 s deadline, sequential timeline.
        var diffs = new List<double>();
        for (int seed = 0; seed < 30; seed++)
        {
            var rng = new Random(1000 + seed);
            var catalog = BackboneSharingGenerator.Build(new[]
            {
                new ClusterSpec("resnet50", 4, new[] { 1, 2, 3, 4 }, 100, new AffineProfile(0.002, 0.003), 50_000_000),
                new ClusterSpec("resnet34", 4, new[] { 1, 2, 3, 4 }, 100, new AffineProfile(0.0015, 0.003), 40_000_000),
            });
            var view = HddView(rng, catalog, users: 40, deadline: 3.0);
            int dp = PlanEvaluator.Evaluate(new StaticProblem(view), new PartialLoadingDp().Plan(view)).Served;
            var noSharing = StrategyRegistry.BuiltIn.Create("no-sharing", new Random(0));
            int ns = StaticRun.Solve(noSharing, view).Evaluation.Served;
            diffs.Add(dp - ns);
        }
        double mean = diffs.Average();
        double sd = Math.Sqrt(diffs.Sum(d => (d - mean) * (d - mean)) / (diffs.Count - 1));
        double half = 2.045 * sd / Math.Sqrt(diffs.Count); // t(29, 0.975)
        Assert.True(mean - half > 0, $"paired difference {mean:F2} +- {half:F2}");
    }

    [Fact]
    public void Each_strategy_runs_in_the_site_over_a_horizon_with_every_arrival_accounted_for()
    {
        var catalog = BackboneSharingGenerator.Build(new[]
        {
            new ClusterSpec("resnet18", 3, new[] { 2, 3, 4 }, 10, new AffineProfile(0.0015, 0.002), 20_000_000),
            new ClusterSpec("resnet34", 2, new[] { 3 }, 10, new AffineProfile(0.0025, 0.003), 30_000_000),
        });
        foreach (var info in StrategyRegistry.BuiltIn.Strategies.Where(s => s.Kind == StrategyKind.Site))
        {
            // The exact oracles get a light load and cpsat a short limit: they are for small rounds.
            var args = info.Name == "cpsat" ? new Dictionary<string, string> { ["time-limit-seconds"] = "0.5" } : new Dictionary<string, string>();
            var setup = StrategyRegistry.BuiltIn.Create(info.Name, args, new Random(3));
            var spec = setup.Require(new SiteSpec
            {
                Disk = new DiskProfile("nvme", 3.5e9, 0),
                Pcie = new PcieProfile("gen4", 25e9, 0),
                GpuBytes = 24_000_000_000,
            });
            double rate = info.Name is "exhaustive" or "cpsat" ? 3 : 20;
            var workload = new SyntheticWorkload(new PoissonArrivals(rate), new ZipfPopularity(), new ConstantQuantity(0.5));
            var env = new Simulation();
            var site = new LoneSite(env, catalog, spec, setup.Scheduler, workload, new RandomStreams(11), warmupSeconds: 5);
            env.RunD(60);
            var m = site.Metrics;
            Assert.True(m.OnTime > 0, $"{info.Name} served nobody on time");
            Assert.InRange(site.Unfinished, 0, site.Site.QueueLength + site.Site.InService);
        }
    }

    private static SiteView HddView(Random rng, Catalog catalog, int users, double deadline)
    {
        const double bandwidth = 20e6;
        var spec = new SiteSpec { Disk = new DiskProfile("hdd-7200", 200e6, 0.0116), Pcie = new PcieProfile("pcie-gen4", 25e9, 0), GpuBytes = 24_000_000_000, Timeline = Timeline.Sequential };
        var queue = Enumerable.Range(0, users).Select(k =>
        {
            var model = catalog.Models[rng.Next(catalog.Models.Count)];
            double u = 0.005 + 0.02 * rng.NextDouble();
            double eta = Math.Log2(1 + 1e9 / bandwidth);
            return new QueuedRequest(k, model.Id, u * bandwidth * eta, 1e9, eta, 0, deadline);
        }).ToArray();
        var none = new HashSet<string>();
        return new SiteView(0, queue, none, none, catalog, new LoadEstimator(catalog, spec.Disk, spec.Pcie), spec);
    }
}

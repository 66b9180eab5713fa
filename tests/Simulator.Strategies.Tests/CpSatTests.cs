using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Strategies.Tests;

public class CpSatTests
{
    [Fact]
    public void Value_equals_the_exhaustive_optimum_on_small_instances_and_is_proven()
    {
        var rng = new Random(404);
        for (int i = 0; i < 60; i++)
        {
            var catalog = RandomInstances.BackboneSharing(rng);
            var view = RandomInstances.View(rng, catalog, rng.Next(1, 8), i % 2 == 0 ? Timeline.Sequential : Timeline.Overlap, commonDeadline: i % 3 == 0, withResident: i % 4 == 0);
            var problem = new StaticProblem(view);
            var result = CpSatScheduler.Solve(problem, timeLimitSeconds: 20);
            Assert.True(result.Optimal, $"instance {i} not proven within the limit");
            Assert.Equal(ExhaustiveScheduler.Solve(problem).Served, result.Value);
            var evaluation = PlanEvaluator.Evaluate(problem, result.Plan);
            Assert.True(evaluation.Feasible, $"instance {i}: {string.Join("; ", evaluation.Violations)} late {string.Join(",", evaluation.Late)}");
            Assert.Equal(result.Value, evaluation.Served);
        }
    }

    [Fact]
    public void The_proven_bound_is_never_below_a_heuristics_value()
    {
        var rng = new Random(405);
        for (int i = 0; i < 12; i++)
        {
            var catalog = RandomInstances.BackboneSharing(rng, maxModels: 6);
            var view = RandomInstances.View(rng, catalog, 14, i % 2 == 0 ? Timeline.Sequential : Timeline.Overlap, commonDeadline: i % 2 == 0, withResident: true);
            var problem = new StaticProblem(view);
            var result = CpSatScheduler.Solve(problem, timeLimitSeconds: 1);
            foreach (var name in new[] { "pl-dp", "pl-greedy", "pl-greedy-overlap", "fcfs", "edf", "max-batch" })
            {
                int value = PlanEvaluator.Evaluate(problem, StaticRun.Schedule(StrategyRegistry.BuiltIn.Create(name, new Random(1)).Scheduler, view)).Served;
                Assert.True(result.Bound >= value, $"instance {i}: bound {result.Bound} < {name}'s {value}");
            }
            Assert.True(result.Value <= result.Bound);
        }
    }

    [Fact]
    public void Another_allocator_is_refused()
    {
        var catalog = RandomInstances.BackboneSharing(new Random(1));
        var view = RandomInstances.View(new Random(2), catalog, 3, Timeline.Sequential, true, false);
        var equal = new SiteView(0, view.Queue, view.Resident, view.InRam, catalog, view.Loads, view.Spec with { Uplink = new UplinkSpec { Allocator = new EqualAllocator() } });
        Assert.Contains("optimal split", Assert.Throws<StrategyException>(() => CpSatScheduler.Solve(new StaticProblem(equal))).Message);
    }
}

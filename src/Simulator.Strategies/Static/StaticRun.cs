using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// Runs any scheduler over one static round as the site's executor would with plan-to-completion: ask
/// for a plan, run its batches in order, and ask again with what is left (at the time reached, with the
/// last model's blocks resident) until the scheduler plans nothing or no request is left. Planners
/// answer once; one-batch-at-a-time schedulers (fcfs, edf, ...) are asked once per batch.
/// </summary>
public static class StaticRun
{
    /// <summary>
    /// A scheduler's plan for the round in the round's world (on a sharing-blind site, the catalog that shares
    /// nothing), that world's view, the independent evaluation of the plan in it, and the wall time of planning.
    /// </summary>
    public static (Plan Plan, PlanEvaluation Evaluation, double Seconds, SiteView World) Solve(IBatchScheduler scheduler, SiteView view)
    {
        var own = view;
        if (!view.Spec.Sharing)
        {
            var unshared = SharingBlind.Unshared(view.Catalog);
            own = SharingBlind.View(view, unshared, LoadEstimator.For(unshared, view.Spec));
        }
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var plan = Schedule(scheduler, own);
        double seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (plan, PlanEvaluator.Evaluate(new StaticProblem(own), plan), seconds, own);
    }

    /// <summary>A strategy's plan on the site it needs: the round's, with the site settings the strategy declares applied (sharing off for no-sharing).</summary>
    public static (Plan Plan, PlanEvaluation Evaluation, double Seconds, SiteView World) Solve(StrategySetup setup, SiteView view) =>
        Solve(setup.Scheduler, setup.Site.Count == 0 ? view : new SiteView(view.Now, view.Queue, view.Resident, view.InRam, view.Catalog, view.Loads, setup.Require(view.Spec)));

    public static Plan Schedule(IBatchScheduler scheduler, SiteView view)
    {
        var problem = new StaticProblem(view);
        var batches = new List<PlannedBatch>();
        var left = view.Queue.ToList();
        var current = view;
        while (left.Count > 0)
        {
            var plan = scheduler.Plan(current) ?? throw new InvalidOperationException($"{scheduler.GetType().Name} returned no plan (null); Plan.Empty plans nothing.");
            if (plan.Batches.Count == 0) break;
            batches.AddRange(plan.Batches);
            var taken = plan.Batches.SelectMany(b => b.RequestIds).Concat(plan.Rejected ?? Array.Empty<long>()).ToHashSet();
            left.RemoveAll(r => taken.Contains(r.Id));
            var evaluation = PlanEvaluator.Evaluate(problem, new Plan(batches));
            if (!evaluation.Valid) break; // the caller's evaluation reports what is wrong
            var last = view.Catalog.Model(batches[^1].ModelId);
            current = new SiteView(evaluation.Completions[^1], left, view.Catalog.BlockSet(last), view.InRam, view.Catalog, view.Loads, view.Spec);
        }
        return new Plan(batches);
    }
}

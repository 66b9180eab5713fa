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
        var own = World(view);
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var plan = Schedule(scheduler, own);
        double seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (plan, PlanEvaluator.Evaluate(new StaticProblem(own), plan), seconds, own);
    }

    /// <summary>The round in the world its site plans in: on a sharing-blind site, over the catalog that shares nothing.</summary>
    public static SiteView World(SiteView view)
    {
        if (view.Spec.Sharing) return view;
        var unshared = SharingBlind.Unshared(view.Catalog);
        return SharingBlind.View(view, unshared, LoadEstimator.For(unshared, view.Spec));
    }

    /// <summary>A strategy's plan on the site it needs: the round's, with the site settings the strategy declares applied (sharing off for no-sharing).</summary>
    public static (Plan Plan, PlanEvaluation Evaluation, double Seconds, SiteView World) Solve(StrategySetup setup, SiteView view) =>
        Solve(setup.Scheduler, setup.Site.Count == 0 ? view : new SiteView(view.Now, view.Queue, view.Resident, view.InRam, view.Catalog, view.Loads, setup.Require(view.Spec)));

    public static Plan Schedule(IBatchScheduler scheduler, SiteView view)
    {
        var steps = new RoundSteps(view);
        while (!steps.Done)
            steps.Take(scheduler.Plan(steps.View) ?? throw new InvalidOperationException($"{scheduler.GetType().Name} returned no plan (null); Plan.Empty plans nothing."));
        return steps.Plan;
    }
}

using System.Globalization;
using Simulator.Edge;
using Simulator.Kernel;

namespace Simulator.Edge.Tests;

/// <summary>Hands out one fixed plan, limited to the requests still queued, then nothing.</summary>
internal sealed class FixedPlanScheduler(Plan plan) : IBatchScheduler
{
    private bool given;

    public Plan Plan(SiteView view)
    {
        if (given) return Edge.Plan.Empty;
        given = true;
        var queued = view.Queue.Select(q => q.Id).ToHashSet();
        return new Plan(plan.Batches
            .Select(b => b with { RequestIds = b.RequestIds.Where(queued.Contains).ToArray() })
            .Where(b => b.RequestIds.Count > 0).ToArray());
    }

    /// <summary>
    /// A lone site serving <paramref name="plan"/> to requests that all arrive at 0 (ids in the order given), asking
    /// again only when the plan ran out: the scheduler hands its plan out once, so a replan before would drop the rest.
    /// </summary>
    public static LoneSite Site(Simulation env, Catalog catalog, SiteSpec spec, Plan plan, params (string Model, double Bytes, double Deadline)[] requests)
    {
        var lines = requests.Select(r => string.Create(CultureInfo.InvariantCulture, $"0,{r.Model},{r.Bytes:R},{r.Deadline:R}")).Prepend("time,model,bytes,deadline").ToArray();
        return new LoneSite(env, catalog, spec with { Replan = Replan.PlanToCompletion }, new FixedPlanScheduler(plan), new TraceWorkload("fixed-plan.csv", lines), new RandomStreams(1));
    }
}

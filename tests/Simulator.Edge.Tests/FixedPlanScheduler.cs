using Simulator.Edge;

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
}

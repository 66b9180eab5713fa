using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// First come, first served: the next batch serves the model of the oldest queued request, with every
/// queued request for that model in arrival order, as many as the memory rule allows. Sharing-blind.
/// </summary>
public sealed class FcfsScheduler : IBatchScheduler
{
    public Plan Plan(SiteView view)
    {
        if (view.Queue.Count == 0) return Edge.Plan.Empty;
        var oldest = view.Queue.MinBy(r => (r.Arrival, r.Id))!;
        var model = view.Catalog.Model(oldest.ModelId);
        var ids = view.Queue.Where(r => r.ModelId == model.Id).OrderBy(r => r.Arrival).ThenBy(r => r.Id)
            .Take(view.MaxBatchSize(model)).Select(r => r.Id).ToArray();
        return new Plan(new[] { new PlannedBatch(model.Id, ids) });
    }
}

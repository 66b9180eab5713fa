using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Plugin.Sample;

/// <summary>
/// `most-queued`: the model with the most queued requests (ties to the lower id), its requests in arrival order up
/// to the largest batch the memory allows. A user's strategy in a user's assembly: it only needs the attribute and
/// the interface.
/// </summary>
[Strategy("most-queued", "Sample plugin: the model with the most queued requests, oldest first, up to its largest batch.")]
public sealed class MostQueuedScheduler : IBatchScheduler
{
    public Plan Plan(SiteView view)
    {
        if (view.Queue.Count == 0) return Edge.Plan.Empty;
        var group = view.Queue.GroupBy(r => r.ModelId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var ids = group.OrderBy(r => r.Arrival).ThenBy(r => r.Id).Take(view.MaxBatchSize(view.Catalog.Model(group.Key))).Select(r => r.Id).ToArray();
        return ids.Length == 0 ? Edge.Plan.Empty : new Plan(new[] { new PlannedBatch(group.Key, ids) });
    }
}

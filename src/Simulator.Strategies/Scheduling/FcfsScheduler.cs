using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// `fcfs`: first come, first served. The next batch serves the model of the oldest queued request, with
/// its queued requests in arrival order, as many as the memory rule allows. Sharing-blind.
/// </summary>
[Strategy("fcfs", "First come, first served: the oldest request's model, all its queued requests (memory cap applies). Sharing-blind.")]
public sealed class FcfsScheduler : OneBatchScheduler
{
    protected override string PickModel(SiteView view) => view.Queue.MinBy(r => (r.Arrival, r.Id))!.ModelId;
}

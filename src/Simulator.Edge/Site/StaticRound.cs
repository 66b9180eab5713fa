namespace Simulator.Edge;

/// <summary>
/// One round of the static problem (the papers' static setting) drawn from a scenario: every request of
/// the workload is present at t = 0, the GPU holds nothing and RAM holds its preload. The users, their
/// channels and their requests come from the same streams a simulated site draws from.
/// </summary>
public static class StaticRound
{
    public static SiteView Draw(Catalog catalog, SiteSpec spec, IWorkload workload, RandomStreams streams)
    {
        var users = new CellUsers(spec.Uplink, streams);
        var queue = new List<QueuedRequest>();
        foreach (var draft in workload.Requests(catalog, streams))
        {
            if (draft.Arrival > 0)
                throw new ArgumentException($"A static round needs every request at t = 0 (arrivals: batch-at-zero); request {draft.Id} arrives at {draft.Arrival} s.");
            queue.Add(QueuedRequest.At(users.Place(draft), 0));
        }
        var ram = new RamCache(spec.RamBytes);
        ram.Preload(catalog, spec.RamPreload);
        return new SiteView(0, queue, System.Collections.Frozen.FrozenSet<string>.Empty, ram, catalog, LoadEstimator.For(catalog, spec), spec);
    }
}

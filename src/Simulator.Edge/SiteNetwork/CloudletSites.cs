using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// The network's cloudlets as PartialLoading sites (network.md section 6). Each cloudlet has a cell whose
/// workload brings requests (handed to the network to select a model and pull its parts) and a site that
/// serves them once the parts are on its disk, the cloudlet's <see cref="PartStore"/>: the parts stay pinned
/// there until the request's outcome is known. All sites report into one <see cref="SiteMetrics"/>.
/// Cloudlet 0 reads the run's own streams and every other cloudlet streams of its own, so a network of one
/// cloudlet is the lone site's run draw for draw.
/// </summary>
public sealed class CloudletSites
{
    private readonly EdgeSite[] sites;
    private readonly PartStore[] stores;
    private readonly Dictionary<long, (int Cloudlet, string[] Base, string[] Task)> pinned = new();

    public CloudletSites(Simulation env, CloudletSiteSpec spec, Catalog catalog, PartStore[] stores, RandomStreams streams, double warmupSeconds, Action<int, InferenceRequest> arrive)
    {
        this.stores = stores;
        Uplink = spec.Site.Uplink;
        Metrics = new SiteMetrics(env, warmupSeconds, spec.TraceWindowSeconds);
        Metrics.Ended += (r, _, _) => Release(r);
        sites = new EdgeSite[stores.Length];
        for (int i = 0; i < sites.Length; i++)
        {
            var cell = CellStreams(streams, i);
            // The cell's arrivals start before its site's planner, as at a lone site.
            env.Process(Arrivals(env, i, spec, catalog, cell, arrive));
            sites[i] = new EdgeSite(env, catalog, spec.Site, spec.Scheduler(i, cell), Metrics);
            sites[i].Start();
        }
        State = new SiteState(sites, catalog);
    }

    public SiteMetrics Metrics { get; }

    public IReadOnlyList<EdgeSite> Sites => sites;

    public SiteState State { get; }

    /// <summary>The cells' radio (every cloudlet's is the same spec).</summary>
    public UplinkSpec Uplink { get; }

    /// <summary>Requests in the sites' queues, and in batches being served.</summary>
    public int Queued => sites.Sum(s => s.QueueLength);

    public int InService => sites.Sum(s => s.InService);

    /// <summary>The streams of cloudlet <paramref name="cloudlet"/>'s cell and site.</summary>
    public static RandomStreams CellStreams(RandomStreams run, int cloudlet) => cloudlet == 0 ? run : run.For("cloudlet", cloudlet);

    private static IEnumerable<Event> Arrivals(Simulation env, int cloudlet, CloudletSiteSpec spec, Catalog catalog, RandomStreams cell, Action<int, InferenceRequest> arrive)
    {
        var users = new CellUsers(spec.Site.Uplink, cell);
        foreach (var draft in spec.Workload.Requests(catalog, cell))
        {
            if (draft.Arrival > env.NowD) yield return env.TimeoutD(draft.Arrival - env.NowD);
            arrive(cloudlet, users.Place(draft));
        }
    }

    /// <summary>Queues a request at its cloudlet's site; its model's parts must be on the disk, pinned by the caller.</summary>
    internal void Admit(int cloudlet, InferenceRequest request, string[] baseBlocks, string[] taskBlocks)
    {
        if (!stores[cloudlet].Holds(baseBlocks) || !stores[cloudlet].Holds(taskBlocks))
            throw new InvalidOperationException($"Request {request.Id} reached cloudlet {cloudlet}'s site before model '{request.ModelId}' was on its disk.");
        pinned.Add(request.Id, (cloudlet, baseBlocks, taskBlocks));
        sites[cloudlet].Admit(request);
    }

    private void Release(InferenceRequest r)
    {
        if (!pinned.Remove(r.Id, out var held)) return;
        stores[held.Cloudlet].Release(held.Base);
        stores[held.Cloudlet].Release(held.Task);
    }
}

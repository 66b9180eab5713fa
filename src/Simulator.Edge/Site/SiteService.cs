using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>
/// The service of a world whose cloudlets are sites: one <see cref="EdgeSite"/> per cloudlet, each with its own
/// scheduler, all reporting into one <see cref="SiteMetrics"/> (counts and samples pool; the queue and GPU
/// levels add up over the sites). A request joins its cloudlet's queue with the model chosen for it; its
/// outcome, when known, releases its parts.
/// </summary>
public sealed class SiteService : IRequestService
{
    private readonly EdgeSite[] sites;
    private readonly string[] modelIds;
    // Requests whose outcome the pipeline must hear of: those whose parts are pinned, and all when someone listens.
    private readonly Dictionary<long, UserRequest> open = new();
    private RequestPipeline? pipeline;

    /// <param name="scheduler">The scheduler of cloudlet i, made from its cell's streams.</param>
    public SiteService(Simulation env, Catalog catalog, SiteSpec spec, int cloudlets, Func<int, IBatchScheduler> scheduler, SiteMetrics metrics)
    {
        Spec = spec;
        Metrics = metrics;
        modelIds = catalog.Models.Select(m => m.Id).ToArray();
        sites = new EdgeSite[cloudlets];
        for (int i = 0; i < cloudlets; i++)
        {
            sites[i] = new EdgeSite(env, catalog, spec, scheduler(i), metrics);
            sites[i].Ended += Ended;
        }
        State = new SiteState(sites, catalog);
    }

    public SiteSpec Spec { get; }

    public SiteMetrics Metrics { get; }

    public IReadOnlyList<EdgeSite> Sites => sites;

    /// <summary>What a network strategy may read of the sites when it decides.</summary>
    public SiteState State { get; }

    /// <summary>Requests in the sites' queues, and in batches being served.</summary>
    public int Queued => sites.Sum(s => s.QueueLength);

    public int InService => sites.Sum(s => s.InService);

    public void Start(RequestPipeline pipeline, int cloudlet)
    {
        this.pipeline = pipeline;
        sites[cloudlet].Start();
    }

    public IEnumerable<Event>? Admit(UserRequest request)
    {
        var r = request.Cell ?? throw new InvalidOperationException($"Request {request.Id} did not arrive in a cell: a site serves a cell's requests.");
        if (request.Choice is { } choice) r.ModelId = modelIds[choice.Model];
        r.Decided = request.Decided;
        r.Admitted = request.Admitted;
        if (request.Pinned is not null || pipeline!.ReportsOutcomes) open.Add(r.Id, request);
        sites[request.Home].Admit(r);
        return null;
    }

    private void Ended(InferenceRequest r, Outcome outcome, double at)
    {
        if (open.Remove(r.Id, out var request))
            pipeline!.Finish(request, new RequestOutcome(r.Id, r.ModelId, outcome, at, outcome is Outcome.OnTime or Outcome.Late ? at - r.Arrival : double.NaN));
    }
}

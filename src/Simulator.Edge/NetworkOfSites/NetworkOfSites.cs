using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// A network of PartialLoading sites (network.md section 6) as the <see cref="RequestPipeline"/> runs it: requests
/// arrive in every cloudlet's cell, the network strategy selects a model for each (and may read the sites), the
/// fetch pulls the parts its cloudlet's disk lacks, and the cloudlet's site batches, loads and runs it; the parts
/// stay pinned on the disk until the request's outcome. A network of one cloudlet holding everything is the lone
/// site's run draw for draw.
/// </summary>
public sealed class NetworkOfSites
{
    /// <param name="strategy">The network strategy: an <see cref="INetworkSelector"/> or an <see cref="IOnlineSelector"/>.</param>
    /// <param name="scheduler">The batch scheduler of cloudlet i, made from its cell's streams.</param>
    /// <param name="traceWindowSeconds">Keep the latency distribution, the summed queue and GPU levels and the network's levels per window of this width; null: not traced.</param>
    public NetworkOfSites(Simulation env, NetworkWorldSpec world, NetworkOfSitesSpec spec, Catalog catalog, object strategy, PenaltySpec penalty, Func<int, RandomStreams, IBatchScheduler> scheduler,
        RandomStreams streams, double warmupSeconds, double? traceWindowSeconds = null)
    {
        Network = new CloudletNetwork(world, catalog, streams, spec.StorageBytes);
        int cloudlets = Network.Cloudlets.Count;
        Sites = new SiteService(env, catalog, spec.Site, cloudlets, i => scheduler(i, CellArrivals.CellStreams(streams, i)), new SiteMetrics(env, warmupSeconds, traceWindowSeconds));
        Selection = NetworkSelection.For(strategy, spec.WindowSeconds, penalty, Network, r => Network.Describe(r, spec.Site.Uplink, env.NowD), Sites.State);
        Fetch = new PartFetch(env, Network, spec.Contention, spec.Inflight);
        Pipeline = new RequestPipeline(env, warmupSeconds, new CellArrivals(env, catalog, spec.Workload, spec.Site.Uplink, streams, cloudlets), Selection, Fetch, Sites);
        if (traceWindowSeconds is { } width) Levels = new NetworkLevels(env, Pipeline, Network, width);
        Pipeline.Start();
    }

    /// <summary>Traced runs: the network's levels over time (the sites' are in their metrics).</summary>
    public NetworkLevels? Levels { get; }

    public RequestPipeline Pipeline { get; }

    public CloudletNetwork Network { get; }

    public ISelection Selection { get; }

    public SelectionMeasures SelectionMeasures => NetworkSelection.Measures(Selection);

    public PartFetch Fetch { get; }

    public SiteService Sites { get; }

    /// <summary>Requests that arrived and wait for their window's plan.</summary>
    public int Undecided => Selection is WindowSelection w ? w.Undecided : 0;
}

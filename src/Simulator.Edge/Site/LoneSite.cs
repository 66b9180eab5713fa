using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>
/// One edge server and its cell, as the <see cref="RequestPipeline"/> runs it: the cell's workload, the model each
/// user named, nothing to fetch, and the site serving its queue with the scheduler's plans.
/// </summary>
public sealed class LoneSite
{
    /// <summary>Builds and starts the site; the simulation then runs it.</summary>
    /// <param name="traceWindowSeconds">Keep the latency distribution and the queue and GPU levels per window of this width; null: not traced.</param>
    public LoneSite(Simulation env, Catalog catalog, SiteSpec spec, IBatchScheduler scheduler, IWorkload workload, RandomStreams streams, double warmupSeconds = 0, double? traceWindowSeconds = null)
    {
        Service = new SiteService(env, catalog, spec, 1, _ => scheduler, new SiteMetrics(env, warmupSeconds, traceWindowSeconds));
        Pipeline = new RequestPipeline(env, warmupSeconds, new CellArrivals(env, catalog, workload, spec.Uplink, streams), new RequestedModel(), null, Service);
        Pipeline.Start();
    }

    public RequestPipeline Pipeline { get; }

    public SiteService Service { get; }

    public EdgeSite Site => Service.Sites[0];

    public SiteMetrics Metrics => Service.Metrics;

    /// <summary>Requests counted as arrived that have no outcome yet (queued or in service when the run stopped).</summary>
    public long Unfinished => Pipeline.Arrived - Metrics.Ended;
}

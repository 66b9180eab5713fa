namespace Simulator.Edge.Network;

/// <summary>
/// What every cloudlet runs when the network's cloudlets are sites (network.md section 6): the site (disk, RAM,
/// GPU, policies, its cell's radio), the workload of its cell, and a batch scheduler per cloudlet, made from the
/// cloudlet's own streams.
/// </summary>
public sealed record CloudletSiteSpec(SiteSpec Site, IWorkload Workload, Func<int, RandomStreams, IBatchScheduler> Scheduler)
{
    /// <summary>The disk's room for models, in bytes, the same at every cloudlet; null: each cloudlet's drawn capacity C_i.</summary>
    public double? StorageBytes { get; init; }

    /// <summary>Keep the latency distribution and the summed queue and GPU levels per window of this width (traced runs); null: not traced.</summary>
    public double? TraceWindowSeconds { get; init; }
}

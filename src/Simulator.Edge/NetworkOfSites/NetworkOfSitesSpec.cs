namespace Simulator.Edge.Network;

/// <summary>
/// What every cloudlet runs when the network's cloudlets are sites (network.md section 6): the site (disk, RAM,
/// GPU, policies, its cell's radio) and the workload of its cell; and how the network tier works: the window its
/// strategy plans (0: each request on arrival), how pulls share the links, and what a decision does about a part on its way.
/// </summary>
public sealed record NetworkOfSitesSpec(SiteSpec Site, IWorkload Workload, double WindowSeconds, Contention Contention, Inflight Inflight)
{
    /// <summary>The disk's room for models, in bytes, the same at every cloudlet; null: each cloudlet's drawn capacity C_i.</summary>
    public double? StorageBytes { get; init; }
}

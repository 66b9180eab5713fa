namespace Simulator.Edge.Network;

/// <summary>
/// What a network strategy may read of the cloudlets' sites when it decides: which models are on a GPU and
/// how long a site would take to load one now. Read-only; a plan is made within one step of the simulation,
/// so what it reads is the sites' state at that instant.
/// </summary>
public sealed class SiteState(IReadOnlyList<EdgeSite> sites, Catalog catalog)
{
    /// <summary>Seconds the cloudlet's loader would take now to bring model k onto its GPU (0 when every block is resident).</summary>
    public double LoadSeconds(int cloudlet, int model)
    {
        var site = sites[cloudlet];
        return site.Estimator.LoadSeconds(Local(site, model), site.Loader.Gpu, site.Loader.Ram);
    }

    /// <summary>The share of model k's bytes resident on the cloudlet's GPU.</summary>
    public double GpuShare(int cloudlet, int model)
    {
        var site = sites[cloudlet];
        var local = Local(site, model);
        long bytes = site.Catalog.Bytes(local);
        return bytes == 0 ? 1 : (double)site.Catalog.ResidentBytes(local, site.Loader.Gpu) / bytes;
    }

    // A sharing-blind site keeps its own copy of the catalog, with the same model ids.
    private Model Local(EdgeSite site, int model) => site.Catalog.Model(catalog.Models[model].Id);
}

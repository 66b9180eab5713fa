using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// Random static rounds for comparing planners with the exact oracles: small backbone-sharing catalogs
/// (an HDD at 100 MB/s with 5 ms per access, PCIe at 10 GB/s) and users all present at t = 0.
/// </summary>
public static class RandomInstances
{
    public static readonly DiskProfile Hdd = new("hdd", 100e6, 0.005);
    public static readonly PcieProfile Pcie = new("pcie", 10e9, 0.0001);

    /// <summary>1-3 clusters and at most 4 models; backbones of 2-5 layers; variants freeze random depths.</summary>
    public static Catalog BackboneSharing(Random rng, int maxModels = 4)
    {
        int clusters = rng.Next(1, 4);
        int models = Math.Max(clusters, rng.Next(1, maxModels + 1));
        var perCluster = Enumerable.Repeat(1, clusters).ToArray();
        for (int i = clusters; i < models; i++) perCluster[rng.Next(clusters)]++;
        var blocks = new List<Block>();
        var list = new List<Model>();
        for (int c = 0; c < clusters; c++)
        {
            int layers = rng.Next(2, 6);
            var sizes = Enumerable.Range(0, layers).Select(_ => (long)rng.Next(1, 60) * 1_000_000).ToArray();
            for (int k = 0; k < layers; k++) blocks.Add(new Block($"c{c}/L{k}", sizes[k], BlockKind.BackboneLayer));
            for (int v = 0; v < perCluster[c]; v++)
            {
                int depth = rng.Next(0, layers + 1);
                var ids = new List<string>();
                for (int k = 0; k < layers; k++)
                {
                    if (k < depth) ids.Add($"c{c}/L{k}");
                    else
                    {
                        blocks.Add(new Block($"c{c}/v{v}/L{k}", sizes[k], BlockKind.PrivateLayer));
                        ids.Add($"c{c}/v{v}/L{k}");
                    }
                }
                blocks.Add(new Block($"c{c}/v{v}/head", rng.Next(1, 5) * 100_000, BlockKind.Head));
                ids.Add($"c{c}/v{v}/head");
                list.Add(new Model($"c{c}/v{v}", ids, new AffineProfile(rng.Next(1, 20) * 0.001, rng.Next(1, 50) * 0.001), 1_000_000));
            }
        }
        // Blocks no model lists (frozen layers deeper than every variant) are dropped.
        var used = list.SelectMany(m => m.BlockIds).ToHashSet();
        return new Catalog(blocks.Where(b => used.Contains(b.Id)), list);
    }

    /// <summary>
    /// A view of <paramref name="users"/> requests at t = 0 with upload costs 0.01-0.3 s and, when
    /// <paramref name="commonDeadline"/>, one deadline. With <paramref name="withResident"/> the GPU holds the
    /// blocks of <paramref name="residentModels"/> random models (several, as lru or pin-shared residency
    /// leaves them, may touch several clusters).
    /// </summary>
    public static SiteView View(Random rng, Catalog catalog, int users, Timeline timeline, bool commonDeadline, bool withResident, int residentModels = 1)
    {
        const double bandwidth = 20e6;
        var spec = new SiteSpec { Disk = Hdd, Pcie = Pcie, GpuBytes = 100_000_000_000, Timeline = timeline, Uplink = new UplinkSpec { BandwidthHz = bandwidth } };
        double common = 0.2 + 2.8 * rng.NextDouble();
        var queue = Enumerable.Range(0, users).Select(k =>
        {
            var model = catalog.Models[rng.Next(catalog.Models.Count)];
            double snr = 1e9;
            double u = 0.01 + 0.29 * rng.NextDouble();
            double bits = u * bandwidth * Math.Log2(1 + snr / bandwidth);
            double deadline = commonDeadline ? common : 0.2 + 2.8 * rng.NextDouble();
            return new QueuedRequest(k, model.Id, bits, snr, Math.Log2(1 + snr / bandwidth), 0, deadline);
        }).ToArray();
        var resident = new HashSet<string>();
        if (withResident)
            for (int i = 0; i < residentModels; i++) resident.UnionWith(catalog.Models[rng.Next(catalog.Models.Count)].BlockIds);
        return new SiteView(0, queue, resident, new HashSet<string>(), catalog, new LoadEstimator(catalog, Hdd, Pcie), spec);
    }
}

using Simulator.Edge;

namespace Simulator.Edge.Tests;

public class LoadEstimatorTests
{
    // Two blocks of 100 MB and 50 MB; an HDD at 200 MB/s with 11.6 ms per access (4.2 ms rotation +
    // 7.4 ms seek); a PCIe link at 25 GB/s with 1 ms per copy.
    private static readonly Catalog Catalog = new(
        new[] { new Block("a", 100_000_000), new Block("b", 50_000_000) },
        new[] { new Model("m", new[] { "a", "b" }, new AffineProfile(0.001, 0.001), 0) });

    private static readonly LoadEstimator Hdd = new(Catalog, new DiskProfile("hdd-7200", 200e6, 0.0116), new PcieProfile("pcie-gen4", 25e9, 0.001));

    private static readonly HashSet<string> None = new();

    [Fact]
    public void HDD_load_is_access_latency_plus_bytes_over_rate_then_the_copy()
    {
        // D_a = 0.0116 + 0.5 = 0.5116; P_a = 0.5116 + 0.001 + 0.004 = 0.5166
        // D_b = 0.5116 + 0.0116 + 0.25 = 0.7732; P_b = max(0.5166, 0.7732) + 0.001 + 0.002 = 0.7762
        Assert.Equal(0.7762, Hdd.LoadSeconds(Catalog.Model("m"), None), 12);
    }

    [Fact]
    public void Disk_and_PCIe_overlap_when_the_first_block_comes_from_RAM()
    {
        // a from RAM: D_a = 0, P_a = 0.005. b from disk: D_b = 0.2616, P_b = 0.2616 + 0.003 = 0.2646.
        Assert.Equal(0.2646, Hdd.LoadSeconds(Catalog.Model("m"), None, new HashSet<string> { "a" }), 12);
        // Both in RAM: only the link works, copy after copy: 0.005 + 0.003.
        Assert.Equal(0.008, Hdd.LoadSeconds(Catalog.Model("m"), None, new HashSet<string> { "a", "b" }), 12);
    }

    [Fact]
    public void Resident_blocks_are_neither_read_nor_copied()
    {
        var resident = new HashSet<string> { "a" };
        // Only b: 0.0116 + 0.25 + 0.001 + 0.002.
        Assert.Equal(0.2646, Hdd.LoadSeconds(Catalog.Model("m"), resident), 12);
        Assert.Equal(50_000_000, Hdd.BytesToCopy(Catalog.Model("m"), resident));
        Assert.Equal(0, Hdd.LoadSeconds(Catalog.Model("m"), new HashSet<string> { "a", "b" }));
    }

    [Fact]
    public void Lumped_loading_is_the_missing_bytes_over_one_speed()
    {
        var lumped = new LoadEstimator(Catalog, Hdd.Disk, Hdd.Pcie, LoadingMode.Lumped, 150e6);
        Assert.Equal(1.0, lumped.LoadSeconds(Catalog.Model("m"), None), 12);
        Assert.Throws<ArgumentException>(() => new LoadEstimator(Catalog, Hdd.Disk, Hdd.Pcie, LoadingMode.Lumped));
    }
}

using Simulator.Edge;
using Simulator.Kernel;

namespace Simulator.Edge.Tests;

/// <summary>
/// Two batches, A then B, sharing nothing: A = 100 MB, B = 60 MB, read at 100 MB/s and copied at 1 GB/s
/// (load(B) = 0.6 + 0.06 = 0.66 s), and A computes for 1 s, long enough to copy B meanwhile.
/// </summary>
public class PrefetchTests
{
    [Fact]
    public void Prefetching_during_compute_makes_the_next_load_free_and_copies_the_same_bytes()
    {
        var (without, withoutBytes) = Run(prefetch: false, gpuBytes: 1_000_000_000);
        var (with, withBytes) = Run(prefetch: true, gpuBytes: 1_000_000_000);
        Assert.Equal(0.66, without[1].LoadEnd - without[1].LoadStart, 9);
        Assert.Equal(0, with[1].LoadEnd - with[1].LoadStart, 9);
        // A: load 1.1 s (read 1.0 + copy 0.1), compute 1 s: batch 2 starts at 2.1 in both runs. With B
        // already resident it completes when its (tiny) upload ends plus tau = 0.01.
        Assert.Equal(2.1, with[1].Start, 9);
        Assert.Equal(with[1].UploadEnd + 0.01, with[1].Completion, 9);
        Assert.Equal(2.1 + 0.66 + 0.01, without[1].Completion, 9);
        Assert.Equal(160_000_000, withoutBytes);
        Assert.Equal(withoutBytes, withBytes);
    }

    [Fact]
    public void No_prefetch_when_both_models_do_not_fit()
    {
        // 150 MB of GPU: A (100 MB) and B (60 MB) cannot be resident together.
        var (batches, bytes) = Run(prefetch: true, gpuBytes: 150_000_000);
        Assert.Equal(0.66, batches[1].LoadEnd - batches[1].LoadStart, 9);
        Assert.Equal(160_000_000, bytes);
    }

    [Fact]
    public void A_load_waits_for_the_prefetch_still_copying_its_blocks_instead_of_copying_them_again()
    {
        // A computes for 0.1 s only: its inference starts at 1.1 and so does B's prefetch, which ends at 1.76. Batch 2
        // starts at 1.2; its load waits for the prefetch, copies nothing more, and completes at 1.76 + tau = 1.77.
        var (batches, bytes) = Run(prefetch: true, gpuBytes: 1_000_000_000, computeA: 0.1);
        Assert.Equal(1.2, batches[1].Start, 9);
        Assert.Equal(1.76, batches[1].LoadEnd, 9);
        Assert.Equal(1.77, batches[1].Completion, 9);
        Assert.Equal(160_000_000, bytes);
    }

    [Fact]
    public void No_prefetch_where_the_running_batchs_activations_leave_no_room()
    {
        // 200 MB of GPU holds A and B (160 MB), but not beside A's 50 MB of activations while A runs.
        var (batches, bytes) = Run(prefetch: true, gpuBytes: 200_000_000, activationA: 50_000_000);
        Assert.Equal(0.66, batches[1].LoadEnd - batches[1].LoadStart, 9);
        Assert.Equal(160_000_000, bytes);
        var (room, _) = Run(prefetch: true, gpuBytes: 210_000_000, activationA: 50_000_000);
        Assert.Equal(0, room[1].LoadEnd - room[1].LoadStart, 9);
    }

    private static (List<BatchRecord> Batches, long BytesOverPcie) Run(bool prefetch, long gpuBytes, double computeA = 1.0, long activationA = 0)
    {
        var catalog = new Catalog(new[] { new Block("a", 100_000_000), new Block("b", 60_000_000) },
            new[] { new Model("A", new[] { "a" }, new AffineProfile(0, computeA), activationA), new Model("B", new[] { "b" }, new AffineProfile(0, 0.01), 0) });
        var spec = new SiteSpec
        {
            Disk = new DiskProfile("d", 100e6, 0),
            Pcie = new PcieProfile("p", 1e9, 0),
            GpuBytes = gpuBytes,
            Prefetch = prefetch,
            Uplink = new UplinkSpec { Placement = new AnnulusPlacement(100, 100), ShadowingSigmaDb = 0, Fading = FadingKind.None },
        };
        var plan = new Plan(new[] { new PlannedBatch("A", new long[] { 0 }), new PlannedBatch("B", new long[] { 1 }) });
        var env = new Simulation();
        var site = FixedPlanScheduler.Site(env, catalog, spec, plan, ("A", 1000, 100), ("B", 1000, 100));
        var batches = new List<BatchRecord>();
        site.Site.BatchCompleted += batches.Add;
        env.Run();
        Assert.Equal(2, site.Metrics.OnTime);
        return (batches, site.Metrics.BytesOverPcie);
    }
}

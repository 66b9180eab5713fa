using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Strategies.Tests;

/// <summary>
/// Hand-worked rounds for pl-greedy's choice (sequential timeline, a 100 MB/s disk, a link fast enough to ignore, every
/// user uploading alone in 0.02 s with the whole band, so a batch of n uploads in 0.02 n s).
/// </summary>
public class PartialLoadingGreedyTests
{
    private static readonly SiteSpec Spec = new()
    {
        Disk = new DiskProfile("d", 100e6, 0),
        Pcie = new PcieProfile("p", 1e12, 0),
        GpuBytes = 1_000_000_000,
        Timeline = Timeline.Sequential,
        Uplink = new UplinkSpec { BandwidthHz = 20e6 },
    };

    private static readonly double Efficiency = Math.Log2(1 + 1e9 / 20e6);

    private static QueuedRequest User(long id, string model) => new(id, model, 0.02 * 20e6 * Efficiency, 1e9, Efficiency, 0, 10);

    private static IReadOnlyList<PlannedBatch> Plan(Catalog catalog, IReadOnlyList<QueuedRequest> queue, HashSet<string> resident, GreedyVariant variant = GreedyVariant.Default) =>
        new PartialLoadingGreedy(variant).Plan(new SiteView(0, queue, resident, new HashSet<string>(), catalog, new LoadEstimator(catalog, Spec.Disk, Spec.Pcie), Spec)).Batches;

    [Fact]
    public void The_next_batch_serves_the_most_users_per_second_added()
    {
        // A is resident: its one user adds 0.02 + tau_A(1) = 0.1 s, 10 users/s. B loads 40 MB (0.4 s): its three users
        // add 0.06 + 0.4 + tau_B(3) = 0.5 s, 6 users/s (two: 0.47 s, 4.3 /s). A goes first, though B serves more at once
        // (scored by users over the square root of the time, B would: 4.2 against 3.2).
        var catalog = new Catalog(new[] { new Block("a", 10_000_000), new Block("b", 40_000_000) },
            new[] { new Model("A", new[] { "a" }, new AffineProfile(0, 0.08), 0), new Model("B", new[] { "b" }, new AffineProfile(0.01, 0.01), 0) });
        var plan = Plan(catalog, [User(1, "B"), User(2, "B"), User(3, "B"), User(4, "A")], ["a"]);
        Assert.Equal(["A", "B"], plan.Select(b => b.ModelId));
        Assert.Equal([4L], plan[0].RequestIds);
        Assert.Equal([1L, 2L, 3L], plan[1].RequestIds.Order());
    }

    [Fact]
    public void The_overlap_variant_takes_the_model_sharing_most_with_the_gpu_first()
    {
        // The GPU holds s (50 MB), which B shares and C does not. Each loads 1 MB (0.01 s) more. C's three users add
        // 0.06 + 0.01 + tau_C(3) = 0.1 s, 30 users/s; B's one user 0.02 + 0.01 + 0.01 = 0.04 s, 25 users/s. pl-greedy
        // takes C first; pl-greedy-overlap takes B, which shares 50 MB with the GPU.
        var catalog = new Catalog(new[] { new Block("s", 50_000_000), new Block("b", 1_000_000), new Block("c", 1_000_000) },
            new[] { new Model("B", new[] { "s", "b" }, new AffineProfile(0, 0.01), 0), new Model("C", new[] { "c" }, new AffineProfile(0, 0.03), 0) });
        var queue = new[] { User(1, "C"), User(2, "C"), User(3, "C"), User(4, "B") };
        Assert.Equal(["C", "B"], Plan(catalog, queue, ["s"]).Select(b => b.ModelId));
        Assert.Equal(["B", "C"], Plan(catalog, queue, ["s"], GreedyVariant.Overlap).Select(b => b.ModelId));
    }
}

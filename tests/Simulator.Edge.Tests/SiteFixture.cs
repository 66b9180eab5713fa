using Simulator.Edge;
using Simulator.Kernel;

namespace Simulator.Edge.Tests;

/// <summary>A small two-cluster world at a Poisson load, for end-to-end site tests.</summary>
internal static class SiteFixture
{
    public static readonly Catalog Catalog = BackboneSharingGenerator.Build(new[]
    {
        new ClusterSpec("resnet18", 3, new[] { 2, 3, 4 }, 10, new AffineProfile(0.0015, 0.002), 20_000_000),
        new ClusterSpec("resnet34", 2, new[] { 3 }, 10, new AffineProfile(0.0025, 0.003), 30_000_000),
    });

    public static SiteSpec Spec(Timeline timeline = Timeline.Overlap, Replan replan = Replan.EveryBatch) => new()
    {
        Disk = new DiskProfile("nvme-gen4", 7.0e9, 0.00002),
        Pcie = new PcieProfile("pcie-gen4", 25e9, 0.00001),
        GpuBytes = 24_000_000_000,
        Timeline = timeline,
        Replan = replan,
    };

    public static IWorkload Workload(double rate = 20, double budget = 0.5) =>
        new SyntheticWorkload(new PoissonArrivals(rate), new ZipfPopularity(0.8), new ConstantQuantity(budget));

    public static LoneSite Site(Simulation env, IBatchScheduler scheduler, ulong seed = 7, SiteSpec? spec = null, IWorkload? workload = null, double warmup = 0) =>
        new(env, Catalog, spec ?? Spec(), scheduler, workload ?? Workload(), new RandomStreams(seed), warmup);
}

using Simulator.Edge;
using Simulator.Kernel;

namespace Simulator.Edge.Tests;

/// <summary>
/// A hand-worked three-batch example (docs/site.md section 5). Models A = [s 100 MB, a 50 MB] and
/// B = [s, b 25 MB] share block s; the disk reads 100 MB/s with no access time, PCIe copies 1 GB/s with
/// no latency, residency is previous-model, so:
///   load(A | empty)   : s read 1.0, copied by 1.1; a read by 1.5, copied by 1.55  -> 1.55 s
///   load(B | {s, a})  : b read 0.25, copied by 0.275                            -> 0.275 s
///   load(A | {s, b})  : a read 0.5, copied by 0.55                              -> 0.55 s
/// tau(n) = 0.01 n + 0.02. Every user stands 100 m away with no shadowing or fading; input bits are
/// chosen so that a user alone with the whole band uploads in a_k seconds (a = 0.15, 0.15, 0.5, 0.1,
/// 0.1), which makes a batch's optimal upload time the sum of its a_k. All requests arrive at t = 0 and
/// the scheduler's whole plan is A{0,1}, B{2}, A{3,4}.
/// </summary>
public class TimelineTests
{
    private static readonly double[] Alone = { 0.15, 0.15, 0.5, 0.1, 0.1 };
    private static readonly string[] Models = { "A", "A", "B", "A", "A" };
    private static readonly double[] Deadlines = { 2.0, 1.585, 2.2, 2.6, 3.0 };

    [Fact]
    public void Overlap_timeline_matches_the_hand_worked_numbers()
    {
        var (site, env, batches) = Run(Timeline.Overlap);
        // Batch 1 at 0: upload 0.3, load 1.55, E = 1.55 + tau(2) = 1.59. User 1 (deadline 1.585) was
        // admitted (alone: max(0.15, 1.55) + 0.03 = 1.58) but finishes late.
        // Batch 2 at 1.59: upload ends 2.09, load ends 1.865, E = 2.09 + 0.03 = 2.12.
        // Epoch 3 at 2.12: user 3 alone would need max(0.1, 0.55) + 0.03 and finish at 2.70 > 2.6: expired.
        // Batch 3 = {4}: upload ends 2.22, load ends 2.67, E = 2.70.
        Assert.Equal(3, batches.Count);
        AssertBatch(batches[0], 0, "A", new long[] { 0, 1 }, 0.3, 1.55, 1.59);
        AssertBatch(batches[1], 1.59, "B", new long[] { 2 }, 2.09, 1.865, 2.12);
        AssertBatch(batches[2], 2.12, "A", new long[] { 4 }, 2.22, 2.67, 2.70);
        Assert.Equal((5L, 3L, 1L, 1L, 0L), Counts(site));
        Assert.Equal(2.70, env.NowD, 9);
    }

    [Fact]
    public void Sequential_timeline_matches_the_hand_worked_numbers()
    {
        var (site, _, batches) = Run(Timeline.Sequential);
        // Epoch 1 at 0: user 1 alone needs 0.15 + 1.55 + 0.03 = 1.73 > 1.585: expired. Batch 1 = {0}:
        // E = 0.15 + 1.55 + 0.03 = 1.73.
        // Epoch 2 at 1.73: user 2 alone needs 0.5 + 0.275 + 0.03, finishing at 2.535 > 2.2: expired, so
        // the planned B batch is empty and the plan moves on to A{3,4} (A is still resident): upload 0.2,
        // load 0, E = 1.73 + 0.2 + 0 + tau(2) = 1.97.
        Assert.Equal(2, batches.Count);
        AssertBatch(batches[0], 0, "A", new long[] { 0 }, 0.15, 1.70, 1.73);
        AssertBatch(batches[1], 1.73, "A", new long[] { 3, 4 }, 1.93, 1.93, 1.97);
        Assert.Equal((5L, 3L, 0L, 2L, 0L), Counts(site));
    }

    [Fact]
    public void Without_admission_control_nothing_expires_and_misses_are_late()
    {
        var (site, _, batches) = Run(Timeline.Overlap, Admission.None);
        Assert.Equal(new long[] { 3, 4 }, batches[2].RequestIds);
        // Batch 3 with both users: upload 0.2, load 0.55: E = 2.12 + 0.55 + tau(2) = 2.71; user 3 late.
        Assert.Equal(2.71, batches[2].Completion, 9);
        Assert.Equal((5L, 3L, 2L, 0L, 0L), Counts(site));
    }

    [Fact]
    public void Admission_counts_the_results_downlink()
    {
        // A 350 kB result over an 8 Mb/s downlink adds 0.35 s to every finish. Epoch 1 at 0: user 1 alone would finish at
        // max(0.15, 1.55) + 0.03 + 0.35 = 1.93 > 1.585: expired (without the downlink, 1.58: admitted, then late).
        // User 2 alone: max(0.5, 1.375) + 0.03 + 0.35 = 1.755 <= 2.2: admitted. Batch 1 = {0}: E = 1.55 + tau(1) = 1.58,
        // user 0 back at 1.93 <= 2.0. Epoch 2 at 1.58: user 2 alone needs max(0.5, 0.275) + 0.03 + 0.35, back at 2.46 > 2.2:
        // expired. Batch 3 = {3, 4}: A resident, upload 0.2: E = 1.58 + 0.2 + tau(2) = 1.82, both back at 2.17.
        var (site, _, batches) = Run(Timeline.Overlap, downlinkSeconds: 0.35);
        Assert.Equal(2, batches.Count);
        AssertBatch(batches[0], 0, "A", new long[] { 0 }, 0.15, 1.55, 1.58);
        AssertBatch(batches[1], 1.58, "A", new long[] { 3, 4 }, 1.78, 1.58, 1.82);
        Assert.Equal((5L, 3L, 0L, 2L, 0L), Counts(site));
        Assert.Equal(0.35, site.Metrics.Downlink.Mean, 12);
    }

    private static (long Arrived, long OnTime, long Late, long Expired, long Rejected) Counts(LoneSite site) =>
        (site.Pipeline.Arrived, site.Metrics.OnTime, site.Metrics.Late, site.Metrics.Expired, site.Metrics.Rejected);

    private static void AssertBatch(BatchRecord b, double start, string model, long[] ids, double uploadEnd, double loadEnd, double completion)
    {
        Assert.Equal(start, b.Start, 9);
        Assert.Equal(model, b.ModelId);
        Assert.Equal(ids, b.RequestIds);
        Assert.Equal(uploadEnd, b.UploadEnd, 9);
        Assert.Equal(loadEnd, b.LoadEnd, 9);
        Assert.Equal(completion, b.Completion, 9);
    }

    private static (LoneSite Site, Simulation Env, List<BatchRecord> Batches) Run(Timeline timeline, Admission admission = Admission.DropInfeasible, double? downlinkSeconds = null)
    {
        var catalog = new Catalog(
            new[] { new Block("s", 100_000_000), new Block("a", 50_000_000), new Block("b", 25_000_000) },
            new[]
            {
                new Model("A", new[] { "s", "a" }, new AffineProfile(0.01, 0.02), 1_000),
                new Model("B", new[] { "s", "b" }, new AffineProfile(0.01, 0.02), 1_000),
            });
        // A result of 350 kB over an 8 Mb/s downlink, scaled to the seconds asked for; none by default.
        var uplink = new UplinkSpec { Placement = new AnnulusPlacement(100, 100), ShadowingSigmaDb = 0, Fading = FadingKind.None, DownlinkBitsPerSecond = downlinkSeconds is { } d ? 8 * 350_000 / d : null };
        // eta at 100 m written out: path loss 128.1 + 37.6 log10(0.1) = 90.5 dB, 0.2 W, -174 dBm/Hz, 20 MHz.
        double snrHz = 0.2 * Math.Pow(10, -9.05) / Math.Pow(10, (-174 - 30) / 10.0);
        double bitsPerSecond = 20e6 * Math.Log2(1 + snrHz / 20e6);
        var spec = new SiteSpec
        {
            Disk = new DiskProfile("d", 100e6, 0),
            Pcie = new PcieProfile("p", 1e9, 0),
            GpuBytes = 1_000_000_000,
            Timeline = timeline,
            Admission = admission,
            Uplink = uplink,
            ResultBytes = 350_000,
        };
        var plan = new Plan(new[]
        {
            new PlannedBatch("A", new long[] { 0, 1 }),
            new PlannedBatch("B", new long[] { 2 }),
            new PlannedBatch("A", new long[] { 3, 4 }),
        });
        var env = new Simulation();
        var site = FixedPlanScheduler.Site(env, catalog, spec, plan, Enumerable.Range(0, 5).Select(k => (Models[k], Alone[k] * bitsPerSecond / 8, Deadlines[k])).ToArray());
        var batches = new List<BatchRecord>();
        site.Site.BatchCompleted += batches.Add;
        env.Run();
        return (site, env, batches);
    }
}

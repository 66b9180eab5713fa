using CsCheck;
using Simulator.Edge;
using Simulator.Kernel;

namespace Simulator.Edge.Tests;

public class LoaderTests
{
    private static readonly DiskProfile Hdd = new("hdd-7200", 200e6, 0.0116);
    private const double Tick = 1e-7;

    private static readonly PcieProfile Gen4 = new("pcie-gen4", 25e9, 0.001);

    /// <summary>A random catalog: a pool of blocks, each model an ordered draw from it.</summary>
    private static readonly Gen<(long[] Sizes, int[][] Models, double Start, uint ResidentMask, uint RamMask)> Instances =
        Gen.Select(Gen.Long[1, 400_000_000].Array[2, 12], Gen.Int[0, 11].Array[1, 8].Array[1, 4], Gen.Double[0, 100], Gen.UInt, Gen.UInt);

    [Fact]
    public void Uncontended_simulated_load_time_equals_the_estimators_within_a_clock_tick_per_transfer()
    {
        Instances.Sample(x =>
        {
            var (catalog, resident, ram) = Build(x.Sizes, x.Models, x.ResidentMask, x.RamMask);
            var estimator = new LoadEstimator(catalog, Hdd, Gen4);
            foreach (var model in catalog.Models)
            {
                var env = new Simulation();
                var gpu = new ResidentSet(long.MaxValue / 4);
                foreach (var id in resident) gpu.Add(catalog.Block(id));
                var cache = new RamCache(long.MaxValue / 4);
                foreach (var id in ram) cache.Insert(catalog.Block(id));
                double expected = estimator.ReadyAt(x.Start, model, gpu, cache);
                long expectedBytes = estimator.BytesToCopy(model, gpu);
                var loader = new Loader(env, catalog, estimator, gpu, cache, new LruResidency());
                if (env.ToTimeSpan(x.Start) > TimeSpan.Zero) env.RunD(x.Start);
                var load = loader.Load(model, 1);
                env.Run();
                var report = (LoadReport)load.Value!;
                // The clock counts 100 ns ticks and truncates each delay: one tick for the start, and at
                // most one per disk read and per copy, all towards earlier.
                double tolerance = Tick * (1 + 2 * model.BlockIds.Count);
                if (!(env.NowD <= expected + 1e-12 && env.NowD > expected - tolerance) || report.BytesOverPcie != expectedBytes) return false;
                if (!model.BlockIds.All(gpu.Contains)) return false;
            }
            return true;
        }, iter: 200);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sharing_blind_keeps_the_models_it_holds_and_loads_any_other_whole(bool lru)
    {
        // X and Y share the backbone "s". On the unshared catalog a site runs X twice (the second load is
        // free, as any system keeps a model it holds), then Y: all of Y, its own copy of "s" included; then X
        // again, which LRU with room for both still holds and previous-model residency has evicted.
        var shared = new Catalog(new[] { new Block("s", 100_000_000), new Block("x", 50_000_000), new Block("y", 50_000_000) },
            new[] { new Model("X", new[] { "s", "x" }, new AffineProfile(0.001, 0), 0), new Model("Y", new[] { "s", "y" }, new AffineProfile(0.001, 0), 0) });
        var catalog = SharingBlind.Unshared(shared);
        Assert.Equal(new[] { "X|s", "x" }, catalog.Model("X").BlockIds);
        Assert.Equal(shared.Bytes(shared.Model("Y")), catalog.Bytes(catalog.Model("Y")));
        var env = new Simulation();
        var gpu = new ResidentSet(1_000_000_000);
        IResidencyPolicy policy = lru ? new LruResidency() : new PreviousModelResidency();
        var loader = new Loader(env, catalog, new LoadEstimator(catalog, Hdd, Gen4), gpu, new RamCache(0), policy);
        var reports = new List<LoadReport>();
        env.Process(Loads());
        env.Run();
        Assert.Equal(150_000_000, reports[0].BytesOverPcie);
        Assert.Equal(new LoadReport(0, 0, 0, 2, 0, 0), reports[1]);
        Assert.Equal(150_000_000, reports[2].BytesOverPcie);
        Assert.Equal(0, reports[2].GpuHits);
        Assert.Equal(lru ? 0 : 150_000_000, reports[3].BytesOverPcie);
        Assert.Equal(lru ? 300_000_000 : 150_000_000, gpu.Bytes);

        IEnumerable<Event> Loads()
        {
            foreach (var id in new[] { "X", "X", "Y", "X" })
            {
                var load = loader.Load(catalog.Model(id), 1);
                yield return load;
                reports.Add((LoadReport)load.Value!);
            }
        }
    }

    [Fact]
    public void A_hand_worked_pipelined_load_in_the_simulation()
    {
        // As LoadEstimatorTests: 100 MB then 50 MB from an HDD, ready at 0.7762 s after the start.
        var catalog = new Catalog(new[] { new Block("a", 100_000_000), new Block("b", 50_000_000) },
            new[] { new Model("m", new[] { "a", "b" }, new AffineProfile(0.001, 0), 0) });
        var env = new Simulation();
        var loader = new Loader(env, catalog, new LoadEstimator(catalog, Hdd, Gen4), new ResidentSet(1_000_000_000), new RamCache(0), new PreviousModelResidency());
        var load = loader.Load(catalog.Model("m"), 1);
        env.Run();
        Assert.Equal(0.7762, env.NowD, 12);
        var report = (LoadReport)load.Value!;
        Assert.Equal(new LoadReport(env.NowD, 150_000_000, 150_000_000, 0, 0, 2) { DiskSeconds = report.DiskSeconds, PcieSeconds = report.PcieSeconds }, report);
        // The disk was busy 11.6 ms + 0.5 s for a and 11.6 ms + 0.25 s for b; the link 1 ms + 4 ms and 1 ms + 2 ms.
        Assert.Equal(0.7732, report.DiskSeconds, 12);
        Assert.Equal(0.008, report.PcieSeconds, 12);
    }

    [Fact]
    public void Previous_model_frees_exactly_the_blocks_the_next_model_does_not_use()
    {
        var catalog = new Catalog(
            new[] { new Block("shared", 10), new Block("a1", 20), new Block("a2", 30), new Block("b1", 40) },
            new[]
            {
                new Model("A", new[] { "shared", "a1", "a2" }, new AffineProfile(0.001, 0), 1),
                new Model("B", new[] { "shared", "b1" }, new AffineProfile(0.001, 0), 1),
            });
        var env = new Simulation();
        var gpu = new ResidentSet(1_000);
        var loader = new Loader(env, catalog, new LoadEstimator(catalog, Hdd, Gen4), gpu, new RamCache(0), new PreviousModelResidency());
        loader.Load(catalog.Model("A"), 1);
        env.Run();
        Assert.True(gpu.SetEquals(new[] { "shared", "a1", "a2" }));
        var second = loader.Load(catalog.Model("B"), 1);
        env.Run();
        Assert.True(gpu.SetEquals(new[] { "shared", "b1" }));
        Assert.Equal(40, ((LoadReport)second.Value!).BytesOverPcie); // the shared block is not copied again
        Assert.Equal(1, ((LoadReport)second.Value!).GpuHits);
    }

    [Fact]
    public void Lru_and_pin_shared_never_exceed_GPU_memory()
    {
        var gen = Gen.Select(Gen.Long[1, 100].Array[4, 10], Gen.Int[0, 9].Array[1, 5].Array[2, 6], Gen.Int[0, 5].Array[1, 30], Gen.Int[1, 4], Gen.Bool);
        gen.Sample((sizes, models, sequence, batch, pin) =>
        {
            var (catalog, _, _) = Build(sizes, models, 0, 0, activation: 3);
            long capacity = catalog.Models.Max(m => catalog.Bytes(m) + 3L * batch);
            var env = new Simulation();
            var gpu = new ResidentSet(capacity);
            IResidencyPolicy policy = pin ? new PinSharedResidency() : new LruResidency();
            var loader = new Loader(env, catalog, new LoadEstimator(catalog, Hdd, Gen4), gpu, new RamCache(0), policy);
            foreach (int i in sequence)
            {
                var model = catalog.Models[i % catalog.Models.Count];
                loader.Load(model, batch);
                env.Run();
                if (gpu.Bytes + 3L * batch > capacity || !model.BlockIds.All(gpu.Contains)) return false;
            }
            return true;
        }, iter: 300);
    }

    [Fact]
    public void Pin_shared_evicts_private_blocks_before_shared_ones()
    {
        var catalog = new Catalog(
            new[] { new Block("s", 50), new Block("p", 50), new Block("q", 60) },
            new[]
            {
                new Model("A", new[] { "s" }, new AffineProfile(0.001, 0), 0),
                new Model("B", new[] { "s", "p" }, new AffineProfile(0.001, 0), 0),
                new Model("C", new[] { "q" }, new AffineProfile(0.001, 0), 0),
            });
        var gpu = new ResidentSet(110);
        gpu.Add(catalog.Block("s")); // used first: the LRU victim
        gpu.Add(catalog.Block("p"));
        var lru = new LruResidency().Evict(gpu, catalog.Model("C"), 0, catalog);
        var pinned = new PinSharedResidency().Evict(gpu, catalog.Model("C"), 0, catalog);
        Assert.Equal(new[] { "s" }, lru);
        Assert.Equal(new[] { "p" }, pinned);
    }

    [Fact]
    public void Blocks_read_from_disk_enter_RAM_and_are_not_read_again()
    {
        var catalog = new Catalog(new[] { new Block("a", 1_000_000), new Block("b", 2_000_000) },
            new[] { new Model("A", new[] { "a" }, new AffineProfile(0.001, 0), 0), new Model("B", new[] { "b" }, new AffineProfile(0.001, 0), 0) });
        var env = new Simulation();
        var loader = new Loader(env, catalog, new LoadEstimator(catalog, Hdd, Gen4), new ResidentSet(2_500_000), new RamCache(10_000_000), new PreviousModelResidency());
        loader.Load(catalog.Model("A"), 1);
        env.Run();
        loader.Load(catalog.Model("B"), 1);
        env.Run();
        var again = loader.Load(catalog.Model("A"), 1);
        env.Run();
        var report = (LoadReport)again.Value!;
        Assert.Equal(0, report.BytesFromDisk);
        Assert.Equal(1, report.RamHits);
        Assert.Equal(0.001 + 1_000_000 / 25e9, report.Seconds, 12);
    }

    [Fact]
    public void Under_lru_a_model_served_from_the_gpu_becomes_the_most_recently_used()
    {
        // Room for two of the three 1 MB models. A, B, then A again (all hits): C must evict B, the least recently
        // used, though A's block came first.
        var catalog = new Catalog(new[] { new Block("a", 1_000_000), new Block("b", 1_000_000), new Block("c", 1_000_000) },
            new[] { new Model("A", new[] { "a" }, new AffineProfile(0.001, 0), 0), new Model("B", new[] { "b" }, new AffineProfile(0.001, 0), 0), new Model("C", new[] { "c" }, new AffineProfile(0.001, 0), 0) });
        var env = new Simulation();
        var loader = new Loader(env, catalog, new LoadEstimator(catalog, Hdd, Gen4), new ResidentSet(2_000_000), new RamCache(0), new LruResidency());
        foreach (string model in new[] { "A", "B", "A", "C" })
        {
            env.RunD(env.NowD + 1);
            loader.Load(catalog.Model(model), 1);
            env.Run();
        }
        Assert.True(loader.Gpu.Contains("a") && loader.Gpu.Contains("c"), string.Join(", ", loader.Gpu));
        Assert.False(loader.Gpu.Contains("b"));
    }

    [Fact]
    public void Concurrent_loads_contend_for_the_disk()
    {
        var catalog = new Catalog(new[] { new Block("a", 20_000_000), new Block("b", 20_000_000) },
            new[] { new Model("A", new[] { "a" }, new AffineProfile(0.001, 0), 0), new Model("B", new[] { "b" }, new AffineProfile(0.001, 0), 0) });
        var env = new Simulation();
        var estimator = new LoadEstimator(catalog, Hdd, Gen4);
        var loader = new Loader(env, catalog, estimator, new ResidentSet(100_000_000), new RamCache(0), new LruResidency());
        var first = loader.Load(catalog.Model("A"), 1);
        var second = loader.Load(catalog.Model("B"), 1);
        env.Run();
        double alone = estimator.LoadSeconds(catalog.Model("A"), new HashSet<string>());
        Assert.Equal(alone, ((LoadReport)first.Value!).Seconds, 12);
        // The second read waits for the first: it ends one read later, then copies.
        Assert.Equal(2 * estimator.ReadSeconds(catalog.Block("a")) + estimator.CopySeconds(catalog.Block("b")), ((LoadReport)second.Value!).Seconds, 12);
    }

    [Fact]
    public void A_model_larger_than_GPU_memory_is_a_configuration_error_naming_both_sizes()
    {
        var catalog = new Catalog(new[] { new Block("w", 3_000_000) }, new[] { new Model("big", new[] { "w" }, new AffineProfile(0.001, 0), 500_000) });
        var ex = Assert.Throws<CatalogException>(() => new Loader(new Simulation(), catalog, new LoadEstimator(catalog, Hdd, Gen4), new ResidentSet(3_200_000), new RamCache(0), new LruResidency()));
        Assert.Contains("'big'", ex.Message);
        Assert.Contains("3,000,000", ex.Message);
        Assert.Contains("3,200,000", ex.Message);
    }

    private static (Catalog Catalog, HashSet<string> Resident, HashSet<string> Ram) Build(long[] sizes, int[][] models, uint residentMask, uint ramMask, long activation = 0)
    {
        var blocks = sizes.Select((s, i) => new Block($"b{i}", s)).ToArray();
        var list = models.Select((picks, m) => new Model($"m{m}", picks.Select(p => $"b{p % sizes.Length}").Distinct().ToArray(), new AffineProfile(0.001, 0.001), activation)).ToArray();
        var resident = blocks.Where((_, i) => (residentMask >> i & 1) == 1).Select(b => b.Id).ToHashSet();
        var ram = blocks.Where((_, i) => (ramMask >> i & 1) == 1).Select(b => b.Id).ToHashSet();
        return (new Catalog(blocks, list), resident, ram);
    }

    [Fact]
    public void A_preload_larger_than_the_RAM_keeps_the_models_given_last()
    {
        // Three models of 100 MB each (a shared 60 MB block and 40 MB of their own) in 150 MB: the shared block and
        // the last two models' own blocks fit (140 MB); the first model's own is evicted, least recently used.
        var catalog = new Catalog(new[] { new Block("s", 60_000_000), new Block("a", 40_000_000), new Block("b", 40_000_000), new Block("c", 40_000_000) },
            new[] { "a", "b", "c" }.Select(own => new Model(own.ToUpperInvariant(), new[] { "s", own }, new AffineProfile(0.001, 0), 0)).ToArray());
        var ram = new RamCache(150_000_000);
        ram.Preload(catalog, new[] { "A", "B", "C" });
        Assert.Equal(new[] { "b", "c", "s" }, ram.Order());
        Assert.Equal(140_000_000, ram.Bytes);
        var reversed = new RamCache(150_000_000);
        reversed.Preload(catalog, new[] { "C", "B", "A" });
        Assert.Equal(new[] { "a", "b", "s" }, reversed.Order());
    }
}

public class LumpedAndDownlinkTests
{
    [Fact]
    public void Lumped_loading_in_the_simulation_takes_the_missing_bytes_over_one_speed()
    {
        var catalog = new Catalog(new[] { new Block("a", 30_000_000), new Block("b", 20_000_000) },
            new[] { new Model("m", new[] { "a", "b" }, new AffineProfile(0.001, 0), 0) });
        var env = new Simulation();
        var estimator = new LoadEstimator(catalog, new DiskProfile("d", 1e6, 1), new PcieProfile("p", 1e6, 1), LoadingMode.Lumped, 100e6);
        var gpu = new ResidentSet(1_000_000_000);
        gpu.Add(catalog.Block("a"));
        var load = new Loader(env, catalog, estimator, gpu, new RamCache(0), new LruResidency()).Load(catalog.Model("m"), 1);
        env.Run();
        Assert.Equal(0.2, env.NowD, 12); // only b: 20 MB at 100 MB/s; the disk and link profiles play no part
        Assert.Equal(estimator.LoadSeconds(catalog.Model("m"), new HashSet<string> { "a" }), ((LoadReport)load.Value!).Seconds, 12);
    }

    [Fact]
    public void The_downlink_adds_each_results_transfer_and_can_make_a_request_late()
    {
        // One request, loading 1 s from a 100 MB/s disk, deadline 1.5 s. A 4 MB result over an
        // 8 MB/s downlink takes 0.5 s more: the request finishes at about 1.5 s + upload + tau.
        var catalog = new Catalog(new[] { new Block("w", 100_000_000) }, new[] { new Model("m", new[] { "w" }, new AffineProfile(0, 0.01), 0) });
        SiteMetrics Run(double? downlink)
        {
            var spec = new SiteSpec
            {
                Disk = new DiskProfile("d", 100e6, 0),
                Pcie = new PcieProfile("p", 1e12, 0),
                GpuBytes = 1_000_000_000,
                Admission = Admission.None,
                ResultBytes = 4_000_000,
                Uplink = new UplinkSpec { Placement = new AnnulusPlacement(50, 50), ShadowingSigmaDb = 0, Fading = FadingKind.None, DownlinkBitsPerSecond = downlink },
            };
            var env = new Simulation();
            var site = FixedPlanScheduler.Site(env, catalog, spec, new Plan(new[] { new PlannedBatch("m", new long[] { 0 }) }), ("m", 1000, 1.5));
            env.Run();
            return site.Metrics;
        }
        var instant = Run(null);
        var slow = Run(8 * 8e6);
        Assert.Equal(1, instant.OnTime);
        Assert.Equal(0, instant.Downlink.Mean);
        Assert.Equal(1, slow.Late);
        Assert.Equal(0.5, slow.Downlink.Mean, 12);
        Assert.Equal(instant.Latency.Mean + 0.5, slow.Latency.Mean, 9);
    }
}

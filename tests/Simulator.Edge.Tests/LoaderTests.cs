using CsCheck;
using Simulator.Edge;
using Simulator.Kernel;

namespace Simulator.Edge.Tests;

public class LoaderTests
{
    private static readonly DiskProfile Hdd = new("hdd-7200", 200e6, 0.0116);
    private static readonly PcieProfile Gen4 = new("pcie-gen4", 25e9, 0.001);

    /// <summary>A random catalog: a pool of blocks, each model an ordered draw from it.</summary>
    private static readonly Gen<(long[] Sizes, int[][] Models, double Start, uint ResidentMask, uint RamMask)> Instances =
        Gen.Select(Gen.Long[1, 400_000_000].Array[2, 12], Gen.Int[0, 11].Array[1, 8].Array[1, 4], Gen.Double[0, 100], Gen.UInt, Gen.UInt);

    [Fact]
    public void Uncontended_simulated_load_time_equals_the_estimators_to_the_last_digit()
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
                env.RunD(x.Start);
                var load = loader.Load(model, 1);
                env.Run();
                var report = (LoadReport)load.Value!;
                if (env.NowD != expected || report.BytesOverPcie != expectedBytes) return false;
                if (!model.BlockIds.All(gpu.Contains)) return false;
            }
            return true;
        }, iter: 200);
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
        Assert.Equal(new LoadReport(env.NowD, 150_000_000, 150_000_000, 0, 0, 2), load.Value);
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
}

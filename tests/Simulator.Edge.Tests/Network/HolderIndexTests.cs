using CsCheck;
using Simulator.Edge.Network;

namespace Simulator.Edge.Tests.Network;

public class HolderIndexTests
{
    [Fact]
    public void The_index_gives_the_holders_and_nearest_sources_a_scan_of_every_store_gives_after_any_pulls_and_evictions()
    {
        // Random catalogs, graphs and stores small enough to evict; after every pull (and the evictions it causes) the
        // index must name exactly the cloudlets whose store holds each part, in cloudlet order, and give every home the
        // nearest source and tie count a scan of the candidates gives. Physical links tie often (equal hop latencies);
        // the paper's do not; both source rules.
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 3], Gen.Int[1, 7], Gen.Int[0, int.MaxValue], Gen.Bool, Gen.Bool).Sample((models, families, cloudlets, seed, physical, centreAlways) =>
        {
            var rng = new Random(seed);
            var catalog = PfmGenerator.Build(new PfmSpec(Math.Max(models, families), families), new AffineProfile(0, 0), 0, rng);
            var parts = new ModelParts(catalog);
            LinkProfile links = physical ? new RealisticLinks(1e9, 0.001, 1e8, 0.02) : new PaperLinks();
            var topology = Topology.Build(Enumerable.Range(0, cloudlets).Select(_ => Position.Uniform(rng, 1000)).ToArray(), new KNearestEdges(Math.Min(2, Math.Max(1, cloudlets - 1))), links, rng);
            var rule = centreAlways ? SourceRule.All : SourceRule.Cloudlets;
            double largest = catalog.Models.Max(m => catalog.Bytes(m));
            var stores = Enumerable.Range(0, cloudlets).Select(_ => new PartStore(catalog, largest * (1 + 2 * rng.NextDouble()), Array.Empty<string>())).ToArray();
            var index = new HolderIndex(stores, parts, topology, rule);
            for (int step = 0; step < 40; step++)
            {
                var store = stores[rng.Next(cloudlets)];
                int k = rng.Next(parts.Count);
                store.Add(rng.Next(2) == 0 ? parts.Base[k] : parts.Task[k]);
                // Ask about a random few homes only, so that some entries are followed and others found afresh later.
                for (int m = 0; m < parts.Count; m++)
                {
                    var baseScan = Enumerable.Range(0, cloudlets).Where(l => stores[l].Holds(parts.Base[m])).ToArray();
                    var taskScan = Enumerable.Range(0, cloudlets).Where(l => stores[l].Holds(parts.Task[m])).ToArray();
                    var wholeScan = Enumerable.Range(0, cloudlets).Where(l => stores[l].Holds(parts.Base[m]) && stores[l].Holds(parts.Task[m])).ToArray();
                    Assert.True(index.WholeHolders(m).SequenceEqual(parts.Base[m].Length == 0 ? Array.Empty<int>() : wholeScan),
                        $"step {step}, model {m}: whole holders {string.Join(",", index.WholeHolders(m))}, scan {string.Join(",", wholeScan)}");
                    Assert.True(index.BaseHolders(m).SequenceEqual(parts.Base[m].Length == 0 ? Array.Empty<int>() : baseScan) && index.TaskHolders(m).SequenceEqual(taskScan),
                        $"step {step}, model {m}: index {string.Join(",", index.BaseHolders(m))} / {string.Join(",", index.TaskHolders(m))}, scan {string.Join(",", baseScan)} / {string.Join(",", taskScan)}");
                    for (int home = 0; home < cloudlets; home++)
                    {
                        if (rng.Next(3) == 0) continue;
                        Check("base", parts.Base[m], parts.BaseBytes[m], baseScan, index.NearestBase(home, m), index.BaseTies(home, m), home, step, m);
                        Check("task", parts.Task[m], parts.TaskBytes[m], taskScan, index.NearestTask(home, m), index.TaskTies(home, m), home, step, m);
                        // Sharing off: the base comes from a holder of the whole model, timed for the base's bytes.
                        Check("whole", parts.Base[m], parts.BaseBytes[m], wholeScan, index.NearestWhole(home, m), ServiceEstimator.Quickest(Candidates(parts.Base[m], parts.BaseBytes[m], wholeScan, home)).Length, home, step, m);
                    }
                }
            }

            Source[] Candidates(string[] blocks, double bytes, int[] holding, int home) => blocks.Length == 0 ? new[] { new Source(home, 0) }
                : holding.Select(l => new Source(l, topology.TransferSeconds(l, home, bytes)))
                    .Concat(centreAlways || holding.Length == 0 ? new[] { new Source(topology.DataCentre, topology.TransferSeconds(topology.DataCentre, home, bytes)) } : Array.Empty<Source>()).ToArray();

            void Check(string what, string[] blocks, double bytes, int[] holding, Source nearest, int ties, int home, int step, int m)
            {
                var candidates = Candidates(blocks, bytes, holding, home);
                var quickest = ServiceEstimator.Quickest(candidates);
                Assert.True(nearest == ServiceEstimator.Nearest(candidates) && ties == quickest.Length,
                    $"step {step}, model {m} {what}, home {home}: index {nearest} ({ties} tied), scan {ServiceEstimator.Nearest(candidates)} ({quickest.Length} tied)");
            }
        }, iter: 300);
    }

    [Fact]
    public void An_estimate_backed_by_the_index_refuses_to_answer_after_the_stores_changed()
    {
        var catalog = PfmGenerator.Build(new PfmSpec(2, 1), new AffineProfile(0, 0), 0, new Random(3));
        var parts = new ModelParts(catalog);
        var rng = new Random(5);
        var topology = Topology.Build(new[] { Position.Uniform(rng, 100), Position.Uniform(rng, 100) }, new KNearestEdges(1), new PaperLinks(), rng);
        var stores = new[] { new PartStore(catalog, 1e12, Array.Empty<string>()), new PartStore(catalog, 1e12, Array.Empty<string>()) };
        var index = new HolderIndex(stores, parts, topology, SourceRule.Cloudlets);
        var request = new NetworkRequest(0, 0, 0, 1_000_000, 1e6, 0, 1e6, 1e9, new[] { 1.0, 1.0 }, new[] { 0.0, 0.0 });
        var cloudlets = Enumerable.Range(0, 2).Select(i => new Cloudlet(i, topology.Positions[i], 1e12, 1e9, 1, 1, 1, 1, 1, 0, 1)).ToArray();
        var instance = new NetworkInstance(topology, cloudlets, parts, stores.Select(s => s.Held).ToArray(), new[] { request }, new NetworkRules(CapacityRule.PerRequest, 1, SourceRule.Cloudlets));
        var est = new ServiceEstimator(instance, index);
        Assert.Equal(topology.DataCentre, est.NearestBase(0, 0).Location);
        stores[1].Add(parts.Base[0]);
        var error = Assert.Throws<InvalidOperationException>(() => est.NearestBase(0, 0));
        Assert.Contains("stores changed", error.Message);
        Assert.Equal(1, new ServiceEstimator(instance, index).NearestBase(0, 0).Location);
    }

    [Fact]
    public void A_touch_that_changes_nothing_keeps_the_version_and_a_new_block_or_an_eviction_moves_it()
    {
        var catalog = PfmGenerator.Build(new PfmSpec(2, 1), new AffineProfile(0, 0), 0, new Random(3));
        var parts = new ModelParts(catalog);
        var store = new PartStore(catalog, catalog.Bytes(catalog.Models[0]) + parts.TaskBytes[1] * 0.5, Array.Empty<string>());
        store.Add(parts.Base[0]);
        long v = store.Version;
        store.Add(parts.Base[0]);
        Assert.Equal(v, store.Version);
        store.Add(parts.Task[0]);
        Assert.True(store.Version > v);
    }
}

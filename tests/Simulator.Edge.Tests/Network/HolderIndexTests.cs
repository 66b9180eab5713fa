using CsCheck;
using Simulator.Edge.Network;

namespace Simulator.Edge.Tests.Network;

public class HolderIndexTests
{
    [Fact]
    public void The_index_gives_the_holders_a_scan_of_every_store_gives_after_any_pulls_and_evictions()
    {
        // Random catalogs and stores small enough to evict; after every pull (and the evictions it causes) the index,
        // refreshed, must name exactly the cloudlets whose store holds each part, in cloudlet order.
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 3], Gen.Int[1, 6], Gen.Int[0, int.MaxValue]).Sample((models, families, cloudlets, seed) =>
        {
            var rng = new Random(seed);
            var catalog = PfmGenerator.Build(new PfmSpec(Math.Max(models, families), families), new AffineProfile(0, 0), 0, rng);
            var parts = new ModelParts(catalog);
            double largest = catalog.Models.Max(m => catalog.Bytes(m));
            var stores = Enumerable.Range(0, cloudlets).Select(_ => new PartStore(catalog, largest * (1 + 2 * rng.NextDouble()), Array.Empty<string>())).ToArray();
            var index = new HolderIndex(stores, parts);
            for (int step = 0; step < 40; step++)
            {
                var store = stores[rng.Next(cloudlets)];
                int k = rng.Next(parts.Count);
                store.Add(rng.Next(2) == 0 ? parts.Base[k] : parts.Task[k]);
                index.Refresh();
                for (int m = 0; m < parts.Count; m++)
                {
                    var baseScan = Enumerable.Range(0, cloudlets).Where(l => stores[l].Holds(parts.Base[m])).ToArray();
                    var taskScan = Enumerable.Range(0, cloudlets).Where(l => stores[l].Holds(parts.Task[m])).ToArray();
                    if (!index.BaseHolders(m).SequenceEqual(baseScan) || !index.TaskHolders(m).SequenceEqual(taskScan))
                        throw new Exception($"step {step}, model {m}: index {string.Join(",", index.BaseHolders(m))} / {string.Join(",", index.TaskHolders(m))}, scan {string.Join(",", baseScan)} / {string.Join(",", taskScan)}");
                }
            }
        }, iter: 200);
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

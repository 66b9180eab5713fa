using Simulator.Edge.Network;

namespace Simulator.Edge.Tests.Network;

public class PartStoreTests
{
    private static readonly Catalog Two = new(
        new[] { new Block("base", 6), new Block("a", 2), new Block("b", 2), new Block("c", 4) },
        new[]
        {
            new Model("A", new[] { "base", "a" }, new AffineProfile(0, 0), 0),
            new Model("B", new[] { "base", "b" }, new AffineProfile(0, 0), 0),
            new Model("C", new[] { "c" }, new AffineProfile(0, 0), 0),
        });

    [Fact]
    public void A_base_is_stored_once_and_the_least_recently_used_goes_first()
    {
        var store = new PartStore(Two, 10, new[] { "base", "a" });
        store.Add(new[] { "b" });            // base + a + b = 10: fits
        Assert.Equal(10, store.UsedBytes);
        store.Pin(new[] { "base" });          // used now: most recent
        store.Release(new[] { "base" });
        store.Add(new[] { "c" });             // 14 > 10: a, then b go (base was used after them)
        Assert.True(store.Holds(new[] { "base", "c" }));
        Assert.False(store.Holds(new[] { "a" }));
        Assert.False(store.Holds(new[] { "b" }));
        Assert.Equal(10, store.UsedBytes);
        Assert.Equal(2, store.Evictions);
    }

    [Fact]
    public void Pinned_blocks_stay_and_leave_once_released_if_they_do_not_fit()
    {
        var store = new PartStore(Two, 6, new[] { "base" });
        store.Pin(new[] { "base" });
        store.Pin(new[] { "c" });
        store.Add(new[] { "c" });            // 10 > 6, both pinned: over capacity while in use
        Assert.True(store.Holds(new[] { "base", "c" }));
        store.Release(new[] { "base" });      // base is least recent and free: it goes
        Assert.False(store.Holds(new[] { "base" }));
        Assert.Equal(4, store.UsedBytes);
    }
}

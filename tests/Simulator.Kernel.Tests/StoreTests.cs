using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

public class StoreTests
{
    [Fact]
    public void Store_is_FIFO_and_puts_wait_for_capacity()
    {
        var env = new Simulation();
        var store = new Store(env, capacity: 2);
        var p1 = store.Put("a");
        var p2 = store.Put("b");
        var p3 = store.Put("c");
        Assert.True(p1.IsTriggered && p2.IsTriggered);
        Assert.False(p3.IsTriggered);
        var g1 = store.Get();
        Assert.Equal("a", g1.Value);
        // As SimSharp: the waiting put enters when the get is processed, not inside Get().
        Assert.False(p3.IsTriggered);
        env.Run();
        Assert.True(p3.IsTriggered);
        Assert.Equal(new object[] { "b", "c" }, store.Items);
        Assert.Equal("b", store.Get().Value);
        Assert.Equal("c", store.Get().Value);
        var waiting = store.Get();
        Assert.False(waiting.IsTriggered);
        Assert.Equal(1, store.GetQueueCount);
        store.Put("d");
        Assert.False(waiting.IsTriggered); // served when the put is processed
        env.Run();
        Assert.Equal("d", waiting.Value);
    }

    [Fact]
    public void A_withdrawn_get_takes_nothing()
    {
        var env = new Simulation();
        var store = new Store(env);
        var gone = store.Get();
        var stays = store.Get();
        gone.Dispose();
        store.Put(1);
        env.Run();
        Assert.False(gone.IsTriggered);
        Assert.Equal(1, stays.Value);
    }

    [Fact]
    public void A_store_measures_each_items_stay_each_gets_wait_and_the_work_in_progress()
    {
        var env = new Simulation();
        var lead = new SampleMonitor();
        var wait = new SampleMonitor();
        var wip = new TimeSeriesMonitor(env, 0);
        var store = new Store(env) { LeadTime = lead, GetWaitingTime = wait, WIP = wip };
        env.Process(Drive());
        env.Run();
        // "a" stays 4 s and its get waits 0 s; the second get waits 2 s for "b", which stays 0 s. In
        // progress: one item for 4 s, one get for 2 s, of 8 s.
        Assert.Equal(new[] { 4.0, 0 }, new[] { lead.Max, lead.Min });
        Assert.Equal(new[] { 2.0, 0 }, new[] { wait.Max, wait.Min });
        Assert.Equal(6, wip.Area, 12);
        Assert.Equal(8, wip.TotalTimeD);

        IEnumerable<Event> Drive()
        {
            store.Put("a");
            yield return env.TimeoutD(4);
            yield return store.Get();
            yield return env.TimeoutD(1);
            var later = store.Get();
            yield return env.TimeoutD(2);
            store.Put("b");
            yield return later;
            yield return env.TimeoutD(1);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Work_in_progress_counts_the_items_the_waiting_puts_and_the_waiting_gets(bool getFirst)
    {
        // A full filter store whose get wants an item it lacks: one item, one put and one get wait, in either order.
        var env = new Simulation();
        var wip = new TimeSeriesMonitor(env, 0);
        var store = new FilterStore(env, ["x"], capacity: 1) { WIP = wip };
        if (getFirst) store.Get(o => (string)o == "z");
        store.Put("y");
        if (!getFirst) store.Get(o => (string)o == "z");
        env.RunD(3);
        Assert.Equal(3, wip.Mean, 12);
    }

    [Fact]
    public void Initial_items_need_one_priority_each()
    {
        var env = new Simulation();
        Assert.Throws<ArgumentException>(() => new PriorityStore(env, ["a", "b", "c"], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => new PriorityStore(env, ["a"], [1.0, 2.0]));
    }

    [Fact]
    public void FilterStore_gives_each_get_the_oldest_matching_item_and_lets_others_overtake()
    {
        var env = new Simulation();
        var store = new FilterStore(env);
        var wantsEven = store.Get(x => (int)x % 2 == 0);
        var wantsAny = store.Get();
        store.Put(1);
        env.Run();
        Assert.False(wantsEven.IsTriggered);
        Assert.Equal(1, wantsAny.Value); // not blocked by the unsatisfied get ahead of it
        store.Put(3);
        store.Put(4);
        store.Put(6);
        env.Run();
        Assert.Equal(4, wantsEven.Value);
        Assert.Equal(new object[] { 3, 6 }, store.Items);
        Assert.Equal(6, store.Get(x => (int)x > 5).Value);
    }

    [Fact]
    public void PriorityStore_releases_smaller_priorities_first_and_FIFO_among_equals()
    {
        var env = new Simulation();
        var store = new PriorityStore(env);
        store.Put("low", 9);
        store.Put("high-1", 1);
        store.Put("mid", 5);
        store.Put("high-2", 1);
        var got = Enumerable.Range(0, 4).Select(_ => store.Get().Value).ToArray();
        Assert.Equal(new object[] { "high-1", "high-2", "mid", "low" }, got);
    }

    [Fact]
    public void Watch_events_follow_the_item_count()
    {
        var env = new Simulation();
        var store = new Store(env, 2);
        var any = store.WhenAny();
        var full = store.WhenFull();
        store.Put("x");
        Assert.True(any.IsTriggered);
        Assert.False(full.IsTriggered);
        store.Put("y");
        Assert.True(full.IsTriggered);
        var empty = store.WhenEmpty();
        store.Get();
        Assert.False(empty.IsTriggered);
        store.Get();
        Assert.True(empty.IsTriggered);
    }
}

using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

public class ContainerTests
{
    [Fact]
    public void Levels_follow_puts_and_gets_and_waiters_are_served_when_the_level_allows()
    {
        var env = new Simulation();
        var tank = new Container(env, capacity: 100, initial: 30);
        var log = new List<string>();
        env.Process(Consumer());
        env.Process(Producer());
        env.Run();
        Assert.Equal(new[] { "got 50@2 level 0", "put 90@3 level 90", "put 20@4 level 100" }, log);
        Assert.Equal(100, tank.Level);

        IEnumerable<Event> Consumer()
        {
            var get = tank.Get(50);
            yield return get;
            log.Add($"got {get.Amount}@{env.NowD} level {tank.Level}");
        }

        IEnumerable<Event> Producer()
        {
            yield return env.TimeoutD(2);
            yield return tank.Put(20); // 50 now: the consumer's get of 50 is served
            yield return env.TimeoutD(1);
            yield return tank.Put(90);
            log.Add($"put 90@{env.NowD} level {tank.Level}");
            var tooMuch = tank.Put(20); // waits: 110 > 100
            Assert.False(tooMuch.IsTriggered);
            yield return env.TimeoutD(1);
            yield return tank.Get(10);
            yield return tooMuch;
            log.Add($"put 20@{env.NowD} level {tank.Level}");
        }
    }

    [Fact]
    public void A_blocked_head_get_blocks_smaller_gets_behind_it_and_disposal_withdraws_it()
    {
        var env = new Simulation();
        var tank = new Container(env, 100, 10);
        var big = tank.Get(40);
        var small = tank.Get(5);
        Assert.False(small.IsTriggered);
        big.Dispose();
        Assert.True(small.IsTriggered);
        Assert.Equal(5, tank.Level);
    }

    [Fact]
    public void A_withdrawn_head_put_lets_the_put_behind_it_in_and_puts_report_their_waits()
    {
        var env = new Simulation();
        var waits = new SampleMonitor();
        var tank = new Container(env, 10, 8) { PutWaitingTime = waits };
        env.Process(Fill());
        env.Run();
        // The put of 1 waited 3 s behind the put of 5 and entered when that one was withdrawn; the put
        // of 0 entered at once.
        Assert.Equal(9, tank.Level);
        Assert.Equal(2, waits.Count);
        Assert.Equal(3, waits.Max);
        Assert.Equal(0, waits.Min);

        IEnumerable<Event> Fill()
        {
            yield return tank.Put(0);
            var big = tank.Put(5);
            var small = tank.Put(1);
            yield return env.TimeoutD(3);
            Assert.False(small.IsTriggered);
            big.Dispose();
            Assert.True(small.IsTriggered);
        }
    }

    [Fact]
    public void Bad_amounts_are_refused()
    {
        var env = new Simulation();
        var tank = new Container(env, 10);
        Assert.Throws<ArgumentException>(() => tank.Put(-1));
        Assert.Throws<ArgumentException>(() => tank.Get(11));
        Assert.Throws<ArgumentException>(() => new Container(env, 10, 11));
        Assert.True(tank.Put(0).IsTriggered); // an empty put is allowed, as in SimSharp
    }

    [Fact]
    public void Watch_events_follow_the_level()
    {
        var env = new Simulation();
        var tank = new Container(env, 10, 0);
        Assert.True(tank.WhenEmpty().IsTriggered);
        var three = tank.WhenAtLeast(3);
        var full = tank.WhenFull();
        tank.Put(4);
        Assert.True(three.IsTriggered);
        Assert.False(full.IsTriggered);
        var low = tank.WhenAtMost(2);
        tank.Put(6);
        Assert.True(full.IsTriggered);
        Assert.False(low.IsTriggered);
        tank.Get(8);
        Assert.True(low.IsTriggered);
    }
}

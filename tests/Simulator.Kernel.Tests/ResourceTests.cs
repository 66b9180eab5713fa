using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

/// <summary>kernel.md behaviour 8 and the resource kinds' semantics.</summary>
public class ResourceTests
{
    [Fact]
    public void A_free_unit_is_granted_inside_Request()
    {
        var env = new Simulation();
        var res = new Resource(env, 2);
        var r1 = res.Request();
        var r2 = res.Request();
        var r3 = res.Request();
        Assert.True(r1.IsTriggered);
        Assert.True(r2.IsTriggered);
        Assert.False(r3.IsTriggered);
        Assert.Equal(2, res.InUse);
        Assert.Equal(0, res.Remaining);
        Assert.Equal(1, res.WaitingCount);
    }

    [Fact]
    public void Releasing_and_requesting_again_goes_to_the_back_of_the_queue()
    {
        var env = new Simulation();
        var res = new Resource(env, 1);
        var log = new List<string>();
        env.Process(Greedy());
        env.Process(Polite());
        env.Run();
        Assert.Equal(new[] { "greedy@0", "polite@1", "greedy@2" }, log);

        IEnumerable<Event> Greedy()
        {
            var req = res.Request();
            yield return req;
            log.Add($"greedy@{env.NowD}");
            yield return env.TimeoutD(1);
            res.Release(req);
            using var again = res.Request();
            yield return again;
            log.Add($"greedy@{env.NowD}");
        }

        IEnumerable<Event> Polite()
        {
            using var req = res.Request();
            yield return req;
            log.Add($"polite@{env.NowD}");
            yield return env.TimeoutD(1);
        }
    }

    [Fact]
    public void Disposing_an_ungranted_request_withdraws_it()
    {
        var env = new Simulation();
        var res = new Resource(env, 1);
        var log = new List<string>();
        env.Process(Holder());
        env.Process(Impatient());
        env.Process(Patient());
        env.Run();
        Assert.Equal(new[] { "impatient gave up@2", "patient@5" }, log);
        Assert.Equal(0, res.InUse);
        Assert.Equal(0, res.WaitingCount);

        IEnumerable<Event> Holder()
        {
            using var req = res.Request();
            yield return req;
            yield return env.TimeoutD(5);
        }

        IEnumerable<Event> Impatient()
        {
            using var req = res.Request();
            yield return req | env.TimeoutD(2);
            if (!req.IsTriggered) log.Add($"impatient gave up@{env.NowD}");
        }

        IEnumerable<Event> Patient()
        {
            yield return env.TimeoutD(1);
            using var req = res.Request();
            yield return req;
            log.Add($"patient@{env.NowD}");
        }
    }

    [Fact]
    public void Releasing_twice_is_an_error_but_dispose_after_release_is_not()
    {
        var env = new Simulation();
        var res = new Resource(env, 1);
        var req = res.Request();
        res.Release(req);
        req.Dispose();
        Assert.Equal(0, res.InUse);
        Assert.Throws<InvalidOperationException>(() => res.Release(req));
    }

    [Fact]
    public void Priority_resource_serves_smaller_priority_first_and_FIFO_among_equals()
    {
        var env = new Simulation();
        var res = new PriorityResource(env, 1);
        var order = new List<string>();
        var holder = res.Request(0);
        var requests = new (string Name, double Priority)[] { ("low", 5), ("high-a", 1), ("mid", 3), ("high-b", 1) };
        foreach (var (name, priority) in requests)
        {
            var r = res.Request(priority);
            r.AddCallback(_ =>
            {
                order.Add(name);
                res.Release(r);
            });
        }
        res.Release(holder);
        env.Run();
        Assert.Equal(new[] { "high-a", "high-b", "mid", "low" }, order);
    }

    [Fact]
    public void Preemption_interrupts_the_user_through_HandleFault_with_a_Preempted_cause()
    {
        var env = new Simulation();
        var res = new PreemptiveResource(env, 1);
        var log = new List<string>();
        Process? vip = null;
        env.Process(Worker());
        vip = env.Process(Vip());
        env.Run();
        Assert.Equal(new[] { "worker got it@0", "preempted@3 by vip since 0", "vip done@7" }, log);

        IEnumerable<Event> Worker()
        {
            using var req = res.Request(priority: 5);
            yield return req;
            log.Add($"worker got it@{env.NowD}");
            yield return env.TimeoutD(10);
            if (env.ActiveProcess!.HandleFault())
            {
                var p = (Preempted)env.ActiveProcess.Value!;
                log.Add($"preempted@{env.NowD} by {(ReferenceEquals(p.By, vip) ? "vip" : "?")} since {(p.UsageSince - env.StartDate).TotalSeconds}");
                Assert.True(req.IsPreempted);
            }
        }

        IEnumerable<Event> Vip()
        {
            yield return env.TimeoutD(3);
            using var req = res.Request(priority: 1, preempt: true);
            yield return req;
            yield return env.TimeoutD(4);
            log.Add($"vip done@{env.NowD}");
        }
    }

    [Fact]
    public void No_preemption_without_the_flag_or_against_an_equal_or_better_user()
    {
        var env = new Simulation();
        var res = new PreemptiveResource(env, 1);
        var user = res.Request(priority: 1);
        var polite = res.Request(priority: 0, preempt: false);
        var equal = res.Request(priority: 1, preempt: true);
        Assert.True(user.IsTriggered);
        Assert.False(polite.IsTriggered);
        Assert.False(equal.IsTriggered);
        Assert.Single(res.Users);
        polite.Dispose();
        var better = res.Request(priority: 0, preempt: true);
        Assert.True(better.IsTriggered);
        Assert.True(user.IsPreempted);
        Assert.Same(better, res.Users.Single());
    }

    [Fact]
    public void Watch_events_follow_SimSharps_meaning()
    {
        var env = new Simulation();
        var res = new Resource(env, 2);
        var whenFull = res.WhenFull();   // every unit free: holds now
        Assert.True(whenFull.IsTriggered);
        var a = res.Request();
        var whenEmpty = res.WhenEmpty(); // no unit free
        var whenChange = res.WhenChange();
        Assert.False(whenEmpty.IsTriggered);
        var b = res.Request();
        Assert.True(whenEmpty.IsTriggered);
        Assert.True(whenChange.IsTriggered);
        var whenAny = res.WhenAny();
        Assert.False(whenAny.IsTriggered);
        res.Release(a);
        Assert.True(whenAny.IsTriggered);
        var full = res.WhenFull();
        Assert.False(full.IsTriggered);
        res.Release(b);
        Assert.True(full.IsTriggered);
    }

    [Fact]
    public void A_withdrawn_request_changes_nothing_a_watcher_waits_for()
    {
        // As SimSharp: only a release of a unit triggers the watchers, a waiting request that is withdrawn does not.
        var env = new Simulation();
        var res = new Resource(env, 1);
        var user = res.Request();
        var waiting = res.Request();
        var next = res.Request();
        var change = res.WhenChange();
        var any = res.WhenAny();
        Assert.Equal(2, res.WaitingCount);
        res.Release(waiting);
        Assert.Equal(1, res.WaitingCount);
        Assert.False(change.IsTriggered);
        Assert.False(any.IsTriggered);
        res.Release(user);
        Assert.True(change.IsTriggered);
        Assert.True(any.IsTriggered);
        env.Run();
        Assert.True(next.IsTriggered);
    }

    [Fact]
    public void A_preempting_request_takes_the_unit_of_the_user_that_ranks_last()
    {
        var env = new Simulation();
        var res = new PreemptiveResource(env, 3);
        var first = res.Request(priority: 1);
        var last = res.Request(priority: 3);
        var middle = res.Request(priority: 2);
        var vip = res.Request(priority: 0, preempt: true);
        Assert.True(vip.IsTriggered);
        Assert.True(last.IsPreempted);
        Assert.False(first.IsPreempted);
        Assert.False(middle.IsPreempted);
        Assert.Equal(new[] { first, middle, vip }, res.Users);
    }

    [Fact]
    public void Capacity_must_be_positive()
    {
        var env = new Simulation();
        Assert.Throws<ArgumentException>(() => new Resource(env, 0));
    }
}

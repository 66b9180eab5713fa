namespace Simulator.Kernel.Tests.Parity;

/// <summary>
/// Event orderings that follow SimSharp 3.4. Each scenario was run on SimSharp itself (commit 4378ef9,
/// built from source on .NET 10) and the expected logs and event counts below are what it printed.
/// </summary>
public class EventSemanticsTests
{
    [Fact]
    public void A_release_grants_the_next_request_when_the_release_is_processed()
    {
        var env = new Simulation();
        var res = new Resource(env, 1);
        var r1 = res.Request();
        var r2 = res.Request();
        env.Run();
        Assert.True(r1.IsProcessed);
        Assert.False(r2.IsTriggered);
        Assert.Equal(1, res.InUse);
        r1.Dispose();
        Assert.False(r2.IsTriggered); // SimSharp: not yet granted ...
        Assert.Equal(0, res.InUse); // ... though the unit is already free
        env.Run();
        Assert.True(r2.IsTriggered);
        Assert.Equal(1, res.InUse);
        Assert.Equal(3, env.ProcessedEvents);
    }

    [Fact]
    public void A_process_that_releases_and_requests_again_at_once_queues_behind_the_waiting_one()
    {
        var env = new Simulation();
        var res = new Resource(env, 1);
        var log = new List<string>();
        env.Process(A());
        env.Process(B());
        env.Run();
        Assert.Equal(new[] { "B@1", "A again@2" }, log);
        Assert.Equal(13, env.ProcessedEvents);

        IEnumerable<Event> A()
        {
            var r = res.Request();
            yield return r;
            yield return env.TimeoutD(1);
            r.Dispose();
            var again = res.Request();
            yield return again;
            log.Add($"A again@{env.NowD}");
            again.Dispose();
        }

        IEnumerable<Event> B()
        {
            yield return env.TimeoutD(0.5);
            using var r = res.Request();
            yield return r;
            log.Add($"B@{env.NowD}");
            yield return env.TimeoutD(1);
        }
    }

    [Fact]
    public void A_put_serves_a_waiting_get_when_the_put_is_processed()
    {
        var env = new Simulation();
        var tank = new Container(env, 10, 0);
        var get = tank.Get(3);
        tank.Put(5);
        Assert.False(get.IsTriggered);
        Assert.Equal(5, tank.Level);
        env.Run();
        Assert.True(get.IsTriggered);
        Assert.Equal(2, tank.Level);
        Assert.Equal(2, env.ProcessedEvents);

        var store = new Store(env);
        var sg = store.Get();
        store.Put("x");
        Assert.False(sg.IsTriggered);
        env.Run();
        Assert.Equal("x", sg.Value);
    }

    [Fact]
    public void A_waiting_filter_runs_once_per_put()
    {
        var env = new Simulation();
        var store = new FilterStore(env);
        int calls = 0;
        var get = store.Get(o => { calls++; return (int)o == 2; });
        store.Put(1);
        store.Put(2);
        Assert.False(get.IsTriggered);
        Assert.Equal(0, calls);
        env.Run();
        Assert.Equal(2, get.Value);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_process_interrupted_at_the_instant_its_timeout_is_due_gets_the_fault_first()
    {
        foreach (bool killerFirst in new[] { true, false })
        {
            var env = new Simulation();
            var log = new List<string>();
            Process? victim = null;
            if (killerFirst) env.Process(Killer());
            victim = env.Process(Victim());
            if (!killerFirst) env.Process(Killer());
            env.Run();
            // Interrupted before its timeout was processed, the victim never sees the timeout; when the
            // timeout comes first it resumes normally and the fault hits its next wait.
            Assert.Equal(killerFirst ? new[] { "fault x@1", "end@2" } : new[] { "timeout@1", "end@1" }, log);
            Assert.Equal(8, env.ProcessedEvents);

            IEnumerable<Event> Victim()
            {
                yield return env.TimeoutD(1);
                log.Add(env.ActiveProcess!.HandleFault() ? $"fault {env.ActiveProcess.Value}@{env.NowD}" : $"timeout@{env.NowD}");
                yield return env.TimeoutD(1);
                log.Add($"end@{env.NowD}");
            }

            IEnumerable<Event> Killer()
            {
                yield return env.TimeoutD(1);
                victim!.Interrupt("x");
            }
        }
    }

    [Fact]
    public void A_process_interrupted_at_the_instant_its_request_is_granted_gets_the_fault_first()
    {
        var env = new Simulation();
        var log = new List<string>();
        var res = new PreemptiveResource(env, 1);
        env.Process(Holder());
        var low = env.Process(Low());
        env.Process(Killer());
        env.Run();
        Assert.Equal(new[] { "low fault kick@1" }, log);
        Assert.Equal(14, env.ProcessedEvents);

        IEnumerable<Event> Holder()
        {
            using var r = res.Request(priority: 2);
            yield return r;
            yield return env.TimeoutD(1);
        }

        IEnumerable<Event> Low()
        {
            using var r = res.Request(priority: 3);
            yield return r;
            log.Add(env.ActiveProcess!.HandleFault() ? $"low fault {env.ActiveProcess.Value}@{env.NowD}" : $"low granted@{env.NowD}");
        }

        IEnumerable<Event> Killer()
        {
            yield return env.TimeoutD(1);
            yield return env.TimeoutD(0);
            low.Interrupt("kick");
        }
    }

    [Fact]
    public void Preemption_follows_SimSharp_and_a_preempted_request_is_released_with_an_event()
    {
        var env = new Simulation();
        var log = new List<string>();
        var res = new PreemptiveResource(env, 1);
        env.Process(Holder());
        env.Process(Low());
        env.Process(High());
        env.Run();
        Assert.Equal(new[] { "high granted@1", "low granted@2", "low done@3" }, log);
        Assert.Equal(18, env.ProcessedEvents);

        var env2 = new Simulation();
        var res2 = new PreemptiveResource(env2, 1);
        Preempted? cause = null;
        env2.Process(Victim());
        env2.Process(Preemptor());
        env2.Run();
        Assert.Equal(12, env2.ProcessedEvents); // the victim's dispose issues a release event, as in SimSharp
        Assert.Equal(5, env2.NowD);
        Assert.Equal(env2.StartDate, cause!.UsageSince); // when the victim's request was issued

        IEnumerable<Event> Holder()
        {
            using var r = res.Request(priority: 2);
            yield return r;
            yield return env.TimeoutD(1);
        }

        IEnumerable<Event> Low()
        {
            yield return env.TimeoutD(0.5);
            using var r = res.Request(priority: 1);
            yield return r;
            log.Add($"low granted@{env.NowD}");
            yield return env.TimeoutD(1);
            log.Add($"low done@{env.NowD}");
        }

        IEnumerable<Event> High()
        {
            yield return env.TimeoutD(1);
            using var r = res.Request(priority: 0, preempt: true);
            yield return r;
            log.Add($"high granted@{env.NowD}");
            yield return env.TimeoutD(1);
        }

        IEnumerable<Event> Victim()
        {
            using var r = res2.Request(priority: 2);
            yield return r;
            yield return env2.TimeoutD(5);
            if (env2.ActiveProcess!.HandleFault()) cause = (Preempted)env2.ActiveProcess.Value!;
        }

        IEnumerable<Event> Preemptor()
        {
            yield return env2.TimeoutD(1);
            using var r = res2.Request(priority: 1, preempt: true);
            yield return r;
            yield return env2.TimeoutD(1);
        }
    }

    [Fact]
    public void AnyOf_over_two_events_due_at_the_same_instant_holds_both_values()
    {
        var env = new Simulation();
        var a = env.TimeoutD(1);
        var b = env.TimeoutD(1);
        var any = new AnyOf(env, a, b);
        env.Run();
        Assert.Equal(2, any.Value!.Count);
    }

    [Fact]
    public void A_sub_event_failing_after_its_condition_triggered_ends_the_run()
    {
        var env = new Simulation();
        var bad = new Event(env);
        _ = new AnyOf(env, env.TimeoutD(1), bad);
        env.Process(FailLater());
        Assert.Throws<InvalidOperationException>(() => env.Run());

        IEnumerable<Event> FailLater()
        {
            yield return env.TimeoutD(2);
            bad.Fail("late");
        }
    }
}

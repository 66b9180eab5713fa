using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

/// <summary>kernel.md behaviour 7: AllOf / AnyOf.</summary>
public class ConditionTests
{
    [Fact]
    public void Empty_conditions_trigger_at_once()
    {
        var env = new Simulation();
        var all = new AllOf(env);
        var any = new AnyOf(env);
        Assert.True(all.IsTriggered);
        Assert.True(any.IsTriggered);
        env.Run();
        Assert.Equal(0, env.NowD);
        Assert.Empty(all.Value!);
    }

    [Fact]
    public void AllOf_waits_for_the_last_and_AnyOf_for_the_first()
    {
        var env = new Simulation();
        var a = new Timeout(env, 1, "a");
        var b = new Timeout(env, 3, "b");
        double allAt = -1, anyAt = -1;
        (a & b).AddCallback(_ => allAt = env.NowD);
        (a | b).AddCallback(_ => anyAt = env.NowD);
        env.Run();
        Assert.Equal(3, allAt);
        Assert.Equal(1, anyAt);
    }

    [Fact]
    public void The_value_maps_processed_sub_events_with_nested_conditions_flattened()
    {
        var env = new Simulation();
        var a = new Timeout(env, 1, "a");
        var b = new Timeout(env, 2, "b");
        var c = new Timeout(env, 3, "c");
        var nested = (a & b) & c;
        var first = (a | b) | c;
        env.Run();
        var all = nested.Value!;
        Assert.Equal(3, all.Count);
        Assert.Equal("a", all[a]);
        Assert.Equal("b", all[b]);
        Assert.Equal("c", all[c]);
        Assert.DoesNotContain(all.Keys.Cast<object>(), k => k is Condition);
        Assert.Equal(new object[] { a, b, c }, all.Keys.Cast<object>()); // in the order of the sub-events
        var any = first.Value!;
        Assert.Equal(new object[] { a }, any.Keys.Cast<object>()); // only a was processed when AnyOf was
    }

    [Fact]
    public void A_failing_sub_event_fails_the_condition_with_its_cause()
    {
        var env = new Simulation();
        var ok = new Timeout(env, 5);
        var bad = new Event(env);
        var all = new AllOf(env, ok, bad);
        bad.Fail("broken");
        env.Run();
        Assert.True(all.IsProcessed);
        Assert.False(all.IsOk);
        Assert.Equal("broken", ((Event)all).Value);
        Assert.Null(all.Value);
    }

    [Fact]
    public void A_process_can_wait_on_a_condition_of_already_processed_events()
    {
        var env = new Simulation();
        var a = new Timeout(env, 1, 1);
        var b = new Timeout(env, 2, 2);
        env.RunD(5);
        var all = new AllOf(env, a, b);
        Assert.True(all.IsTriggered);
        env.Run();
        Assert.Equal(2, all.Value!.Count);
    }

    [Fact]
    public void Events_of_another_simulation_are_refused()
    {
        var env = new Simulation();
        var other = new Simulation();
        Assert.Throws<ArgumentException>(() => new AllOf(env, new Event(env), new Event(other)));
    }
}

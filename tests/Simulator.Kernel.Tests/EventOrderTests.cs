using CsCheck;
using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

/// <summary>kernel.md behaviour 1: same time runs by priority, then strictly in scheduling order.</summary>
public class EventOrderTests
{
    [Fact]
    public void Ties_in_time_and_priority_run_in_scheduling_order_with_10000_pending()
    {
        var env = new Simulation();
        var order = new List<int>();
        const int n = 10_000;
        for (int i = 0; i < n; i++)
        {
            int id = i;
            var ev = new Event(env);
            ev.AddCallback(_ => order.Add(id));
            ev.Succeed();
        }
        env.Run();
        Assert.Equal(Enumerable.Range(0, n), order);
        Assert.Equal(n, env.ProcessedEvents);
    }

    [Fact]
    public void Ties_stay_in_order_when_interleaved_with_earlier_and_later_events()
    {
        // A large heap with churn: 6,000 events at t=5 mixed with events before and after.
        var env = new Simulation();
        var atFive = new List<int>();
        var rng = new Random(3);
        for (int i = 0; i < 6_000; i++)
        {
            int id = i;
            env.ScheduleD(5.0, Tagged(env, () => atFive.Add(id)));
            env.ScheduleD(rng.NextDouble() * 10, new Event(env));
        }
        env.Run();
        Assert.Equal(Enumerable.Range(0, 6_000), atFive);
    }

    [Fact]
    public void Lower_priority_value_runs_first_at_the_same_time()
    {
        var env = new Simulation();
        var order = new List<string>();
        env.ScheduleD(1, Tagged(env, () => order.Add("p0-a")), priority: 0);
        env.ScheduleD(1, Tagged(env, () => order.Add("p1")), priority: 1);
        env.ScheduleD(1, Tagged(env, () => order.Add("p-1")), priority: -1);
        env.ScheduleD(1, Tagged(env, () => order.Add("p0-b")), priority: 0);
        env.ScheduleD(0.5, Tagged(env, () => order.Add("early")), priority: 5);
        env.Run();
        Assert.Equal(new[] { "early", "p-1", "p0-a", "p0-b", "p1" }, order);
    }

    [Fact]
    public void Processing_order_is_the_stable_sort_by_time_then_priority()
    {
        var gen = Gen.Select(Gen.Int[0, 20], Gen.Int[-3, 3]).Array[1, 400];
        gen.Sample(schedule =>
        {
            var env = new Simulation();
            var seen = new List<int>();
            for (int i = 0; i < schedule.Length; i++)
            {
                int id = i;
                env.ScheduleD(schedule[i].Item1 * 0.25, Tagged(env, () => seen.Add(id)), schedule[i].Item2);
            }
            env.Run();
            var expected = Enumerable.Range(0, schedule.Length)
                .OrderBy(i => schedule[i].Item1).ThenBy(i => schedule[i].Item2).ThenBy(i => i);
            return seen.SequenceEqual(expected);
        }, iter: 300);
    }

    [Fact]
    public void Out_of_range_priority_and_negative_or_undefined_delays_are_refused()
    {
        var env = new Simulation();
        Assert.Throws<ArgumentOutOfRangeException>(() => env.TimeoutD(1, priority: int.MaxValue));
        // A negative or undefined delay is an argument error, as in SimSharp.
        Assert.Throws<ArgumentException>(() => env.TimeoutD(-1));
        Assert.Throws<ArgumentException>(() => env.TimeoutD(double.NaN));
        Assert.Throws<ArgumentException>(() => env.Timeout(TimeSpan.FromTicks(-1)));
    }

    internal static Event Tagged(Simulation env, Action onProcessed)
    {
        var ev = new Event(env);
        ev.AddCallback(_ => onProcessed());
        return ev;
    }
}

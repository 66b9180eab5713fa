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

    /// <summary>
    /// Events that schedule none, one or several more while they are processed, with peeks in between
    /// (the queue keeps a dequeued root vacant until the next access), against a list scanned for the
    /// least (time, priority, scheduling order): the same events in the same order, the same peeks.
    /// </summary>
    [Fact]
    public void Events_scheduled_while_processing_come_out_as_from_a_scanned_list()
    {
        var step = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[-2, 2], Gen.Bool);
        var gen = Gen.Select(Gen.Int[1, 12], step.Array[1, 300], Gen.Int[0, 50]);
        gen.Sample((initial, steps, horizon) =>
        {
            var env = new Simulation();
            var seen = new List<(int Id, double Time, double Peek)>();
            int next = 0, used = 0;
            void Schedule(double delay, int priority)
            {
                int id = next++;
                env.ScheduleD(delay, Tagged(env, () =>
                {
                    double peek = double.NaN;
                    if (used < steps.Length)
                    {
                        var (children, delaySteps, childPriority, peekFirst) = steps[used++];
                        if (peekFirst) peek = env.PeekD();
                        for (int c = 0; c < children; c++) Schedule((delaySteps + c) * 0.25, childPriority);
                    }
                    seen.Add((id, env.NowD, peek));
                }), priority);
            }
            for (int i = 0; i < initial; i++) Schedule(i % 3 * 0.25, i % 2 - 1);
            if (horizon > 0) env.RunD(horizon * 0.25);
            else env.Run();

            var pending = new List<(double Time, int Priority, int Id)>();
            var expected = new List<(int Id, double Time, double Peek)>();
            int nextId = 0, stepUsed = 0;
            double now = 0;
            for (int i = 0; i < initial; i++) pending.Add((i % 3 * 0.25, i % 2 - 1, nextId++));
            while (pending.Count > 0)
            {
                var first = pending.OrderBy(e => e.Time).ThenBy(e => e.Priority).ThenBy(e => e.Id).First();
                if (horizon > 0 && first.Time >= horizon * 0.25 && !(first.Time == horizon * 0.25 && first.Priority < 0)) break;
                pending.Remove(first);
                now = first.Time;
                double peek = double.NaN;
                if (stepUsed < steps.Length)
                {
                    var (children, delaySteps, childPriority, peekFirst) = steps[stepUsed++];
                    if (peekFirst) peek = pending.Select(e => e.Time).Append(horizon > 0 ? horizon * 0.25 : double.MaxValue).Min(); // a run to a horizon holds its stop event
                    for (int c = 0; c < children; c++) pending.Add((now + (delaySteps + c) * 0.25, childPriority, nextId++));
                }
                expected.Add((first.Id, now, peek));
            }
            return seen.SequenceEqual(expected);
        }, iter: 400);
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

using CsCheck;

namespace Simulator.Kernel.Tests.Parity;

/// <summary>The clock counts 100 ns ticks, as SimSharp's DateTime clock: sums of delays are exact.</summary>
public class ClockTests
{
    [Fact]
    public void Ten_timeouts_of_a_tenth_end_at_exactly_one_second()
    {
        var env = new Simulation();
        env.Process(Repeat(env, 10, 0.1));
        env.Run();
        Assert.Equal(1.0, env.NowD);
        Assert.Equal(Simulation.DefaultStartDate.AddSeconds(1), env.Now);
    }

    [Fact]
    public void A_long_run_of_decimal_steps_does_not_drift()
    {
        // 10^6 steps of 1 ms (and 10^5 of 0.37 s): a double clock would be off by ~1e-10 s, the tick clock is exact.
        var env = new Simulation();
        env.Process(Repeat(env, 1_000_000, 0.001));
        env.Run();
        Assert.Equal(1000.0, env.NowD);
        var env2 = new Simulation();
        env2.Process(Repeat(env2, 100_000, 0.37));
        env2.Run();
        Assert.Equal(37_000L * TimeSpan.TicksPerSecond, (env2.Now - env2.StartDate).Ticks);
    }

    [Fact]
    public void Any_sequence_of_whole_microsecond_delays_ends_exactly_at_their_sum()
    {
        // Property: delays of k microseconds (k < 10^9) are whole ticks, so the clock lands on the exact sum.
        Gen.Long[0, 999_999_999].Array[1, 200].Sample(micros =>
        {
            var env = new Simulation();
            env.Process(Delays(env, micros));
            env.Run();
            return (env.Now - env.StartDate).Ticks == micros.Sum() * 10;
        }, iter: 200);
    }

    [Fact]
    public void Bounded_integer_draws_stay_in_their_range()
    {
        Gen.Select(Gen.Int, Gen.Int[-1000, 1000], Gen.Int[1, 1000]).Sample((seed, lo, width) =>
        {
            var r = new PcgRandom(seed);
            for (int i = 0; i < 50; i++)
            {
                int v = r.Next(lo, lo + width);
                double u = r.NextDouble();
                if (v < lo || v >= lo + width || u < 0 || u >= 1 || r.Next(width) >= width || r.Next() < 0) return false;
            }
            return true;
        }, iter: 300);
    }

    private static IEnumerable<Event> Delays(Simulation env, long[] micros)
    {
        foreach (var us in micros) yield return env.TimeoutD(us / 1e6);
    }

    [Fact]
    public void Delays_are_truncated_to_ticks_as_SimSharp_truncates_them()
    {
        var env = new Simulation();
        env.TimeoutD(1.99e-7);
        env.Run();
        Assert.Equal(1, (env.Now - env.StartDate).Ticks);
        // A value a rounding error below a whole tick is that tick; SimSharp's TimeSpan.FromSeconds gives one less.
        Assert.Equal(5_538_236_889, TimeSpan.FromSeconds(553.823689).Ticks);
        Assert.Equal(5_538_236_890, env.ToTimeSpan(553.823689).Ticks);
        Assert.Equal(TimeSpan.FromSeconds(2.718281828).Ticks, env.ToTimeSpan(2.718281828).Ticks);
        // Below one tick a delay is zero: the event happens now, after those already scheduled now.
        var order = new List<int>();
        env.TimeoutD(0).AddCallback(_ => order.Add(1));
        env.TimeoutD(5e-8).AddCallback(_ => order.Add(2));
        env.Run();
        Assert.Equal(new[] { 1, 2 }, order);
        Assert.Equal(1, (env.Now - env.StartDate).Ticks);
    }

    [Fact]
    public void A_default_step_scales_every_D_member()
    {
        var env = new Simulation(defaultStep: TimeSpan.FromMinutes(1));
        env.RunD(2.5);
        Assert.Equal(new DateTime(1970, 1, 1, 0, 2, 30), env.Now);
        Assert.Equal(2.5, env.NowD);
        env.TimeoutD(0.5);
        Assert.Equal(3.0, env.PeekD());
        Assert.Equal(TimeSpan.FromSeconds(90), env.ToTimeSpan(1.5));
        Assert.Equal(1.5, env.ToDouble(TimeSpan.FromSeconds(90)));
        Assert.Equal(TimeSpan.FromMinutes(1), new Simulation(TimeSpan.FromMinutes(-1)).ToTimeSpan(1)); // the step's sign is dropped, as in SimSharp
    }

    [Fact]
    public void Reset_starts_over_with_an_empty_queue()
    {
        var env = new Simulation(new DateTime(2020, 1, 1), 3);
        env.TimeoutD(5);
        env.TimeoutD(10);
        env.RunD(7);
        Assert.Equal(1, env.ProcessedEvents);
        env.Reset(3);
        Assert.Equal(0, env.ProcessedEvents);
        Assert.Equal(new DateTime(2020, 1, 1), env.Now);
        Assert.Equal(double.MaxValue, env.PeekD());
    }

    [Fact]
    public void A_run_ended_by_an_event_does_not_count_that_event()
    {
        // SimSharp counts processed events after processing; the event that stops the run is not counted.
        var env = new Simulation();
        var stop = env.TimeoutD(2);
        env.TimeoutD(1);
        env.Run(stop);
        Assert.Equal(1, env.ProcessedEvents);
        env.TimeoutD(1);
        env.RunD(5);
        Assert.Equal(2, env.ProcessedEvents);
    }

    [Fact]
    public void Run_events_fire_around_each_run()
    {
        var env = new Simulation();
        var seen = new List<string>();
        env.RunStarted += (_, _) => seen.Add("started");
        env.RunFinished += (_, _) => seen.Add("finished");
        env.TimeoutD(1);
        env.Run();
        Assert.Equal(new[] { "started", "finished" }, seen);
    }

    [Fact]
    public async Task A_thread_safe_simulation_runs_on_the_pool_and_stops_when_asked()
    {
        var env = new ThreadSafeSimulation(1);
        env.Process(Repeat(env, int.MaxValue, 1));
        var run = env.RunAsync(TimeSpan.FromDays(365));
        while (env.ProcessedEvents < 1000) await Task.Delay(1);
        env.StopAsync();
        await run;
        Assert.True(env.NowD >= 1000 && env.NowD < 365 * 86400.0, $"stopped at {env.NowD}");
    }

    [Fact]
    public void A_pseudo_realtime_run_follows_the_wall_clock_at_its_scale_and_can_switch_to_virtual_time()
    {
        var env = new PseudoRealtimeSimulation();
        // Bounds that only the wrong clock breaks, whatever the machine's load: at the scale the 8 simulated seconds
        // take 0.1 s, at a scale of 1 they would take 8 s, and virtual time's simulated 1,000 hours would take forever.
        env.SetRealtime(80); // 80 simulated seconds per wall-clock second
        env.Process(Repeat(env, 8, 1));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        env.Run();
        Assert.Equal(8, env.NowD);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.09, 6);
        env.SetVirtualtime();
        Assert.False(env.IsRunningInRealtime);
        env.Process(Repeat(env, 1000, 3600));
        clock.Restart();
        env.Run();
        Assert.Equal(8 + 3_600_000, env.NowD);
        Assert.True(clock.Elapsed.TotalSeconds < 60, $"{clock.Elapsed}");
        Assert.Throws<ArgumentException>(() => env.SetRealtime(0));
    }

    [Fact]
    public async Task An_event_scheduled_from_another_thread_cuts_a_realtime_wait_short()
    {
        var env = new PseudoRealtimeSimulation();
        var wake = new Event(env);
        double wokeAt = double.NaN;
        var started = new TaskCompletionSource();
        env.Process(Sleeper());
        var run = env.RunAsync(TimeSpan.FromSeconds(60)); // waits in real time for the 60 s stop
        // Only once the run is under way is there a wait to cut short (on a loaded machine the run's
        // thread can start later than any fixed delay).
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        env.Schedule(wake);
        await Task.Delay(300);
        env.StopAsync();
        await run;
        Assert.InRange(wokeAt, 0.2, 30); // woken after about 0.3 s of wall clock (more on a loaded machine), not at 60 s
        Assert.True(env.NowD < 60);

        IEnumerable<Event> Sleeper()
        {
            started.SetResult();
            yield return wake;
            wokeAt = env.NowD;
        }
    }

    private static IEnumerable<Event> Repeat(Simulation env, int n, double delay)
    {
        for (int i = 0; i < n; i++) yield return env.TimeoutD(delay);
    }
}

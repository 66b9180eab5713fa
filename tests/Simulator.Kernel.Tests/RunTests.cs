using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

/// <summary>kernel.md behaviour 3 and the clock's DateTime edge.</summary>
public class RunTests
{
    [Fact]
    public void Run_until_places_its_stop_before_other_priority_zero_events_at_that_instant()
    {
        var env = new Simulation();
        var ran = new List<string>();
        env.ScheduleD(5, EventOrderTests.Tagged(env, () => ran.Add("p0")), priority: 0);
        env.ScheduleD(5, EventOrderTests.Tagged(env, () => ran.Add("p-1")), priority: -1);
        env.ScheduleD(5, EventOrderTests.Tagged(env, () => ran.Add("p2")), priority: 2);
        env.ScheduleD(4, EventOrderTests.Tagged(env, () => ran.Add("before")), priority: 3);
        env.RunD(5);
        Assert.Equal(new[] { "before", "p-1" }, ran);
        Assert.Equal(5, env.NowD);
        Assert.Equal(2, env.ProcessedEvents); // the stop event is not counted
        env.Run();
        Assert.Equal(new[] { "before", "p-1", "p0", "p2" }, ran);
        Assert.Equal(4, env.ProcessedEvents);
    }

    [Fact]
    public void RunD_is_relative_to_now_and_advances_the_clock_to_its_end_even_without_events()
    {
        var env = new Simulation();
        env.RunD(3);
        Assert.Equal(3, env.NowD);
        env.RunD(2);
        Assert.Equal(5, env.NowD);
        Assert.Equal(0, env.ProcessedEvents);
    }

    [Fact]
    public void DateTime_and_TimeSpan_members_convert_at_the_edge()
    {
        var start = new DateTime(2025, 3, 1, 8, 0, 0);
        var env = new Simulation(start, randomSeed: 1);
        env.Run(TimeSpan.FromMinutes(90));
        Assert.Equal(5400, env.NowD);
        Assert.Equal(start.AddMinutes(90), env.Now);
        env.Run(start.AddHours(2));
        Assert.Equal(7200, env.NowD);
        // As SimSharp: an end at or before now is an error, so is a run of negative or zero length.
        Assert.Throws<InvalidOperationException>(() => env.Run(start.AddHours(1)));
        Assert.Throws<InvalidOperationException>(() => env.Run(start.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => env.RunD(-1));
        Assert.Throws<InvalidOperationException>(() => env.RunD(0));
        env.Timeout(TimeSpan.FromSeconds(30));
        Assert.Equal(start.AddSeconds(7230), env.Peek());
        Assert.Equal(7230, env.PeekD());
    }

    [Fact]
    public void Run_with_a_stop_event_returns_its_value_and_leaves_later_events_pending()
    {
        var env = new Simulation();
        var stop = new Timeout(env, 2, "stopped");
        env.TimeoutD(3);
        Assert.Equal("stopped", env.Run(stop));
        Assert.Equal(2, env.NowD);
        Assert.Equal(3, env.PeekD());
    }

    [Fact]
    public void Running_out_of_events_before_the_stop_event_is_an_error()
    {
        var env = new Simulation();
        env.TimeoutD(1);
        var never = new Event(env);
        var ex = Assert.Throws<InvalidOperationException>(() => env.Run(never));
        Assert.Contains("\"until\" event was not triggered", ex.Message);
    }

    [Fact]
    public void StopAsync_ends_the_run_after_the_current_event()
    {
        var env = new Simulation();
        env.Process(Stopper(env));
        env.TimeoutD(10);
        env.Run();
        Assert.Equal(1, env.NowD);
        Assert.Equal(1, env.PeekD()); // the stopper's own completion is still pending
        env.Run();
        Assert.Equal(10, env.NowD);

        static IEnumerable<Event> Stopper(Simulation env)
        {
            yield return env.TimeoutD(1);
            env.StopAsync();
        }
    }

    [Fact]
    public void A_run_paused_by_StopAsync_resumes_with_its_stop_event_and_ends_as_an_uninterrupted_run()
    {
        static (List<(double, string)> Log, long Processed, double Now) Run(bool pause)
        {
            var env = new Simulation(3);
            var log = new List<(double, string)>();
            for (int p = 0; p < 3; p++) env.Process(Worker(env, p, log, pause));
            var end = env.EndAtD(50);
            int resumed = 0;
            env.Run(end);
            while (!env.Ended(end))
            {
                resumed++;
                env.Run(end);
            }
            Assert.True(pause ? resumed > 10 : resumed == 0, $"{resumed} resumes");
            Assert.Equal(50, env.NowD);
            return (log, env.ProcessedEvents, env.NowD);
        }

        static IEnumerable<Event> Worker(Simulation env, int p, List<(double, string)> log, bool pause)
        {
            while (true)
            {
                yield return env.TimeoutD(env.RandUniform(0.5, 2.5));
                log.Add((env.NowD, $"worker {p}"));
                if (pause) env.StopAsync();
            }
        }

        var whole = Run(pause: false);
        var paused = Run(pause: true);
        Assert.Equal(whole.Log, paused.Log);
        // The stop event is counted out once, however often the run resumed.
        Assert.Equal(whole.Processed, paused.Processed);
    }

    [Fact]
    public void Rand_is_reproducible_for_a_seed_and_differs_between_seeds()
    {
        var a = new Simulation(7);
        var b = new Simulation(7);
        var c = new Simulation(8);
        var unif = new Uniform(0, 1);
        var da = a.Rand(unif, 5).ToArray();
        Assert.Equal(da, b.Rand(unif, 5).ToArray());
        Assert.NotEqual(da, c.Rand(unif, 5).ToArray());
        Assert.All(da, x => Assert.InRange(x, 0.0, 1.0));
    }

    [Fact]
    public void Step_on_an_empty_queue_throws_and_Peek_reports_no_event()
    {
        var env = new Simulation();
        Assert.Throws<InvalidOperationException>(() => env.Step());
        Assert.Equal(double.MaxValue, env.PeekD()); // SimSharp's value for no event
        Assert.Equal(DateTime.MaxValue, env.Peek());
    }
}

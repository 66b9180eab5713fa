using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

/// <summary>kernel.md behaviours 2, 4, 5 and 6: process start, completion, faults, interrupts, values.</summary>
public class ProcessTests
{
    [Fact]
    public void Starting_a_process_schedules_its_first_step_at_now()
    {
        var env = new Simulation();
        env.Process(Wait(env, 3));
        Assert.Equal(0, env.PeekD());
        env.Step();
        Assert.Equal(0, env.NowD);
        Assert.Equal(1, env.ProcessedEvents);
        Assert.Equal(3, env.PeekD());
    }

    [Fact]
    public void Completion_is_an_event_others_wait_on_and_every_event_is_counted()
    {
        var env = new Simulation();
        var child = env.Process(Wait(env, 2, "done"));
        object? seen = null;
        double at = -1;
        env.Process(Parent());
        env.Run();
        Assert.Equal("done", seen);
        Assert.Equal(2, at);
        // child start, parent start, child's timeout, child's completion, parent's completion
        Assert.Equal(5, env.ProcessedEvents);

        IEnumerable<Event> Parent()
        {
            yield return child;
            seen = child.Value;
            at = env.NowD;
        }
    }

    [Fact]
    public void A_process_succeeds_with_the_value_of_the_last_event_it_waited_on()
    {
        var env = new Simulation();
        var p = env.Process(Values(env));
        env.Run();
        Assert.True(p.IsOk);
        Assert.Equal(42, p.Value);

        static IEnumerable<Event> Values(Simulation env)
        {
            yield return new Timeout(env, 1.0, "first");
            yield return new Timeout(env, 1.0, 42);
        }
    }

    [Fact]
    public void Yielding_a_processed_event_continues_at_once_without_the_queue()
    {
        var env = new Simulation();
        var done = new Event(env);
        done.Succeed("v");
        var log = new List<string>();
        env.Process(Late());
        env.Run();
        // No extra event was processed for the second yield of `done`, and nothing ran in between.
        Assert.Equal(new[] { "resumed v at 1", "again v at 1" }, log);
        Assert.Equal(4, env.ProcessedEvents); // done, start, timeout, completion

        IEnumerable<Event> Late()
        {
            yield return env.TimeoutD(1);
            yield return done;
            log.Add($"resumed {done.Value} at {env.NowD}");
            yield return done;
            log.Add($"again {done.Value} at {env.NowD}");
        }
    }

    [Fact]
    public void An_exception_inside_a_process_propagates_out_of_Run()
    {
        var env = new Simulation();
        env.Process(Throws(env));
        var ex = Assert.Throws<ApplicationException>(() => env.Run());
        Assert.Equal("boom", ex.Message);
        Assert.Equal(1, env.NowD);

        static IEnumerable<Event> Throws(Simulation env)
        {
            yield return env.TimeoutD(1);
            throw new ApplicationException("boom");
        }
    }

    [Fact]
    public void A_failed_event_resumes_the_waiting_process_faulted_with_its_cause()
    {
        var env = new Simulation();
        var ev = new Event(env);
        object? cause = null;
        bool handled = false;
        var p = env.Process(Waiter());
        env.Process(Failer());
        env.Run();
        Assert.True(handled);
        Assert.Equal("bad", cause);
        Assert.True(p.IsOk);

        IEnumerable<Event> Waiter()
        {
            yield return ev;
            cause = env.ActiveProcess!.Value;
            handled = env.ActiveProcess.HandleFault();
            yield return env.TimeoutD(1);
        }

        IEnumerable<Event> Failer()
        {
            yield return env.TimeoutD(1);
            ev.Fail("bad");
        }
    }

    [Fact]
    public void Yielding_again_without_HandleFault_is_an_error()
    {
        var env = new Simulation();
        var ev = new Event(env);
        env.Process(Ignores());
        ev.Fail("bad");
        var ex = Assert.Throws<InvalidOperationException>(() => env.Run());
        Assert.Contains("HandleFault", ex.Message);

        IEnumerable<Event> Ignores()
        {
            yield return ev;
            yield return env.TimeoutD(1);
        }
    }

    [Fact]
    public void A_process_that_ends_faulted_fails_and_its_waiters_see_the_cause()
    {
        var env = new Simulation();
        var ev = new Event(env);
        var inner = env.Process(EndsFaulted());
        object? seen = null;
        env.Process(Outer());
        ev.Fail("cause");
        env.Run();
        Assert.False(inner.IsOk);
        Assert.Equal("cause", seen);

        IEnumerable<Event> EndsFaulted()
        {
            yield return ev;
        }

        IEnumerable<Event> Outer()
        {
            yield return inner;
            if (env.ActiveProcess!.HandleFault()) seen = env.ActiveProcess.Value;
        }
    }

    [Fact]
    public void An_interrupt_resumes_the_process_at_once_with_its_cause_and_detaches_it_from_its_target()
    {
        var env = new Simulation();
        var log = new List<string>();
        var sleeper = env.Process(Sleeper());
        env.Process(Interrupter());
        env.Run();
        Assert.Equal(new[] { "interrupted by wake at 2", "slept again until 3" }, log);
        Assert.Equal(10, env.NowD); // the original timeout at 10 still fires, but resumes nobody
        Assert.True(sleeper.IsOk);

        IEnumerable<Event> Sleeper()
        {
            yield return env.TimeoutD(10);
            if (env.ActiveProcess!.HandleFault()) log.Add($"interrupted by {env.ActiveProcess.Value} at {env.NowD}");
            yield return env.TimeoutD(1);
            log.Add($"slept again until {env.NowD}");
        }

        IEnumerable<Event> Interrupter()
        {
            yield return env.TimeoutD(2);
            sleeper.Interrupt("wake");
        }
    }

    [Fact]
    public void Interrupting_a_finished_process_throws()
    {
        var env = new Simulation();
        var p = env.Process(Wait(env, 1));
        env.Run();
        Assert.Throws<InvalidOperationException>(() => p.Interrupt());
    }

    [Fact]
    public void A_process_interrupting_itself_throws()
    {
        var env = new Simulation();
        Exception? caught = null;
        env.Process(Self());
        env.Run();
        Assert.IsType<InvalidOperationException>(caught);

        IEnumerable<Event> Self()
        {
            try
            {
                env.ActiveProcess!.Interrupt();
            }
            catch (InvalidOperationException ex)
            {
                caught = ex;
            }
            yield return env.TimeoutD(1);
        }
    }

    [Fact]
    public void Two_interrupts_in_a_row_are_both_delivered()
    {
        var env = new Simulation();
        var causes = new List<object?>();
        var victim = env.Process(Victim());
        env.Process(Interrupter());
        env.Run();
        Assert.Equal(new object?[] { "a", "b" }, causes);
        // a and b are both processed at 1: after b the victim waits 5 s once more and ends at 6.
        Assert.Equal(6, env.NowD);
        Assert.True(victim.IsOk);

        IEnumerable<Event> Victim()
        {
            for (int i = 0; i < 3; i++)
            {
                yield return env.TimeoutD(5);
                if (env.ActiveProcess!.HandleFault()) causes.Add(env.ActiveProcess.Value);
                else yield break;
            }
        }

        IEnumerable<Event> Interrupter()
        {
            yield return env.TimeoutD(1);
            victim.Interrupt("a");
            victim.Interrupt("b");
        }
    }

    internal static IEnumerable<Event> Wait(Simulation env, double seconds, object? value = null)
    {
        yield return new Timeout(env, seconds, value);
    }
}

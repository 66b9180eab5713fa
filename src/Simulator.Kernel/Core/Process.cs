namespace Simulator.Kernel;

/// <summary>
/// A process drives an iterator of events: each yielded event suspends it until that event is
/// processed. The process is itself an event that succeeds when the iterator ends, with the value of
/// the last event it waited on, so other processes can wait for it.
/// </summary>
/// <remarks>
/// C# cannot throw into an iterator, so a failed event (or an interrupt) resumes the process with
/// <see cref="Event.IsOk"/> false and the cause in <see cref="Event.Value"/>; the iterator must call
/// <see cref="HandleFault"/> before it yields again, or the simulation stops with an error.
/// </remarks>
public class Process : Event
{
    private readonly IEnumerator<Event> generator;

    public Process(Simulation environment, IEnumerable<Event> generator, int priority = 0)
        : base(environment)
    {
        ArgumentNullException.ThrowIfNull(generator);
        this.generator = generator.GetEnumerator();
        IsOk = true;
        var start = new Event(environment);
        start.AddWaiter(this);
        start.Succeed(null, priority);
        Target = start;
    }

    /// <summary>The event the process waits for.</summary>
    public Event? Target { get; private set; }

    /// <summary>Resets the fault flag after the process was resumed by a failed event or an interrupt.</summary>
    /// <returns>True when there was a fault to handle; the cause is in <see cref="Event.Value"/>.</returns>
    public virtual bool HandleFault()
    {
        if (IsOk) return false;
        IsOk = true;
        return true;
    }

    /// <summary>
    /// Resumes the process at the current time with a fault carrying <paramref name="cause"/>. As in
    /// SimSharp, the process stops waiting on its target at once: if that target is processed at this
    /// same instant, before the interruption, the process gets the fault first and never the target.
    /// </summary>
    public virtual void Interrupt(object? cause = null, int priority = 0)
    {
        if (IsTriggered) throw new InvalidOperationException("The process has terminated and cannot be interrupted.");
        if (ReferenceEquals(Environment.ActiveProcess, this)) throw new InvalidOperationException("A process is not allowed to interrupt itself.");
        Detach();
        var interruption = new Event(Environment);
        interruption.AddCallback(Deliver);
        interruption.Fail(cause, priority);
    }

    // Detached again on delivery: after an earlier interruption the process may wait on a new target.
    private void Deliver(Event interruption)
    {
        if (IsTriggered) return;
        Detach();
        Resume(interruption);
    }

    private void Detach()
    {
        if (Target is { IsProcessed: false } target) target.RemoveWaiter(this);
    }

    // Only a pseudo-real-time process has work to do on every resumption; a flag spares the others a virtual call.
    private protected bool hasResumeHook;

    internal virtual void OnResuming() { }

    internal void Resume(Event ev)
    {
        if (hasResumeHook) OnResuming();
        var env = Environment;
        env.ActiveProcess = this;
        try
        {
            while (true)
            {
                if (!ev.IsOk)
                {
                    IsOk = false;
                    Value = ev.Value;
                }
                if (!generator.MoveNext())
                {
                    if (!IsTriggered)
                    {
                        if (IsOk) Succeed(ev.Value);
                        else Fail(ev.Value);
                    }
                    return;
                }
                if (IsTriggered) return; // the iterator ended the process itself (e.g. ActiveProcess.Fail)
                if (!IsOk) throw new InvalidOperationException("The process did not react to being faulted: call HandleFault() before yielding again.");
                var next = generator.Current ?? throw new InvalidOperationException("A process yielded null instead of an event.");
                Target = next;
                if (!ReferenceEquals(Value, next.Value)) Value = next.Value; // most values are null: spares a write barrier
                if (!next.IsProcessed)
                {
                    next.AddWaiter(this);
                    return;
                }
                ev = next; // already processed: continue at once, without a trip through the queue
            }
        }
        finally
        {
            env.ActiveProcess = null;
        }
    }
}

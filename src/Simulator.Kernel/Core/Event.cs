namespace Simulator.Kernel;

/// <summary>
/// Something that happens at a point of simulated time. An event is alive until it is triggered
/// (<see cref="Succeed"/>, <see cref="Fail"/>, <see cref="Trigger"/>), which schedules it; it is
/// processed when the simulation reaches it, and then its callbacks run in the order they were added.
/// </summary>
public class Event
{
    private enum State : byte { Alive, Triggered, Processed }

    // One waiter inline (an Action<Event>, or a Process, which is resumed without going through a
    // delegate: one object fewer to touch per event) or a List<object> of them. One slot instead of
    // two keeps a timeout at 48 bytes, most of the kernel's allocation.
    private object? callbacks;
    private State state;

    public Event(Simulation environment)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    public Simulation Environment { get; }

    /// <summary>The value the event was triggered with (for a failed event, the cause).</summary>
    public object? Value { get; protected set; }

    public bool IsOk { get; protected set; }

    public bool IsAlive => state == State.Alive;

    public bool IsTriggered => state != State.Alive;

    public bool IsProcessed => state == State.Processed;

    public virtual void Succeed(object? value = null, int priority = 0)
    {
        MarkTriggered(true, value);
        Environment.EnqueueNow(this, priority);
    }

    public virtual void Fail(object? cause = null, int priority = 0)
    {
        MarkTriggered(false, cause);
        Environment.EnqueueNow(this, priority);
    }

    /// <summary>Triggers this event with the outcome and value of <paramref name="other"/>, which must be triggered.</summary>
    public virtual void Trigger(Event other, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.IsTriggered) throw new InvalidOperationException("Trigger copies the outcome of an event that is itself triggered.");
        if (other.IsOk) Succeed(other.Value, priority);
        else Fail(other.Value, priority);
    }

    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        AddWaiter(callback);
    }

    internal void AddWaiter(object waiter)
    {
        if (state == State.Processed) throw new InvalidOperationException("Cannot add a callback to an event that is already processed.");
        switch (callbacks)
        {
            case null:
                callbacks = waiter;
                break;
            case List<object> list:
                list.Add(waiter);
                break;
            default:
                callbacks = new List<object>(2) { callbacks, waiter };
                break;
        }
    }

    public void AddCallbacks(IEnumerable<Action<Event>> callbacks)
    {
        foreach (var cb in callbacks) AddCallback(cb);
    }

    public void RemoveCallback(Action<Event> callback) => RemoveWaiter(callback);

    internal void RemoveWaiter(object waiter)
    {
        if (state == State.Processed) throw new InvalidOperationException("Cannot remove a callback from an event that is already processed.");
        if (callbacks is List<object> list) list.Remove(waiter);
        else if (Equals(callbacks, waiter)) callbacks = null;
    }

    public static Condition operator &(Event left, Event right) => new AllOf(left.Environment, left, right);

    public static Condition operator |(Event left, Event right) => new AnyOf(left.Environment, left, right);

    /// <summary>Marks the event triggered with the given outcome without scheduling it; the caller schedules.</summary>
    private protected void MarkTriggered(bool ok, object? value)
    {
        EnsureAlive();
        IsOk = ok;
        Value = value;
        state = State.Triggered;
    }

    /// <summary>For events placed in the queue by hand (<see cref="Simulation.ScheduleD"/>).</summary>
    internal void MarkTriggeredOk() => MarkTriggered(true, null);

    private void EnsureAlive()
    {
        if (state != State.Alive) throw new InvalidOperationException($"The {GetType().Name} has already been triggered.");
    }

    internal void Process()
    {
        state = State.Processed;
        var pending = callbacks;
        callbacks = null;
        if (pending is null) return;
        if (pending is List<object> list)
            foreach (var waiter in list) Notify(waiter);
        else Notify(pending);
    }

    private void Notify(object waiter)
    {
        if (waiter is Process process) process.Resume(this);
        else ((Action<Event>)waiter)(this);
    }
}

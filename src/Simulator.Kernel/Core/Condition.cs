namespace Simulator.Kernel;

/// <summary>
/// An event over a set of events that triggers when <see cref="Evaluate"/> says so, or fails as soon as
/// one of them fails. Its value maps each processed sub-event to its value, with nested conditions
/// flattened into their own sub-events.
/// </summary>
public abstract class Condition : Event
{
    private readonly List<Event> events;
    private readonly Action<Event> check;
    private int processedCount;

    protected Condition(Simulation environment, params Event[] events)
        : this(environment, (IEnumerable<Event>)events)
    {
    }

    protected Condition(Simulation environment, IEnumerable<Event> events)
        : base(environment)
    {
        ArgumentNullException.ThrowIfNull(events);
        this.events = events.ToList();
        check = Check;
        foreach (var e in this.events)
            if (!ReferenceEquals(e.Environment, environment))
                throw new ArgumentException("A condition cannot mix events of different simulations.", nameof(events));
        if (this.events.Count == 0)
        {
            Succeed(new Dictionary<Event, object?>());
            return;
        }
        foreach (var e in this.events)
        {
            if (e.IsProcessed) Check(e);
            else e.AddCallback(check);
            if (IsTriggered) break;
        }
    }

    public IReadOnlyList<Event> Events => events;

    /// <summary>Whether the condition holds once <paramref name="processedCount"/> of <paramref name="events"/> are processed.</summary>
    protected abstract bool Evaluate(IReadOnlyList<Event> events, int processedCount);

    private void Check(Event e)
    {
        if (IsTriggered) return;
        processedCount++;
        if (!e.IsOk)
        {
            Fail(e.Value);
            return;
        }
        if (Evaluate(events, processedCount)) Succeed(CollectValues());
    }

    private Dictionary<Event, object?> CollectValues()
    {
        var values = new Dictionary<Event, object?>();
        Collect(this, values);
        return values;
    }

    private static void Collect(Condition condition, Dictionary<Event, object?> values)
    {
        foreach (var e in condition.events)
        {
            if (e is Condition nested) Collect(nested, values);
            else if (e.IsProcessed) values[e] = e.Value;
        }
    }
}

/// <summary>Triggers when all of its events have been processed successfully.</summary>
public sealed class AllOf : Condition
{
    public AllOf(Simulation environment, params Event[] events) : base(environment, events) { }

    public AllOf(Simulation environment, IEnumerable<Event> events) : base(environment, events) { }

    protected override bool Evaluate(IReadOnlyList<Event> events, int processedCount) => processedCount == events.Count;
}

/// <summary>Triggers when any one of its events has been processed successfully.</summary>
public sealed class AnyOf : Condition
{
    public AnyOf(Simulation environment, params Event[] events) : base(environment, events) { }

    public AnyOf(Simulation environment, IEnumerable<Event> events) : base(environment, events) { }

    protected override bool Evaluate(IReadOnlyList<Event> events, int processedCount) => processedCount > 0;
}

using System.Collections.Specialized;

namespace Simulator.Kernel;

/// <summary>
/// An event over a set of events that triggers when <see cref="Evaluate"/> says so, or fails as soon as
/// one of them fails. Its value, an <see cref="OrderedDictionary"/> as in SimSharp, maps each sub-event
/// processed by the time the condition itself is processed to its value (nested conditions flattened):
/// an <c>AnyOf</c> over two events due at the same instant holds both.
/// </summary>
public abstract class Condition : Event
{
    private readonly List<Event> events;
    private int firedCount;

    protected Condition(Simulation environment, params Event[] events)
        : this(environment, (IEnumerable<Event>)events)
    {
    }

    protected Condition(Simulation environment, IEnumerable<Event> events)
        : base(environment)
    {
        ArgumentNullException.ThrowIfNull(events);
        this.events = events.ToList();
        foreach (var e in this.events)
            if (!ReferenceEquals(e.Environment, environment))
                throw new ArgumentException("A condition cannot mix events of different simulations.", nameof(events));
        AddCallback(CollectValues);
        Action<Event> check = Check;
        foreach (var e in this.events)
        {
            if (e.IsProcessed) Check(e);
            else e.AddCallback(check);
        }
        if (IsAlive && Evaluate(this.events, firedCount)) Succeed();
    }

    /// <summary>The sub-events' values; null until the condition has been processed successfully (a failed condition's cause is in the base <see cref="Event.Value"/>).</summary>
    public new OrderedDictionary? Value
    {
        get => base.Value as OrderedDictionary;
        private set => base.Value = value;
    }

    public IReadOnlyList<Event> Events => events;

    /// <summary>Whether the condition holds once <paramref name="firedCount"/> of <paramref name="events"/> have been processed.</summary>
    protected abstract bool Evaluate(IReadOnlyList<Event> events, int firedCount);

    private void Check(Event e)
    {
        if (!IsAlive)
        {
            // Nobody is left to handle a failure once the condition has triggered: as in SimSharp, it ends the run.
            if (!e.IsOk) throw new InvalidOperationException("A sub-event failed after its condition had triggered; the failure cannot be handled and ends the simulation.");
            return;
        }
        firedCount++;
        if (!e.IsOk) Fail(e.Value);
        else if (Evaluate(events, firedCount)) Succeed();
    }

    private void CollectValues(Event self)
    {
        if (!IsOk) return;
        var values = new OrderedDictionary();
        Collect(this, values);
        Value = values;
    }

    private static void Collect(Condition condition, OrderedDictionary values)
    {
        foreach (var e in condition.events)
        {
            if (e is Condition nested) Collect(nested, values);
            else if (e.IsProcessed && !values.Contains(e)) values.Add(e, e.Value);
        }
    }
}

/// <summary>Triggers when all of its events have been processed successfully (at once when there are none).</summary>
public sealed class AllOf : Condition
{
    public AllOf(Simulation environment, params Event[] events) : base(environment, events) { }

    public AllOf(Simulation environment, IEnumerable<Event> events) : base(environment, events) { }

    protected override bool Evaluate(IReadOnlyList<Event> events, int firedCount) => firedCount == events.Count;
}

/// <summary>Triggers when any one of its events has been processed successfully (at once when there are none).</summary>
public sealed class AnyOf : Condition
{
    public AnyOf(Simulation environment, params Event[] events) : base(environment, events) { }

    public AnyOf(Simulation environment, IEnumerable<Event> events) : base(environment, events) { }

    protected override bool Evaluate(IReadOnlyList<Event> events, int firedCount) => firedCount > 0 || events.Count == 0;
}

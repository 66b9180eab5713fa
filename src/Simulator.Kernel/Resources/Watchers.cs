namespace Simulator.Kernel;

/// <summary>The state a resource reports to its watchers, in SimSharp's terms for that resource kind.</summary>
internal interface IWatchedState
{
    /// <summary>Something is available: a free unit, a level above zero, an item.</summary>
    bool HasAny { get; }

    bool IsFull { get; }

    bool IsEmpty { get; }
}

/// <summary>
/// Events waiting for a resource to reach a state; backs the <c>WhenAny/WhenFull/WhenEmpty/WhenChange</c>
/// members of every resource kind. A watcher succeeds at once when its state already holds, otherwise
/// at the first change after which it holds (<c>WhenChange</c>: the next change).
/// </summary>
internal sealed class Watchers(Simulation environment, IWatchedState state)
{
    private List<Event>? any, full, empty, change, added;

    public Event WhenAny() => Add(ref any, state.HasAny);

    public Event WhenFull() => Add(ref full, state.IsFull);

    public Event WhenEmpty() => Add(ref empty, state.IsEmpty);

    public Event WhenChange() => Add(ref change, false);

    /// <summary>Triggers when the next item enters (stores only).</summary>
    public Event WhenNew() => Add(ref added, false);

    /// <summary>Called when items entered, before <see cref="Notify"/>.</summary>
    public void NotifyNew() => Fire(ref added, true);

    /// <summary>Called after every change of the resource's state.</summary>
    public void Notify()
    {
        if (any is null && full is null && empty is null && change is null) return; // the common case: nobody watches
        Fire(ref any, state.HasAny);
        Fire(ref full, state.IsFull);
        Fire(ref empty, state.IsEmpty);
        Fire(ref change, true);
    }

    private Event Add(ref List<Event>? waiting, bool holdsNow)
    {
        var ev = new Event(environment);
        if (holdsNow) ev.Succeed();
        else (waiting ??= new List<Event>()).Add(ev);
        return ev;
    }

    private static void Fire(ref List<Event>? waiting, bool holds)
    {
        if (!holds || waiting is null) return;
        var fire = waiting;
        waiting = null;
        foreach (var ev in fire) ev.Succeed();
    }
}

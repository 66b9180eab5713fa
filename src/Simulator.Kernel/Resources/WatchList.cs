namespace Simulator.Kernel;

/// <summary>
/// Events waiting for a resource to reach a state (any unit free, full, empty, or just any change);
/// backs the <c>WhenAny/WhenFull/WhenEmpty/WhenChange</c> members of every resource kind.
/// </summary>
internal sealed class WatchList
{
    private List<Event>? waiting;

    /// <summary>Registers a watcher; it succeeds at once when the state already holds.</summary>
    public Event Add(Simulation environment, bool holdsNow)
    {
        var ev = new Event(environment);
        if (holdsNow) ev.Succeed();
        else (waiting ??= new List<Event>()).Add(ev);
        return ev;
    }

    public void FireIf(bool holds)
    {
        if (!holds || waiting is null || waiting.Count == 0) return;
        var fire = waiting;
        waiting = null;
        foreach (var ev in fire) ev.Succeed();
    }
}

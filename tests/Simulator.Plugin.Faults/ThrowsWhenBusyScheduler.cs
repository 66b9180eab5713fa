using Simulator.Edge;
using Simulator.Plugin.Dependency;
using Simulator.Strategies;

namespace Simulator.Plugin.Faults;

/// <summary>
/// `throws-when-busy`: serves the oldest request alone until the queue holds more than <c>limit</c> requests, then throws, as a
/// strategy with a bug does. Its constructor refuses an odd limit, as one that checks its parameters does.
/// </summary>
[Strategy("throws-when-busy", "Test plugin: one request at a time; throws once the queue holds more than limit.")]
public sealed class ThrowsWhenBusyScheduler : IBatchScheduler
{
    private readonly int limit;

    public ThrowsWhenBusyScheduler(int limit = 2)
    {
        if (limit % 2 != 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be even.");
        this.limit = limit;
    }

    public Plan Plan(SiteView view)
    {
        if (view.Queue.Count > limit) throw new InvalidOperationException(Reasons.TooBusy(view.Queue.Count, limit));
        return OldestAlone.Of(view);
    }
}

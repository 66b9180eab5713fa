using System.Diagnostics;
using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// A network strategy's selection: at the end of every window (multiples of its length) it plans the window's
/// requests against what the cloudlets hold at that moment; a window of 0 plans each request alone when it
/// arrives. Each placed request goes on with the plan's model and sources; one placed nowhere is an outcome.
/// </summary>
public sealed class WindowSelection : ISelection
{
    private readonly INetworkSelector selector;
    private readonly double windowSeconds;
    private readonly CloudletNetwork network;
    private readonly Func<UserRequest, NetworkRequest> describe;
    private readonly SiteState? sites;
    private readonly List<UserRequest> pending = new();
    private RequestPipeline? pipeline;
    private Event? firstPending;

    /// <param name="describe">What the network knows of a request (drawn by the source, or from its cell).</param>
    /// <param name="sites">The cloudlets' sites, which the strategy may read; null where cloudlets run none.</param>
    public WindowSelection(INetworkSelector selector, double windowSeconds, CloudletNetwork network, Func<UserRequest, NetworkRequest> describe, SiteState? sites = null)
    {
        if (!(windowSeconds >= 0)) throw new ArgumentException("The window cannot be negative.", nameof(windowSeconds));
        this.selector = selector;
        this.windowSeconds = windowSeconds;
        this.network = network;
        this.describe = describe;
        this.sites = sites;
    }

    public SelectionMeasures Measures { get; } = new();

    /// <summary>Requests that arrived and wait for their window's plan.</summary>
    public int Undecided => pending.Count;

    public void Start(RequestPipeline pipeline)
    {
        this.pipeline = pipeline;
        pipeline.ReportTo(selector);
        if (windowSeconds > 0) pipeline.Env.Process(Windows(pipeline.Env));
    }

    public void Offer(UserRequest request)
    {
        request.Network ??= describe(request);
        if (windowSeconds == 0)
        {
            Plan(new[] { request }, onArrival: true);
            return;
        }
        pending.Add(request);
        if (pending.Count == 1) firstPending?.Succeed();
    }

    /// <summary>The tick a window ends at next: the first multiple of the window strictly after now, found on the tick clock.</summary>
    private static long NextEnd(double windowSeconds, double now, long nowTick)
    {
        long k = (long)Math.Floor(now / windowSeconds) + 1;
        while (SimClock.TickAtOrAfter(k * windowSeconds) <= nowTick) k++;
        return SimClock.TickAtOrAfter(k * windowSeconds);
    }

    /// <summary>
    /// Whether a window of this length ends strictly after <paramref name="afterSeconds"/> and before
    /// <paramref name="beforeSeconds"/> (a run stops before what happens at its horizon): the windows that plan what
    /// a run measures after its warm-up.
    /// </summary>
    public static bool EndsBetween(double windowSeconds, double afterSeconds, double beforeSeconds) =>
        NextEnd(windowSeconds, afterSeconds, SimClock.TickAtOrAfter(afterSeconds)) < SimClock.TickAtOrAfter(beforeSeconds);

    private IEnumerable<Event> Windows(Simulation env)
    {
        // Windows end at multiples of the window length; one with nothing in it costs no event.
        while (true)
        {
            if (pending.Count == 0)
            {
                firstPending = new Event(env);
                yield return firstPending;
                firstPending = null;
            }
            yield return env.TimeoutUntilTick(NextEnd(windowSeconds, env.NowD, env.Ticks()));
            var window = pending.ToArray();
            pending.Clear();
            Plan(window, onArrival: false);
        }
    }

    /// <summary>
    /// Plans a window. A request decided <paramref name="onArrival"/> counts as decided at its arrival time exactly,
    /// not at the clock's tick for it, so a one-cloudlet network with everything local is the lone site, event for event.
    /// </summary>
    private void Plan(UserRequest[] window, bool onArrival)
    {
        var view = new NetworkView(network.Window(window.Select(r => r.Network!).ToArray(), sites), network.Holders);
        var clock = Stopwatch.StartNew();
        var plan = selector.Select(view) ?? throw new InvalidOperationException($"{selector.GetType().Name} returned no plan (null).");
        Measures.DecisionWallSeconds.Add(clock.Elapsed.TotalSeconds);
        if (plan.Relaxation is not null) throw new InvalidOperationException("A relaxation is a bound and cannot be executed in the network.");
        if (plan.Assignments.Count != window.Length) throw new InvalidOperationException($"The plan has {plan.Assignments.Count} entries for a window of {window.Length}.");
        var parts = network.Parts;
        double now = pipeline!.Env.NowD;
        for (int j = 0; j < window.Length; j++)
        {
            var r = window[j];
            if (plan.Assignments[j] is not { } a)
            {
                pipeline.Unplace(r);
                continue;
            }
            var topology = view.Instance.Topology;
            if (a.Model < 0 || a.Model >= parts.Count) throw new InvalidOperationException($"Request {r.Id}: the plan names model {a.Model}; the catalog's models are 0 to {parts.Count - 1}.");
            foreach (int source in new[] { a.BaseSource, a.TaskSource })
                if (!topology.IsNode(source)) throw new InvalidOperationException($"Request {r.Id}: the plan pulls from location {source}, which is not in the network ({topology.NodesInWords}).");
            if (!view.Instance.Holds(a.BaseSource, parts.Base[a.Model]) || !view.Instance.Holds(a.TaskSource, parts.Task[a.Model]))
                throw new InvalidOperationException($"Request {r.Id}: the plan pulls model {a.Model} from a location that does not hold it.");
            r.Choice = a;
            r.Estimates = view.Estimates;
            r.Slot = j;
            pipeline.Place(r, onArrival ? r.Arrival : now);
        }
    }
}

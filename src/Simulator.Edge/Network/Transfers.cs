using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>How concurrent pulls share the network (docs/network.md section 1).</summary>
public enum Contention
{
    /// <summary>Every pull takes its path's uncontended time (the paper).</summary>
    None,

    /// <summary>After its path's latency, a pull is a flow; each link's bandwidth is shared max-min fairly among the flows crossing it, recomputed when a flow starts or ends.</summary>
    FairShare,
}

/// <summary>
/// Pulls over the topology as kernel events. Under <see cref="Contention.None"/> a pull ends after exactly
/// <see cref="Topology.TransferSeconds"/> (the estimate planners use). Under <see cref="Contention.FairShare"/>
/// flows get max-min fair rates by progressive filling over their routes' links, which needs links with a
/// bandwidth: the realistic profile's streaming paths (latency plus bytes over the bottleneck).
/// </summary>
public sealed class Transfers
{
    private sealed class Flow(int[] links, double bytes, Event done)
    {
        public int[] Links { get; } = links;
        public double Remaining { get; set; } = bytes;
        public double Bytes { get; } = bytes;
        public double Rate { get; set; }
        public Event Done { get; } = done;
        public long RatedIn { get; set; } = -1;
    }

    private readonly Simulation env;
    private readonly Topology topology;
    private readonly Contention contention;
    private readonly double[] capacity;
    private readonly List<Flow> flows = new();
    private readonly List<Flow>[] onLink;
    // Progressive filling's working state per link, kept between reallocations (a reallocation comes with every
    // flow that starts or ends): the capacity left, the unrated flows, and the links in use in first-seen order.
    private readonly double[] left;
    private readonly int[] unrated;
    private readonly List<int> inUse = new();
    private readonly PriorityQueue<int, double> bottlenecks = new();
    private double updated;
    private long generation;
    private bool reallocationDue;

    public Transfers(Simulation env, Topology topology, Contention contention)
    {
        if (contention == Contention.FairShare && topology.Profile is not RealisticLinks)
            throw new ArgumentException("fair-share contention needs links with a bandwidth (the realistic profile); the paper's per-GB times add per link.", nameof(contention));
        this.env = env;
        this.topology = topology;
        this.contention = contention;
        capacity = topology.Links.Select(l => 1 / l.Cost.SecondsPerByte).ToArray();
        onLink = topology.Links.Select(_ => new List<Flow>()).ToArray();
        left = new double[topology.Links.Count];
        unrated = new int[topology.Links.Count];
    }

    /// <summary>Flows in progress (fair-share only).</summary>
    public int Active => flows.Count;

    /// <summary>An event that succeeds when <paramref name="bytes"/> have moved from one node to the other.</summary>
    public Event Start(int from, int to, double bytes)
    {
        if (contention == Contention.None || from == to || bytes <= 0) return env.TimeoutD(topology.TransferSeconds(from, to, bytes));
        var done = new Event(env);
        var flow = new Flow(topology.Route(from, to).ToArray(), bytes, done);
        env.TimeoutD(topology.Path(from, to).LatencySeconds).AddCallback(_ =>
        {
            Advance();
            flows.Add(flow);
            foreach (int l in flow.Links) onLink[l].Add(flow);
            Due();
        });
        return done;
    }

    private void Advance()
    {
        double dt = env.NowD - updated;
        if (dt > 0)
            foreach (var f in flows) f.Remaining -= f.Rate * dt;
        updated = env.NowD;
    }

    /// <summary>Flows that start or end at one instant are rated once, after all of them.</summary>
    private void Due()
    {
        if (reallocationDue) return;
        reallocationDue = true;
        env.TimeoutD(0, priority: 1).AddCallback(_ =>
        {
            reallocationDue = false;
            Reallocate();
        });
    }

    /// <summary>
    /// Max-min fair rates by progressive filling: the link with the least capacity left per unrated flow is the
    /// next bottleneck; its flows get that share, which the other links on their routes give up. A heap over the
    /// links in use keeps this O((links + flows x route) log links). Then one timer for the next flow to finish.
    /// </summary>
    private void Reallocate()
    {
        Advance();
        long mine = ++generation;
        foreach (int l in inUse) unrated[l] = 0;
        inUse.Clear();
        foreach (var f in flows)
            foreach (int l in f.Links)
            {
                if (unrated[l]++ == 0) inUse.Add(l);
                left[l] = capacity[l];
            }
        // Links enter the heap in the order the flows first cross them, which decides between equal shares.
        bottlenecks.Clear();
        foreach (int l in inUse) bottlenecks.Enqueue(l, left[l] / unrated[l]);
        while (bottlenecks.TryDequeue(out int link, out double share))
        {
            if (unrated[link] == 0 || share != left[link] / unrated[link]) continue; // stale entry
            foreach (var f in onLink[link])
            {
                if (f.RatedIn == mine) continue;
                f.RatedIn = mine;
                f.Rate = share;
                foreach (int l in f.Links)
                {
                    left[l] -= share;
                    if (--unrated[l] > 0 && l != link) bottlenecks.Enqueue(l, left[l] / unrated[l]);
                }
            }
        }
        if (flows.Count == 0) return;
        double next = double.PositiveInfinity;
        foreach (var f in flows) next = Math.Min(next, Math.Max(0, f.Remaining) / f.Rate);
        env.TimeoutAtLeastD(next).AddCallback(_ =>
        {
            if (mine != generation) return; // rates changed since: a newer timer stands
            Advance();
            for (int i = flows.Count - 1; i >= 0; i--)
                if (flows[i].Remaining <= 1e-9 * flows[i].Bytes)
                {
                    var f = flows[i];
                    flows.RemoveAt(i);
                    foreach (int l in f.Links) onLink[l].Remove(f);
                    f.Done.Succeed();
                }
            Reallocate();
        });
    }
}

using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>How concurrent pulls share the network (system-model.md section 6).</summary>
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
    }

    private readonly Simulation env;
    private readonly Topology topology;
    private readonly Contention contention;
    private readonly double[] capacity;
    private readonly List<Flow> flows = new();
    private double updated;
    private long generation;

    public Transfers(Simulation env, Topology topology, Contention contention)
    {
        if (contention == Contention.FairShare && topology.Profile is not RealisticLinks)
            throw new ArgumentException("fair-share contention needs links with a bandwidth (the realistic profile); the paper's per-GB times add per link.", nameof(contention));
        this.env = env;
        this.topology = topology;
        this.contention = contention;
        capacity = topology.Links.Select(l => 1 / l.Cost.SecondsPerByte).ToArray();
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
            Reallocate();
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

    /// <summary>Max-min fair rates by progressive filling, then one timer for the next flow to finish.</summary>
    private void Reallocate()
    {
        var left = (double[])capacity.Clone();
        var count = new int[capacity.Length];
        var open = new List<Flow>(flows);
        foreach (var f in open)
            foreach (int l in f.Links) count[l]++;
        while (open.Count > 0)
        {
            int bottleneck = -1;
            double share = double.PositiveInfinity;
            for (int l = 0; l < left.Length; l++)
                if (count[l] > 0 && left[l] / count[l] < share) (bottleneck, share) = (l, left[l] / count[l]);
            for (int i = open.Count - 1; i >= 0; i--)
            {
                var f = open[i];
                if (Array.IndexOf(f.Links, bottleneck) < 0) continue;
                f.Rate = share;
                foreach (int l in f.Links)
                {
                    left[l] -= share;
                    count[l]--;
                }
                open.RemoveAt(i);
            }
        }
        long mine = ++generation;
        if (flows.Count == 0) return;
        double next = flows.Min(f => Math.Max(0, f.Remaining) / f.Rate);
        env.TimeoutD(next).AddCallback(_ =>
        {
            if (mine != generation) return; // a flow started or ended since: rates changed
            Advance();
            for (int i = flows.Count - 1; i >= 0; i--)
                if (flows[i].Remaining <= 1e-9 * flows[i].Bytes)
                {
                    flows[i].Done.Succeed();
                    flows.RemoveAt(i);
                }
            Reallocate();
        });
    }
}

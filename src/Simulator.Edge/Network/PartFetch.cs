using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>What a decision does about a missing part that is already on its way to the same cloudlet.</summary>
public enum Inflight
{
    /// <summary>Pull it again from the plan's source: the plan did not know of the first pull (the paper's one-window model).</summary>
    PullAgain,

    /// <summary>Wait for the pull under way: a part crosses the network to a cloudlet once at a time.</summary>
    Join,
}

/// <summary>
/// The fetch stage: at a decision it looks each part of the chosen model up at the request's cloudlet, starts the
/// pulls of those missing from the sources the decision names, and pins both parts there, so that nothing evicts
/// them before the request's outcome, when <see cref="Release"/> lets them go. Pulled parts stay in the cloudlet's
/// <see cref="PartStore"/>.
/// </summary>
public sealed class PartFetch
{
    private readonly Simulation env;
    private readonly CloudletNetwork network;
    private readonly Transfers transfers;
    private readonly Inflight inflight;
    // Pulls under way, by destination and part (ModelParts gives one array per part): under Inflight.Join a decision waits for them.
    private readonly Dictionary<(int Home, string[] Part), Event> inbound = new();

    public PartFetch(Simulation env, CloudletNetwork network, Contention contention, Inflight inflight)
    {
        this.env = env;
        this.network = network;
        this.inflight = inflight;
        transfers = new Transfers(env, network.Topology, contention);
    }

    public FetchMeasures Measures { get; } = new();

    /// <summary>The pulls the request's model needs (none when both parts are at home); its parts are pinned from now.</summary>
    internal List<Event> Start(UserRequest r)
    {
        var a = r.Choice ?? throw new InvalidOperationException($"Request {r.Id} has no model and sources to fetch.");
        var parts = network.Parts;
        var store = network.Stores[r.Home];
        var pulls = new List<Event>(2);
        foreach (var (blocks, source, bytes) in new[] { (parts.Base[a.Model], a.BaseSource, parts.BaseBytes[a.Model]), (parts.Task[a.Model], a.TaskSource, parts.TaskBytes[a.Model]) })
        {
            if (blocks.Length == 0) continue;
            if (r.Counted) Measures.PartLookups++;
            if (store.Holds(blocks))
            {
                if (r.Counted) Measures.PartHits++;
            }
            else pulls.Add(inflight == Inflight.Join && inbound.TryGetValue((r.Home, blocks), out var coming) ? coming : Pull(source, r.Home, blocks, bytes, r.Counted));
            store.Pin(blocks);
        }
        r.Pinned = new[] { parts.Base[a.Model], parts.Task[a.Model] };
        return pulls;
    }

    /// <summary>The request reached its service: its parts are at home, and its wait for them counts.</summary>
    internal void Admitted(UserRequest r)
    {
        var a = r.Choice!.Value;
        if (!network.Stores[r.Home].Holds(network.Parts.Base[a.Model]) || !network.Stores[r.Home].Holds(network.Parts.Task[a.Model]))
            throw new InvalidOperationException($"Request {r.Id} reached cloudlet {r.Home}'s service before model {a.Model}'s parts were there.");
        if (!r.Counted) return;
        Measures.Pull.Add(r.Admitted - r.Decided);
        Measures.Accuracy.Add(r.Network!.Accuracy[a.Model]);
    }

    /// <summary>The request's outcome is known: its parts are unpinned (and may be evicted).</summary>
    internal void Release(UserRequest r)
    {
        var store = network.Stores[r.Home];
        foreach (var part in r.Pinned!) store.Release(part);
        r.Pinned = null;
    }

    private Event Pull(int source, int home, string[] blocks, double bytes, bool counted)
    {
        var done = transfers.Start(source, home, bytes);
        double start = env.NowD;
        Measures.BytesSent += bytes;
        if (counted)
        {
            if (source == network.Topology.DataCentre) Measures.BytesFromDataCentre += bytes;
            else Measures.BytesFromCloudlets += bytes;
        }
        if (inflight == Inflight.Join)
        {
            var key = (home, blocks);
            inbound[key] = done;
            done.AddCallback(_ => inbound.Remove(key));
        }
        done.AddCallback(_ =>
        {
            Measures.BytesLanded += bytes;
            if (counted) Measures.PullSeconds += env.NowD - start;
            network.Stores[home].Add(blocks);
        });
        return done;
    }
}

using System.Diagnostics;
using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>How a cloudlet's inference queue is modelled.</summary>
public enum Queueing
{
    /// <summary>The paper's constant M/G/1 wait W_h, then inference, with no interaction between requests.</summary>
    Analytic,

    /// <summary>A FIFO server per cloudlet in the simulation, service time phi_k |M_k| / f_h.</summary>
    Simulated,
}

/// <summary>What a decision does about a missing part that is already on its way to the same cloudlet.</summary>
public enum Inflight
{
    /// <summary>Pull it again from the plan's source: the plan did not know of the first pull (the paper's one-window model).</summary>
    PullAgain,

    /// <summary>Wait for the pull under way: a part crosses the network to a cloudlet once at a time.</summary>
    Join,
}

/// <summary>The stochastic network's processes: Poisson requests at a total rate, planned every window.</summary>
public sealed record NetworkProcessSpec(double RatePerSecond, double WindowSeconds, Queueing Queueing, Contention Contention)
{
    public Inflight Inflight { get; init; } = Inflight.PullAgain;
}

/// <summary>
/// The stochastic network scenario (network.md section 4) as kernel processes. Requests arrive over the
/// horizon (Poisson at a total rate; each from a user at a drawn place, homed at the nearest cloudlet).
/// At the end of every window the network strategy plans the window's requests against what the cloudlets
/// hold at that moment; each decision starts the pulls of the missing parts at once, from the sources it
/// names (a part already on its way to the same cloudlet from an earlier window is pulled again: the plan did
/// not know of it, and waiting for it could take longer than planned), then the request waits for its
/// cloudlet's queue, runs, and its result returns over the user's link. Pulled parts stay in the cloudlet's
/// <see cref="PartStore"/>. Under <c>contention: none</c> and analytic queueing every request's delay is
/// exactly the one planned. Every draw reads its own stream: every strategy sees the same requests.
/// <para>
/// With <see cref="CloudletSiteSpec"/> every cloudlet is a site (network.md section 6, <see cref="CloudletSites"/>):
/// requests arrive in the cloudlets' cells, and once its model's parts are on its cloudlet's disk a request
/// joins the site's queue there, where the site's scheduler batches, loads and runs it; the site's store
/// holds the disk's capacity. A window of 0 plans each request alone when it arrives.
/// </para>
/// </summary>
public sealed class NetworkSimulation
{
    private readonly Simulation env;
    private readonly NetworkWorldSpec world;
    private readonly NetworkProcessSpec process;
    private readonly Catalog catalog;
    private readonly INetworkSelector? selector;
    private readonly (IOnlineSelector Learner, PenaltySpec Penalty)? online;
    private readonly IReadOnlyList<IReadOnlySet<string>> held;
    private readonly RandomStreams streams;
    private readonly Topology topology;
    private readonly IReadOnlyList<Cloudlet> cloudlets;
    private readonly NetworkRules rules;
    private readonly PartStore[] stores;
    private readonly Resource[]? servers;
    private readonly Transfers transfers;
    private readonly ModelParts parts;
    private readonly List<NetworkRequest> pending = new();
    private Event? firstPending;
    private readonly ContextWorld? contexts;
    private readonly HolderIndex? holders;
    private readonly Dictionary<int, InferenceRequest> inCells = new();
    // Pulls under way, by destination and part (ModelParts gives one array per part): under Inflight.Join a decision waits for them.
    private readonly Dictionary<(int Home, string[] Part), Event> inbound = new();
    private int nextId;

    /// <summary>A network whose requests an online learner decides one at a time, on arrival, against what the cloudlets hold then.</summary>
    public NetworkSimulation(Simulation env, NetworkWorldSpec world, NetworkProcessSpec process, Catalog catalog, IOnlineSelector learner, PenaltySpec penalty, RandomStreams streams, double warmupSeconds, CloudletSiteSpec? sites = null)
        : this(env, world, process, catalog, null, streams, warmupSeconds, (learner, penalty), sites) { }

    public NetworkSimulation(Simulation env, NetworkWorldSpec world, NetworkProcessSpec process, Catalog catalog, INetworkSelector selector, RandomStreams streams, double warmupSeconds, CloudletSiteSpec? sites = null)
        : this(env, world, process, catalog, selector, streams, warmupSeconds, null, sites) { }

    private NetworkSimulation(Simulation env, NetworkWorldSpec world, NetworkProcessSpec process, Catalog catalog, INetworkSelector? selector, RandomStreams streams, double warmupSeconds,
        (IOnlineSelector Learner, PenaltySpec Penalty)? online, CloudletSiteSpec? sites)
    {
        if (sites is null && !(process.RatePerSecond > 0)) throw new ArgumentException("The request rate must be positive.", nameof(process));
        if (!(process.WindowSeconds >= 0)) throw new ArgumentException("The window cannot be negative.", nameof(process));
        this.env = env;
        this.world = world;
        this.process = process;
        this.catalog = catalog;
        this.selector = selector;
        this.online = online;
        this.streams = streams;
        var initial = NetworkWorld.Draw(world, catalog, 0, streams);
        topology = initial.Topology;
        // A site's disk is its store: the plan's capacity row and the store's room are the disk's.
        cloudlets = sites?.StorageBytes is { } disk ? initial.Cloudlets.Select(c => c with { CapacityBytes = disk }).ToArray() : initial.Cloudlets;
        rules = initial.Rules;
        parts = initial.Parts;
        stores = cloudlets.Select(c => new PartStore(catalog, c.CapacityBytes, initial.Holdings[c.Index])).ToArray();
        held = stores.Select(s => s.Held).ToArray();
        holders = online is null ? null : new HolderIndex(stores, parts);
        servers = sites is null && process.Queueing == Queueing.Simulated ? cloudlets.Select(_ => new Resource(env, 1)).ToArray() : null;
        transfers = new Transfers(env, topology, process.Contention);
        Metrics = new NetworkMetrics(warmupSeconds);
        contexts = NetworkWorld.Contexts(world, catalog, streams);
        if (sites is null) env.Process(Arrivals());
        else Sites = new CloudletSites(env, sites, catalog, stores, streams, warmupSeconds, ArriveInCell);
        if (online is null && process.WindowSeconds > 0) env.Process(Windows());
    }

    public NetworkMetrics Metrics { get; }

    /// <summary>The cloudlets' sites; null when inference is the paper's terms.</summary>
    public CloudletSites? Sites { get; }

    /// <summary>Requests that arrived and wait for their window's plan.</summary>
    public int Undecided => pending.Count;

    /// <summary>Requests placed at a site that wait for their model's parts.</summary>
    public int AwaitingParts { get; private set; }

    /// <summary>Raised when the plan places no model for a request (an outcome: unplaced).</summary>
    public event Action<NetworkRequest>? RequestUnplaced;

    /// <summary>Raised when a request's result is back, with the terms planned for it and its realized delay; leave unset for long runs.</summary>
    public event Action<NetworkRequest, ServiceTerms, double>? RequestCompleted;

    public Topology Topology => topology;

    public IReadOnlyList<PartStore> Stores => stores;

    private IEnumerable<Event> Arrivals()
    {
        var rng = streams.Stream("network:arrivals");
        while (true)
        {
            yield return env.TimeoutD(Draw.Exponential(rng, process.RatePerSecond));
            int id = nextId++;
            var place = streams.Stream("network:user", id);
            var user = world.UserSites is { Count: > 0 } users ? users[place.Next(users.Count)] : Position.Uniform(place, world.AreaMetres);
            Arrive(NetworkWorld.DrawRequest(world, catalog, id, env.NowD, user, topology, streams, contexts));
        }
    }

    /// <summary>A request arrived in a cloudlet's cell: it is the network's to select for, with the user's rate over the whole cell.</summary>
    private void ArriveInCell(int home, InferenceRequest cell)
    {
        int id = nextId++;
        var uplink = Sites!.Uplink;
        double rate = Rates.BitsPerSecond(uplink.RateModel, uplink.BandwidthHz, cell.Channel.SnrHz(env.NowD), uplink.BandwidthHz) / 8;
        var request = NetworkWorld.DrawRequest(world, catalog, id, cell.Arrival, home, streams, contexts, _ => (cell.InputBits / 8, rate)) with { Requested = catalog.IndexOf(cell.ModelId) };
        inCells[id] = cell;
        Arrive(request);
    }

    private void Arrive(NetworkRequest request)
    {
        if (Metrics.Counts(request.Arrival)) Metrics.Arrived++;
        if (online is { } o)
        {
            var clock = Stopwatch.StartNew();
            var step = OnlineWindow.Step(topology, cloudlets, parts, held, rules, request, (int)Metrics.Rounds, o.Learner, o.Penalty, holders!);
            Metrics.DecisionWallSeconds.Add(clock.Elapsed.TotalSeconds);
            Metrics.Round(step.Penalty, step.Regret, step.Observed);
            Dispatch(request, step.Choice, step.Estimates, 0, onArrival: true);
            return;
        }
        if (process.WindowSeconds == 0)
        {
            Plan(new[] { request }, onArrival: true);
            return;
        }
        pending.Add(request);
        if (pending.Count == 1) firstPending?.Succeed();
    }

    private IEnumerable<Event> Windows()
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
            // The boundary is found on the tick clock: the first multiple of the window strictly after now.
            double w = process.WindowSeconds;
            long k = (long)Math.Floor(env.NowD / w) + 1;
            while (SimClock.TickAtOrAfter(k * w) <= env.Ticks()) k++;
            yield return env.TimeoutUntilTick(SimClock.TickAtOrAfter(k * w));
            var window = pending.ToArray();
            pending.Clear();
            Plan(window, onArrival: false);
        }
    }

    private void Plan(NetworkRequest[] window, bool onArrival)
    {
        var view = new NetworkView(new NetworkInstance(topology, cloudlets, parts, stores.Select(s => s.Snapshot()).ToArray(), window, rules) { Sites = Sites?.State });
        var clock = Stopwatch.StartNew();
        var plan = selector!.Select(view);
        Metrics.DecisionWallSeconds.Add(clock.Elapsed.TotalSeconds);
        if (plan.Relaxation is not null) throw new InvalidOperationException("A relaxation is a bound and cannot be executed in the network.");
        if (plan.Assignments.Count != window.Length) throw new InvalidOperationException($"The plan has {plan.Assignments.Count} entries for a window of {window.Length}.");
        for (int j = 0; j < window.Length; j++)
        {
            if (plan.Assignments[j] is not { } a)
            {
                if (Metrics.Counts(window[j].Arrival)) Metrics.Unplaced++;
                inCells.Remove(window[j].Id);
                RequestUnplaced?.Invoke(window[j]);
                continue;
            }
            if (!view.Instance.Holds(a.BaseSource, parts.Base[a.Model]) || !view.Instance.Holds(a.TaskSource, parts.Task[a.Model]))
                throw new InvalidOperationException($"Request {window[j].Id}: the plan pulls model {a.Model} from a location that does not hold it.");
            Dispatch(window[j], a, view.Estimates, j, onArrival);
        }
    }

    /// <summary>
    /// Starts serving a placed request. At a site, a request whose parts are all at home joins the queue at once,
    /// in this step (so a one-cloudlet network with everything local is the lone site, event for event); one
    /// decided <paramref name="onArrival"/> then joins it at its arrival time exactly, not at the clock's tick for it.
    /// </summary>
    private void Dispatch(NetworkRequest r, Assignment a, ServiceEstimator estimates, int j, bool onArrival)
    {
        if (Sites is null)
        {
            env.Process(Serve(r, a, estimates, j));
            return;
        }
        inCells.Remove(r.Id, out var cell);
        double decided = onArrival ? cell!.Arrival : env.NowD;
        var pulls = StartPulls(r, a, Metrics.Counts(r.Arrival));
        if (pulls.Count == 0) Admit(r, a, cell!, decided, decided);
        else env.Process(AdmitAfter(pulls, r, a, cell!, decided));
    }

    private IEnumerable<Event> AdmitAfter(List<Event> pulls, NetworkRequest r, Assignment a, InferenceRequest cell, double decided)
    {
        AwaitingParts++;
        yield return new AllOf(env, pulls);
        AwaitingParts--;
        Admit(r, a, cell, decided, env.NowD);
    }

    private void Admit(NetworkRequest r, Assignment a, InferenceRequest cell, double decided, double admitted)
    {
        var model = catalog.Models[a.Model];
        if (Metrics.Counts(r.Arrival))
        {
            Metrics.Pull.Add(admitted - decided);
            Metrics.Accuracy.Add(r.Accuracy[a.Model]);
        }
        Sites!.Admit(r.Home, new InferenceRequest(cell.Draft with { Id = r.Id, ModelId = model.Id }, cell.Channel) { Decided = decided, Admitted = admitted }, parts.Base[a.Model], parts.Task[a.Model]);
    }

    /// <summary>Looks each part of the model up at home, starts the pulls of those missing, and pins both parts until the request is done.</summary>
    private List<Event> StartPulls(NetworkRequest r, Assignment a, bool counted)
    {
        var store = stores[r.Home];
        var pulls = new List<Event>(2);
        foreach (var (blocks, source, bytes) in new[] { (parts.Base[a.Model], a.BaseSource, parts.BaseBytes[a.Model]), (parts.Task[a.Model], a.TaskSource, parts.TaskBytes[a.Model]) })
        {
            if (blocks.Length == 0) continue;
            if (counted) Metrics.PartLookups++;
            if (store.Holds(blocks))
            {
                if (counted) Metrics.PartHits++;
            }
            else pulls.Add(process.Inflight == Inflight.Join && inbound.TryGetValue((r.Home, blocks), out var coming) ? coming : Pull(source, r.Home, blocks, bytes, counted));
            store.Pin(blocks);
        }
        return pulls;
    }

    private IEnumerable<Event> Serve(NetworkRequest r, Assignment a, ServiceEstimator estimates, int j)
    {
        double start = env.NowD;
        bool counted = Metrics.Counts(r.Arrival);
        var planned = estimates.Terms(j, a);
        var store = stores[r.Home];
        var baseBlocks = parts.Base[a.Model];
        var taskBlocks = parts.Task[a.Model];
        var pulls = StartPulls(r, a, counted);
        if (pulls.Count > 0) yield return new AllOf(env, pulls);
        double pull = env.NowD - start;
        double queueing;
        if (servers is not null)
        {
            using (var unit = servers[r.Home].Request())
            {
                yield return unit;
                queueing = env.NowD - start - pull;
                yield return env.TimeoutD(planned.Inference);
            }
        }
        else
        {
            queueing = cloudlets[r.Home].AnalyticWaitSeconds;
            yield return env.TimeoutD(queueing + planned.Inference);
        }
        yield return env.TimeoutD(planned.Transmission);
        // The realized pull, with the same energy formula the plan used.
        if (counted) Metrics.Complete(pull, queueing, planned.Inference, planned.Transmission, planned.Delay, estimates.Terms(j, a.Model, pull).Cost, r.Accuracy[a.Model]);
        RequestCompleted?.Invoke(r, planned, env.NowD - start);
        store.Release(baseBlocks);
        store.Release(taskBlocks);
    }

    private Event Pull(int source, int home, string[] blocks, double bytes, bool counted)
    {
        var done = transfers.Start(source, home, bytes);
        double start = env.NowD;
        Metrics.BytesSent += bytes;
        if (counted)
        {
            if (source == topology.DataCentre) Metrics.BytesFromDataCentre += bytes;
            else Metrics.BytesFromCloudlets += bytes;
        }
        if (process.Inflight == Inflight.Join)
        {
            var key = (home, blocks);
            inbound[key] = done;
            done.AddCallback(_ => inbound.Remove(key));
        }
        done.AddCallback(_ =>
        {
            Metrics.BytesLanded += bytes;
            if (counted) Metrics.PullSeconds += env.NowD - start;
            stores[home].Add(blocks);
        });
        return done;
    }
}

namespace Simulator.Edge.Network;

/// <summary>
/// The network tier of a run, drawn once from its world (network.md section 4): the graph and its links, the
/// cloudlets, the rules, the catalog as parts, the store of parts each cloudlet holds (initial placement first),
/// and the requests' context structure. The selections read it and the fetch changes it.
/// </summary>
public sealed class CloudletNetwork
{
    private readonly RandomStreams streams;
    private HolderIndex? holders;

    /// <param name="storageBytes">Every cloudlet's room for parts (a site's disk); null: each cloudlet's drawn capacity C_i.</param>
    public CloudletNetwork(NetworkWorldSpec world, Catalog catalog, RandomStreams streams, double? storageBytes = null)
    {
        this.streams = streams;
        World = world;
        var initial = NetworkWorld.Draw(world, catalog, 0, streams);
        Topology = initial.Topology;
        // A site's disk is its store: the plan's capacity row and the store's room are the disk's.
        Cloudlets = storageBytes is { } disk ? initial.Cloudlets.Select(c => c with { CapacityBytes = disk }).ToArray() : initial.Cloudlets;
        Rules = initial.Rules;
        Parts = initial.Parts;
        Stores = Cloudlets.Select(c => new PartStore(catalog, c.CapacityBytes, initial.Holdings[c.Index])).ToArray();
        Held = Stores.Select(s => s.Held).ToArray();
        Contexts = NetworkWorld.Contexts(world, catalog, streams);
    }

    public NetworkWorldSpec World { get; }

    public Catalog Catalog => Parts.Catalog;

    public Topology Topology { get; }

    public IReadOnlyList<Cloudlet> Cloudlets { get; }

    public NetworkRules Rules { get; }

    public ModelParts Parts { get; }

    public IReadOnlyList<PartStore> Stores { get; }

    /// <summary>The blocks each store holds, live.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Held { get; }

    public ContextWorld? Contexts { get; }

    /// <summary>Who holds which part and each home's nearest source of it, kept as the stores change (every window and online round reads it).</summary>
    public HolderIndex Holders => holders ??= new HolderIndex(Stores, Parts, Topology, Rules.Sources);

    /// <summary>The window of <paramref name="requests"/> against what the cloudlets hold now, for a network strategy.</summary>
    public NetworkInstance Window(IReadOnlyList<NetworkRequest> requests, SiteState? sites) =>
        new(Topology, Cloudlets, Parts, Stores.Select(s => s.Snapshot()).ToArray(), requests, Rules) { Sites = sites };

    /// <summary>A request of a user standing at <paramref name="user"/>, homed at the nearest cloudlet, drawn on its own stream.</summary>
    public NetworkRequest Draw(long id, double arrival, Position user) =>
        NetworkWorld.DrawRequest(World, Catalog, checked((int)id), arrival, user, Topology, streams, Contexts);

    /// <summary>
    /// What the network knows of a request that arrived in a cell: its input, its user's rate over the whole band
    /// at <paramref name="now"/>, and the model its user named; the rest drawn as the paper draws it.
    /// </summary>
    public NetworkRequest Describe(UserRequest request, UplinkSpec cellUplink, double now)
    {
        var cell = request.Cell ?? throw new InvalidOperationException($"Request {request.Id} came from no cell and carries no network description.");
        double rate = Rates.BitsPerSecond(cellUplink.RateModel, cellUplink.BandwidthHz, cell.Channel.SnrHz(now), cellUplink.BandwidthHz) / 8;
        return NetworkWorld.DrawRequest(World, Catalog, checked((int)request.Id), cell.Arrival, request.Home, streams, Contexts, _ => (cell.InputBits / 8, rate))
            with { Requested = Catalog.IndexOf(cell.ModelId) };
    }
}

namespace Simulator.Edge.Network;

/// <summary>The ranges cloudlet attributes are drawn from; the defaults are the authors' (<c>Graph/ParameterSetting.py</c>).</summary>
public sealed record CloudletRanges
{
    /// <summary>C_i in GB, an integer as the authors draw it (U{8..24}).</summary>
    public Interval CapacityGB { get; init; } = new(8, 24);
    public Interval ProcessingRate { get; init; } = new(107, 312);
    public Interval AccessRate { get; init; } = new(0.1, 0.5);
    public Interval PeakPower { get; init; } = new(0.8, 2.5);
    public Interval IdlePower { get; init; } = new(0.1, 0.3);
    public Interval LeakPower { get; init; } = new(0.1, 0.3);
    public Interval TxPower { get; init; } = new(0.8, 2.5);
    public Interval ArrivalRate { get; init; } = new(0.1, 0.5);
    public Interval ServiceRate { get; init; } = new(0.5, 0.9);
}

/// <summary>The ranges request attributes are drawn from; the defaults are the authors'.</summary>
public sealed record RequestRanges
{
    public Interval Instructions { get; init; } = new(50, 100);
    public Interval Budget { get; init; } = new(30000, 50000);
    public Interval AccuracyRequirement { get; init; } = new(0.1, 0.4);
    public Interval InputGB { get; init; } = new(0.09, 0.5);
    /// <summary>a_jk when the catalog gives no accuracy: U(0.4, 1), drawn per (request, model).</summary>
    public Interval Accuracy { get; init; } = new(0.4, 1);
    /// <summary>The factor of out_jk = delta_j |M_k| u_jk, drawn once per (request, model).</summary>
    public Interval OutputFactor { get; init; } = new(0.1, 0.3);
}

/// <summary>
/// Everything the network world is drawn from (docs/network.md section 1): where cloudlets and users are,
/// how links are drawn, the attribute ranges, the initial placement and the problem's rules.
/// </summary>
public sealed record NetworkWorldSpec
{
    public int Cloudlets { get; init; } = 30;

    /// <summary>Cloudlet sites from a coordinates file, in file order; null for synthetic placement.</summary>
    public IReadOnlyList<Position>? CloudletSites { get; init; }

    /// <summary>User positions from a coordinates file; null for synthetic placement.</summary>
    public IReadOnlyList<Position>? UserSites { get; init; }

    /// <summary>Side of the square synthetic sites are drawn in, and synthetic cloudlets beyond a file's rows.</summary>
    public double AreaMetres { get; init; } = 2500;

    public EdgeRule Edges { get; init; } = new RandomConnectedEdges();

    public LinkProfile Links { get; init; } = new PaperLinks();

    public UplinkRate Uplink { get; init; } = new PaperRate();

    public CloudletRanges CloudletRanges { get; init; } = new();

    public RequestRanges RequestRanges { get; init; } = new();

    /// <summary>Most copies of a model placed at start; null for the authors' floor(m / 20) (at least 1).</summary>
    public int? MaxCopies { get; init; }

    /// <summary>alpha of the capacity row, drawn once per replication (the authors draw U(0, 1) per run).</summary>
    public Interval CapacityFactor { get; init; } = new(0, 1);

    public CapacityRule Capacity { get; init; } = CapacityRule.PerRequest;

    public SourceRule Sources { get; init; } = SourceRule.Cloudlets;

    /// <summary>The requests' context features; null for none. A latent model also sets the accuracies.</summary>
    public ContextModel? Context { get; init; }
}

/// <summary>
/// Draws one network world from its spec and the run's streams: sites, links, cloudlet attributes, the
/// initial placement (each model at U{1..max copies} distinct cloudlets, the data centre holding every
/// part), and requests homed at the cloudlet nearest to their user. Every draw reads its own named
/// stream, so no strategy can shift it (common random numbers).
/// </summary>
public static class NetworkWorld
{
    public static NetworkInstance Draw(NetworkWorldSpec spec, Catalog catalog, int requests, RandomStreams streams)
    {
        int m = spec.Cloudlets;
        if (m < 1) throw new ArgumentException($"A network needs at least one cloudlet, not {m}.", nameof(spec));
        var siteRng = streams.Stream("network:sites");
        var sites = Enumerable.Range(0, m).Select(i => spec.CloudletSites is { } file && i < file.Count ? file[i] : Position.Uniform(siteRng, spec.AreaMetres)).ToArray();
        var topology = Topology.Build(sites, spec.Edges, spec.Links, streams.Stream("network:links"));

        var r = spec.CloudletRanges;
        var cloudletRng = streams.Stream("network:cloudlets");
        var cloudlets = sites.Select((p, i) => new Cloudlet(i, p, r.CapacityGB.DrawInteger(cloudletRng) * Units.GB, r.ProcessingRate.Draw(cloudletRng), r.AccessRate.Draw(cloudletRng),
            r.PeakPower.Draw(cloudletRng), r.IdlePower.Draw(cloudletRng), r.LeakPower.Draw(cloudletRng), r.TxPower.Draw(cloudletRng), r.ArrivalRate.Draw(cloudletRng), r.ServiceRate.Draw(cloudletRng))).ToArray();

        var holdings = Enumerable.Range(0, m).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var placementRng = streams.Stream("network:placement");
        int maxCopies = Math.Min(m, spec.MaxCopies ?? Math.Max(1, m / 20));
        foreach (var model in catalog.Models)
        {
            int copies = placementRng.Next(1, maxCopies + 1);
            foreach (int l in SampleDistinct(placementRng, m, copies)) holdings[l].UnionWith(model.BlockIds);
        }

        double alpha = spec.CapacityFactor.Draw(streams.Stream("network:capacity-factor"));
        var list = new NetworkRequest[requests];
        var userRng = streams.Stream("network:users");
        var contexts = Contexts(spec, catalog, streams);
        for (int j = 0; j < requests; j++)
        {
            var user = spec.UserSites is { Count: > 0 } users ? users[j % users.Count] : Position.Uniform(userRng, spec.AreaMetres);
            list[j] = DrawRequest(spec, catalog, j, 0, user, topology, streams, contexts);
        }
        var rules = new NetworkRules(spec.Capacity, alpha, spec.Sources);
        return new NetworkInstance(topology, cloudlets, catalog, holdings, list, rules);
    }

    /// <summary>The run's context structure, or null without a context model.</summary>
    public static ContextWorld? Contexts(NetworkWorldSpec spec, Catalog catalog, RandomStreams streams) => spec.Context?.Draw(catalog.Models.Count, streams);

    /// <summary>One request from its user's position, on its own stream (indexed by the request), so requests do not shift each other.</summary>
    public static NetworkRequest DrawRequest(NetworkWorldSpec spec, Catalog catalog, int id, double arrival, Position user, Topology topology, RandomStreams streams, ContextWorld? contexts = null)
    {
        int home = topology.Nearest(user);
        return DrawRequest(spec, catalog, id, arrival, home, streams, contexts,
            rng => (spec.RequestRanges.InputGB.Draw(rng) * Units.GB, spec.Uplink.BytesPerSecond(user.DistanceTo(topology.Positions[home]), rng)));
    }

    /// <summary>
    /// One request homed at <paramref name="home"/>, its input and the user's rate from <paramref name="radio"/>
    /// (drawn from the request's stream, or given by a cell the request arrived in), the rest drawn as the paper draws it.
    /// </summary>
    public static NetworkRequest DrawRequest(NetworkWorldSpec spec, Catalog catalog, int id, double arrival, int home, RandomStreams streams, ContextWorld? contexts, Func<Random, (double InputBytes, double BytesPerSecond)> radio)
    {
        var rng = streams.Stream("network:request", id);
        var q = spec.RequestRanges;
        int instructions = q.Instructions.DrawInteger(rng);
        double budget = q.Budget.Draw(rng), requirement = q.AccuracyRequirement.Draw(rng);
        var (input, rate) = radio(rng);
        var accuracy = catalog.Models.Select(model => model.Accuracy ?? q.Accuracy.Draw(rng)).ToArray();
        var output = catalog.Models.Select(_ => q.OutputFactor.Draw(rng)).ToArray();
        if (contexts is null) return new NetworkRequest(id, home, arrival, instructions, budget, requirement, input, rate, accuracy, output);
        var (features, type, latent) = contexts.Request(id, streams);
        return new NetworkRequest(id, home, arrival, instructions, budget, requirement, input, rate, latent ?? accuracy, output) { Context = features, TaskType = type };
    }

    private static IEnumerable<int> SampleDistinct(Random rng, int n, int count)
    {
        var pool = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < count; i++)
        {
            int pick = rng.Next(i, n);
            (pool[i], pool[pick]) = (pool[pick], pool[i]);
            yield return pool[i];
        }
    }
}

namespace Simulator.Edge.Network;

/// <summary>
/// One window of the network problem, everything a decision reads: the graph and its path costs, the
/// cloudlets, the catalog as parts, which blocks each cloudlet holds (the data centre holds all), the
/// requests and the rules. Strategies and the evaluator see nothing else; <c>solve</c> files hold exactly this.
/// </summary>
public sealed class NetworkInstance
{
    /// <summary>A window over this graph, these cloudlets and this catalog, with what each cloudlet holds, the requests and the rules; refused when the counts disagree or a request is homed off the graph.</summary>
    public NetworkInstance(Topology topology, IReadOnlyList<Cloudlet> cloudlets, Catalog catalog, IReadOnlyList<IReadOnlySet<string>> holdings, IReadOnlyList<NetworkRequest> requests, NetworkRules rules)
        : this(topology, cloudlets, new ModelParts(catalog), holdings, requests, rules) { }

    /// <summary>With the catalog's parts found already (one window after another over the same catalog).</summary>
    public NetworkInstance(Topology topology, IReadOnlyList<Cloudlet> cloudlets, ModelParts parts, IReadOnlyList<IReadOnlySet<string>> holdings, IReadOnlyList<NetworkRequest> requests, NetworkRules rules)
    {
        var catalog = parts.Catalog;
        if (cloudlets.Count != topology.Cloudlets) throw new ArgumentException($"{cloudlets.Count} cloudlets for a topology of {topology.Cloudlets}.", nameof(cloudlets));
        if (holdings.Count != topology.Cloudlets) throw new ArgumentException($"{holdings.Count} holdings for {topology.Cloudlets} cloudlets.", nameof(holdings));
        foreach (var r in requests)
        {
            if (r.Home < 0 || r.Home >= topology.Cloudlets) throw new ArgumentException($"Request {r.Id} is homed at {r.Home}, not a cloudlet.", nameof(requests));
            if (r.Accuracy.Count != catalog.Models.Count || r.OutputFactor.Count != catalog.Models.Count)
                throw new ArgumentException($"Request {r.Id} gives accuracies for {r.Accuracy.Count} models, the catalog has {catalog.Models.Count}.", nameof(requests));
        }
        Topology = topology;
        Cloudlets = cloudlets;
        Parts = parts;
        Holdings = holdings;
        Requests = requests;
        Rules = rules;
    }

    /// <summary>The graph: cloudlets, the data centre, links and best paths.</summary>
    public Topology Topology { get; }

    /// <summary>Each cloudlet's attributes, by index.</summary>
    public IReadOnlyList<Cloudlet> Cloudlets { get; }

    /// <summary>Every model's base and task part.</summary>
    public ModelParts Parts { get; }

    /// <summary>The models and their blocks.</summary>
    public Catalog Catalog => Parts.Catalog;

    /// <summary>Block ids held at each cloudlet.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Holdings { get; }

    /// <summary>The window's requests, in order: a plan's assignments follow this order.</summary>
    public IReadOnlyList<NetworkRequest> Requests { get; }

    /// <summary>The capacity rule, its factor alpha and the source rule.</summary>
    public NetworkRules Rules { get; }

    /// <summary>The cloudlets' sites as they are at the decision, when the cloudlets run sites; null otherwise.</summary>
    public SiteState? Sites { get; init; }

    /// <summary>Whether node <paramref name="location"/> (a cloudlet or the data centre) holds all of <paramref name="blocks"/>.</summary>
    public bool Holds(int location, string[] blocks) => location == Topology.DataCentre || ModelParts.Holds(Holdings[location], blocks);
}

namespace Simulator.Edge.Network;

/// <summary>How the graph's edges are drawn.</summary>
public abstract record EdgeRule;

/// <summary>The paper's rule: random pairs of nodes (the data centre among them) are joined until the graph is connected.</summary>
public sealed record RandomConnectedEdges : EdgeRule;

/// <summary>Each cloudlet is joined to its k nearest cloudlets, and every cloudlet to the data centre (its backhaul).</summary>
public sealed record KNearestEdges(int K) : EdgeRule;

/// <summary>One edge of the graph; node <see cref="Topology.DataCentre"/> is the data centre.</summary>
public sealed record Link(int A, int B, LinkClass Class, LinkCost Cost);

/// <summary>
/// Cloudlets 0..m-1 and the data centre m, their links, and the cost of the best path between every pair,
/// computed once (Dijkstra from every node) since every decision reads it.
/// </summary>
public sealed class Topology
{
    private readonly LinkCost[] paths;
    private readonly int[] lastLink;
    private readonly NearestCloudlet nearest;

    /// <summary>The graph of these cloudlets (the data centre is added as node m) and links; refused when a link does not join two nodes or the graph is not connected.</summary>
    public Topology(IReadOnlyList<Position> cloudlets, IReadOnlyList<Link> links, LinkProfile profile)
    {
        if (cloudlets.Count == 0) throw new ArgumentException("A network needs at least one cloudlet.", nameof(cloudlets));
        Positions = cloudlets;
        nearest = new NearestCloudlet(cloudlets);
        Links = links;
        Profile = profile;
        int n = Nodes;
        var adjacency = new List<(int To, LinkCost Cost, int Link)>[n];
        for (int i = 0; i < n; i++) adjacency[i] = new();
        for (int e = 0; e < links.Count; e++)
        {
            var l = links[e];
            if (l.A < 0 || l.A >= n || l.B < 0 || l.B >= n || l.A == l.B) throw new ArgumentException($"Link {l.A}-{l.B} does not join two nodes of {n}.", nameof(links));
            adjacency[l.A].Add((l.B, l.Cost, e));
            adjacency[l.B].Add((l.A, l.Cost, e));
        }
        paths = new LinkCost[n * n];
        lastLink = new int[n * n];
        var weight = new double[n];
        var best = new LinkCost[n];
        var via = new int[n];
        for (int s = 0; s < n; s++)
        {
            Array.Fill(weight, double.PositiveInfinity);
            Array.Fill(via, -1);
            weight[s] = 0;
            best[s] = new LinkCost(0, 0);
            var queue = new PriorityQueue<int, double>();
            queue.Enqueue(s, 0);
            while (queue.TryDequeue(out int u, out double w))
            {
                if (w > weight[u]) continue;
                foreach (var (v, cost, link) in adjacency[u])
                {
                    double through = w + profile.RoutingWeight(cost);
                    if (through < weight[v])
                    {
                        weight[v] = through;
                        via[v] = link;
                        best[v] = profile.Extend(best[u], cost);
                        queue.Enqueue(v, through);
                    }
                }
            }
            for (int t = 0; t < n; t++)
            {
                if (double.IsPositiveInfinity(weight[t])) throw new ArgumentException($"The graph is not connected: node {t} cannot be reached from node {s}.", nameof(links));
                paths[s * n + t] = best[t];
                lastLink[s * n + t] = via[t];
            }
        }
    }

    /// <summary>m, the number of cloudlets (nodes 0 to m - 1).</summary>
    public int Cloudlets => Positions.Count;

    /// <summary>The data centre's node, m; it holds every part.</summary>
    public int DataCentre => Positions.Count;

    /// <summary>m + 1: the cloudlets and the data centre.</summary>
    public int Nodes => Positions.Count + 1;

    /// <summary>Whether <paramref name="location"/> is a node: a cloudlet's index, or the data centre.</summary>
    public bool IsNode(int location) => location >= 0 && location <= DataCentre;

    /// <summary>The nodes in words, for a message about a location that is not one.</summary>
    public string NodesInWords => $"cloudlets 0 to {DataCentre - 1}, the data centre {DataCentre}";

    /// <summary>Each cloudlet's position, in metres.</summary>
    public IReadOnlyList<Position> Positions { get; }

    /// <summary>The graph's edges, each with its class and cost.</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <summary>How link costs are drawn and combine along a path (the paper's per-GB times, or bandwidth and latency).</summary>
    public LinkProfile Profile { get; }

    /// <summary>The best path's cost from <paramref name="from"/> to <paramref name="to"/> (zero to itself).</summary>
    public LinkCost Path(int from, int to) => paths[from * Nodes + to];

    /// <summary>The links of the best path from <paramref name="from"/> to <paramref name="to"/>, by index into <see cref="Links"/>.</summary>
    public IReadOnlyList<int> Route(int from, int to)
    {
        var route = new List<int>();
        for (int at = to; at != from;)
        {
            int link = lastLink[from * Nodes + at];
            route.Add(link);
            at = Links[link].A == at ? Links[link].B : Links[link].A;
        }
        route.Reverse();
        return route;
    }

    /// <summary>Seconds to move <paramref name="bytes"/> from one node to another over the best path, uncontended.</summary>
    public double TransferSeconds(int from, int to, double bytes) => from == to ? 0 : Path(from, to).Seconds(bytes);

    /// <summary>The cloudlet nearest to a position (lowest index on a tie): a user's home.</summary>
    public int Nearest(Position p) => nearest.Find(p);

    /// <summary>Draws the links by <paramref name="rule"/> and their costs by <paramref name="profile"/>.</summary>
    public static Topology Build(IReadOnlyList<Position> cloudlets, EdgeRule rule, LinkProfile profile, Random rng)
    {
        int m = cloudlets.Count, n = m + 1;
        var links = new List<Link>();
        var present = new HashSet<(int, int)>();
        void Add(int a, int b)
        {
            if (a == b || !present.Add((Math.Min(a, b), Math.Max(a, b)))) return;
            var kind = a == m || b == m ? LinkClass.Backhaul : LinkClass.Metro;
            links.Add(new Link(a, b, kind, profile.Draw(kind, rng)));
        }
        switch (rule)
        {
            case RandomConnectedEdges:
            {
                var root = Enumerable.Range(0, n).ToArray();
                int Find(int x) { while (root[x] != x) x = root[x] = root[root[x]]; return x; }
                int components = n;
                while (components > 1)
                {
                    int a = rng.Next(n), b = rng.Next(n);
                    if (a == b || present.Contains((Math.Min(a, b), Math.Max(a, b)))) continue;
                    Add(a, b);
                    int ra = Find(a), rb = Find(b);
                    if (ra != rb) { root[ra] = rb; components--; }
                }
                break;
            }
            case KNearestEdges { K: var k }:
                if (k < 1) throw new ArgumentException($"k-nearest needs k >= 1, not {k}.", nameof(rule));
                for (int i = 0; i < m; i++)
                {
                    foreach (int j in Enumerable.Range(0, m).Where(j => j != i).OrderBy(j => cloudlets[i].DistanceTo(cloudlets[j])).ThenBy(j => j).Take(k)) Add(i, j);
                    Add(i, m);
                }
                break;
            default:
                throw new ArgumentException($"Unknown edge rule {rule}.", nameof(rule));
        }
        return new Topology(cloudlets, links, profile);
    }
}

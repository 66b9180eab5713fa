namespace Simulator.Edge.Network;

/// <summary>Which kind of link an edge is: between two cloudlets (metro), or to the data centre (backhaul).</summary>
public enum LinkClass
{
    Metro,
    Backhaul,
}

/// <summary>What moving bytes over a link or a path costs: a fixed latency plus a time per byte.</summary>
public readonly record struct LinkCost(double LatencySeconds, double SecondsPerByte)
{
    public double Seconds(double bytes) => bytes <= 0 ? 0 : LatencySeconds + bytes * SecondsPerByte;
}

/// <summary>
/// How links are drawn and how a path's cost follows from its links (docs/network.md section 1,
/// network.md section 1). Paths are routed by <see cref="RoutingWeight"/>, and their cost composes per link.
/// </summary>
public abstract record LinkProfile
{
    public abstract LinkCost Draw(LinkClass kind, Random rng);

    /// <summary>What shortest paths minimise.</summary>
    public abstract double RoutingWeight(LinkCost link);

    /// <summary>The cost of a path extended by one more link.</summary>
    public abstract LinkCost Extend(LinkCost path, LinkCost link);
}

/// <summary>
/// The paper's links: a per-GB transfer time, U(5, 10) s/GB between cloudlets and U(10, 20) s/GB on
/// data-centre edges (the authors' <c>link_delay</c>, <c>cloud_delay</c>), no latency. Times add along a path.
/// </summary>
public sealed record PaperLinks(double MetroMin = 5, double MetroMax = 10, double BackhaulMin = 10, double BackhaulMax = 20) : LinkProfile
{
    public override LinkCost Draw(LinkClass kind, Random rng) => kind == LinkClass.Metro
        ? new(0, Edge.Draw.Uniform(rng, MetroMin, MetroMax) / Units.GB)
        : new(0, Edge.Draw.Uniform(rng, BackhaulMin, BackhaulMax) / Units.GB);

    public override double RoutingWeight(LinkCost link) => link.SecondsPerByte;

    public override LinkCost Extend(LinkCost path, LinkCost link) => new(path.LatencySeconds + link.LatencySeconds, path.SecondsPerByte + link.SecondsPerByte);
}

/// <summary>
/// Physical links: a bandwidth and a latency per link class. A transfer streams through its path, so it
/// takes the path's latency plus its bytes over the bottleneck bandwidth; paths are routed by latency.
/// </summary>
public sealed record RealisticLinks(double MetroBytesPerSecond, double MetroLatencySeconds, double BackhaulBytesPerSecond, double BackhaulLatencySeconds) : LinkProfile
{
    public override LinkCost Draw(LinkClass kind, Random rng) => kind == LinkClass.Metro
        ? new(MetroLatencySeconds, 1 / MetroBytesPerSecond)
        : new(BackhaulLatencySeconds, 1 / BackhaulBytesPerSecond);

    public override double RoutingWeight(LinkCost link) => link.LatencySeconds;

    public override LinkCost Extend(LinkCost path, LinkCost link) => new(path.LatencySeconds + link.LatencySeconds, Math.Max(path.SecondsPerByte, link.SecondsPerByte));
}

using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>One cell of the grid: a sweep point, a strategy (by index in the experiment) and a replication.</summary>
public readonly record struct Cell(int Point, int Strategy, int Replication);

/// <summary>What one cell measured: the deterministic metrics of its kind, and the machine-dependent decision times apart.</summary>
public sealed record RunRecord(Cell Cell, MetricValues Values, double DecisionMsMean, double DecisionMsMax);

/// <summary>
/// What one traced run saw, in memory that does not grow with the horizon: the served requests' latency (or delay)
/// CDF (binned, <see cref="LatencyHistogram"/>), their count and exact mean, and each level its kind declares
/// (<see cref="Level"/>) as means per window (start, mean) of the width the time-series plots draw.
/// </summary>
public sealed record RunTrace(IReadOnlyList<(double Latency, double Fraction)> LatencyCdf, long Served, double LatencyMean,
    IReadOnlyDictionary<string, IReadOnlyList<(double Start, double Mean)>> Levels)
{
    /// <summary>A trace from its latencies and, for runs that simulate time, its levels' window means by name.</summary>
    public static RunTrace Of(LatencyHistogram latencies, IReadOnlyDictionary<string, IReadOnlyList<(double Start, double Mean)>>? levels = null) =>
        new(latencies.Cdf(), latencies.Count, latencies.Mean, levels ?? new Dictionary<string, IReadOnlyList<(double Start, double Mean)>>());

    /// <summary>The window means of <paramref name="level"/>; a kind that offers a level it does not trace is refused by name.</summary>
    public IReadOnlyList<(double Start, double Mean)> Of(Level level) =>
        Levels.TryGetValue(level.Name, out var windows) ? windows
            : throw new InvalidOperationException($"The traced run kept no '{level.Name}' (it kept {(Levels.Count == 0 ? "no level" : string.Join(", ", Levels.Keys))}): a kind's time series offers only the levels its runs trace.");

    /// <summary>The windows the levels are kept in: about 120 over the horizon, of a round width.</summary>
    public static double WindowSeconds(double horizonSeconds) => WindowMeans.RoundWidth(horizonSeconds, 120);
}

using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>One cell of the grid: a sweep point, a strategy (by index in the experiment) and a replication.</summary>
public readonly record struct Cell(int Point, int Strategy, int Replication);

/// <summary>What one cell measured: the deterministic metrics of its kind, and the machine-dependent decision times apart.</summary>
public sealed record RunRecord(Cell Cell, MetricValues Values, double DecisionMsMean, double DecisionMsMax);

/// <summary>
/// What one traced run saw, in memory that does not grow with the horizon: the served latencies' CDF
/// (binned, <see cref="LatencyHistogram"/>), their count and exact mean, and the queue length and GPU
/// memory as means per window (start, mean) of the width the time-series plots draw.
/// </summary>
public sealed record RunTrace(IReadOnlyList<(double Latency, double Fraction)> LatencyCdf, long Served, double LatencyMean,
    IReadOnlyList<(double Start, double Mean)> QueueLength, IReadOnlyList<(double Start, double Mean)> GpuBytes)
{
    /// <summary>A trace from its latencies and, for runs that simulate time, the queue's and GPU memory's window means.</summary>
    public static RunTrace Of(LatencyHistogram latencies, IReadOnlyList<(double Start, double Mean)>? queue = null, IReadOnlyList<(double Start, double Mean)>? gpu = null) =>
        new(latencies.Cdf(), latencies.Count, latencies.Mean, queue ?? Array.Empty<(double, double)>(), gpu ?? Array.Empty<(double, double)>());

    /// <summary>The windows the levels are kept in: about 120 over the horizon, of a round width.</summary>
    public static double WindowSeconds(double horizonSeconds) => WindowMeans.RoundWidth(horizonSeconds, 120);
}

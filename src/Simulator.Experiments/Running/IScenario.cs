using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>How long a cell simulates and what it leaves out at the start.</summary>
public readonly record struct RunLength(double HorizonSeconds, double WarmupSeconds)
{
    /// <summary>The span the metrics count: from the end of the warm-up to the horizon.</summary>
    public double MeasuredSeconds => HorizonSeconds - WarmupSeconds;
}

/// <summary>
/// A scenario kind at one sweep point: it builds its world for a cell from the cell's streams, runs the
/// strategy in it, and names the metrics it reports. The runner, statistics, outputs and plots see only
/// this, so a new kind is one class (and its reader) more, not a branch in each of them.
/// </summary>
public interface IScenario
{
    /// <summary>The <c>scenario.kind</c> value.</summary>
    string Kind { get; }

    /// <summary>Which kinds of strategy it runs: naming one of another kind is a config error.</summary>
    IReadOnlySet<StrategyKind> Strategies { get; }

    MetricSet Metrics { get; }

    /// <summary>Whether simulated time passes (time-series plots); a one-shot round plans once at t = 0.</summary>
    bool SimulatesTime { get; }

    /// <summary>Whether it has per-request latencies (CDF plots) and the site's latency parts and loading bytes.</summary>
    bool HasSiteMetrics { get; }

    /// <summary>Whether its cloudlets run sites, so that each strategy is a {select, schedule} pair.</summary>
    bool SchedulesSites => false;

    (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace);
}

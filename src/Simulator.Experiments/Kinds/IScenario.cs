using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>How long a cell simulates and what it leaves out at the start.</summary>
public readonly record struct RunLength(double HorizonSeconds, double WarmupSeconds)
{
    /// <summary>The span the metrics count: from the end of the warm-up to the horizon.</summary>
    public double MeasuredSeconds => HorizonSeconds - WarmupSeconds;
}

/// <summary>
/// A scenario of some <see cref="ScenarioKind"/> at one sweep point: it builds its world for a cell from the cell's
/// streams, runs the strategy in it, and reports the kind's metrics. The runner, statistics and outputs see only
/// this and the kind's declaration.
/// </summary>
public interface IScenario
{
    ScenarioKind Kind { get; }

    /// <summary>The context features each request carries for a learner to observe; null where the world has no requests with context.</summary>
    int? ContextFeatures => null;

    /// <summary>How many queued requests a site strategy is given at once when the world fixes it in advance (a round of users at t = 0); null: the run decides.</summary>
    int? QueuedAtOnce => null;

    /// <summary>The catalog a cell with these streams serves from, as its run makes it; null where the kind has none.</summary>
    Catalog? CatalogOf(RandomStreams streams) => null;

    /// <summary>One cell; <paramref name="trace"/>: keep the latencies and levels the kind's trace plots draw (same run, more kept).</summary>
    (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace);
}

/// <summary>A scenario whose runs can be traced: one simulated site's requests, batches and devices, cell by cell.</summary>
public interface ITimelineScenario : IScenario
{
    /// <summary>The run of <see cref="IScenario.Run"/> again (same streams, so the same run), with its timeline recorded: the metrics and the first <paramref name="rows"/> rows.</summary>
    (RunRecord Record, SiteTimeline Timeline) Timeline(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, int rows);
}

/// <summary>A scenario whose cells each plan one window of a network: <c>solve --export</c> writes the window a cell draws.</summary>
public interface IWindowScenario : IScenario
{
    /// <summary>The window a replication draws from its streams: the same for every strategy (common random numbers).</summary>
    Edge.Network.NetworkInstance Draw(RandomStreams streams);
}

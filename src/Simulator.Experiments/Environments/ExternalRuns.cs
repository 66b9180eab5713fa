using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>How a scenario that offers decisions to outside policies gets the decision maker of a cell.</summary>
internal static class ExternalRuns
{
    /// <summary>
    /// The registered strategy (<paramref name="registered"/>), or, for an external entry, the scenario's adapter
    /// around the policy's process for this cell, which the caller disposes when the cell ends.
    /// </summary>
    public static (T Decider, IDisposable? Process) For<T>(StrategyChoice strategy, IEnvironmentScenario scenario, Cell cell, RandomStreams streams, RunLength length, Func<T> registered)
    {
        if (strategy.External is not { } external) return (registered(), null);
        var process = external.Open(scenario.Space(length), cell, streams);
        return ((T)scenario.Policy(process, length, external.Reward), process);
    }
}

using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>A strategy that threw while <c>solve</c> planned with it: which one, the fault, and where it was thrown (a failure, exit 1).</summary>
internal sealed class StrategyFailed(string strategy, Exception fault, Type caller)
    : Exception($"strategy '{strategy}' failed while planning: {Fault.Line(fault)}" + (Fault.Frames(fault, caller) is { } frames ? "\n" + frames : ""), fault);

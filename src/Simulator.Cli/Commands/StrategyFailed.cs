using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>A strategy that failed while <c>solve</c> planned with it: which one, the fault, and where it was thrown (a failure, exit 1).</summary>
internal sealed class StrategyFailed(string strategy, Exception fault)
    : Exception($"strategy '{strategy}' failed while planning: {Fault.Line(fault)}" + (Fault.Frames(fault, typeof(StrategyFailed).Namespace + ".") is { } frames ? "\n" + frames : ""), fault)
{
    /// <summary>The plan <paramref name="strategy"/> makes; a fault in its code (as against a refusal of the input) is reported as its failure.</summary>
    public static T Planning<T>(string strategy, Func<T> plan)
    {
        try
        {
            return plan();
        }
        catch (Exception ex) when (!Fault.IsRefusal(ex))
        {
            throw new StrategyFailed(strategy, ex);
        }
    }
}

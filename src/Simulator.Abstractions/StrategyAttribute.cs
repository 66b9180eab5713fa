namespace Simulator.Strategies;

/// <summary>Which scenarios a strategy decides for: a site's batches, a network's window of model selections and pulls, or a network's requests one at a time (online).</summary>
public enum StrategyKind
{
    /// <summary>Implements <c>IBatchScheduler</c>: a site's batches.</summary>
    Site,

    /// <summary>Implements <c>INetworkSelector</c>: a window's models and pulls.</summary>
    Network,

    /// <summary>Implements <c>IOnlineSelector</c>: one request's model at a time, learning from its penalty.</summary>
    Online,
}

/// <summary>
/// Registers a scheduler class under a name. Its public constructor's parameters are the strategy's typed
/// parameters (bool, int, double, string or an enum; written in kebab-case in files), with their defaults;
/// a <see cref="Random"/> parameter receives the strategy's own stream. <see cref="Preset"/> fixes some
/// parameters ("name=value;..."), so one class can stand under several names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class StrategyAttribute(string name, string description) : Attribute
{
    /// <summary>The name files and the command line use (kebab-case, unique among strategies).</summary>
    public string Name { get; } = name;

    /// <summary>One line for <c>list strategies</c> and the reference.</summary>
    public string Description { get; } = description;

    /// <summary>Parameters fixed under this name ("name=value;..."); empty for none.</summary>
    public string Preset { get; init; } = "";

    /// <summary>Site strategies implement <c>IBatchScheduler</c>; network strategies <c>INetworkSelector</c>; online ones <c>IOnlineSelector</c>.</summary>
    public StrategyKind Kind { get; init; } = StrategyKind.Site;

    /// <summary>
    /// Site settings the strategy needs, written as in a site section ("sharing: false" for a baseline that turns
    /// parameter sharing off end to end): the runner applies them to the world the strategy runs in, visibly.
    /// </summary>
    public string Site { get; init; } = "";

    /// <summary>
    /// True for a relaxation or an oracle: it reports a bound on what any realizable plan or policy can achieve (a
    /// relaxation's value, or the choices of one that knows what no strategy can), not a rival. Findings never name it
    /// the winner, and plots draw it as a bound (dashed, labelled), not as a strategy.
    /// </summary>
    public bool Bound { get; init; }

    /// <summary>
    /// The most queued requests the strategy plans at once (an exact search's reach); 0: no limit. Where a world fixes
    /// how many it is given (a round of users at t = 0), <c>validate</c> refuses a larger round.
    /// </summary>
    public int MaxQueued { get; init; }

    /// <summary>What the strategy reads beyond its decision's view (<see cref="StrategyNeeds"/>); a scenario kind whose world does not offer it refuses the strategy. Null: nothing more.</summary>
    public string? Needs { get; init; }
}

/// <summary>What a strategy may need of its world beyond the view of its decision.</summary>
public static class StrategyNeeds
{
    /// <summary>The cloudlets' sites (what their GPUs hold, how long a load takes) and the model each user named.</summary>
    public const string Sites = "sites";
}

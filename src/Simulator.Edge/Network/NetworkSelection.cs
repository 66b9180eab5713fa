namespace Simulator.Edge.Network;

/// <summary>The selection a network strategy makes: a plan per window (or on arrival) from a selector, or a learner's pick on arrival.</summary>
public static class NetworkSelection
{
    /// <param name="strategy">An <see cref="INetworkSelector"/> or an <see cref="IOnlineSelector"/>.</param>
    /// <param name="describe">What the network knows of a request (drawn by the source, or from its cell).</param>
    /// <param name="sites">The cloudlets' sites, which a selector may read; null where cloudlets run none.</param>
    public static ISelection For(object strategy, double windowSeconds, PenaltySpec penalty, CloudletNetwork network, Func<UserRequest, NetworkRequest> describe, SiteState? sites) => strategy switch
    {
        INetworkSelector selector => new WindowSelection(selector, windowSeconds, network, describe, sites),
        IOnlineSelector learner => new OnlineSelection(learner, penalty, network, describe),
        _ => throw new ArgumentException($"{strategy.GetType().Name} is neither a network selector nor an online learner.", nameof(strategy)),
    };

    /// <summary>What a network selection measured.</summary>
    public static SelectionMeasures Measures(ISelection selection) => selection switch
    {
        WindowSelection w => w.Measures,
        OnlineSelection o => o.Measures,
        _ => throw new ArgumentException($"{selection.GetType().Name} is not a network selection.", nameof(selection)),
    };
}

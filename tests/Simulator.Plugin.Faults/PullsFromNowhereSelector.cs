using Simulator.Edge.Network;
using Simulator.Strategies;

namespace Simulator.Plugin.Faults;

/// <summary>`pulls-from-nowhere`: every request's first model, its base pulled from a location the network does not have.</summary>
[Strategy("pulls-from-nowhere", "Test plugin: each request's base pulled from location -1, which no network has.", Kind = StrategyKind.Network)]
public sealed class PullsFromNowhereSelector : INetworkSelector
{
    public NetworkPlan Select(NetworkView view) =>
        new(view.Instance.Requests.Select(_ => (Assignment?)new Assignment(0, -1, view.Instance.Topology.DataCentre)).ToArray());
}

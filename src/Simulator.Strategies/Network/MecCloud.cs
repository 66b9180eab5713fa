using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>`mec-cloud`: the most accurate admissible model with both parts pulled from the data centre.</summary>
[Strategy("mec-cloud", "Most accurate model; both parts from the data centre.", Kind = StrategyKind.Network)]
public sealed class MecCloud : INetworkSelector
{
    public NetworkPlan Select(NetworkView view)
    {
        int dc = view.Instance.Topology.DataCentre;
        return MecNonShare.MostAccurate(view, sharing: false, (_, k) => new Assignment(k, dc, dc));
    }
}

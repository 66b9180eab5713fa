using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// `mec-nbs`: the authors' Nash-bargaining counterpart: the LP that maximises 1e-4 (budget surplus) +
/// accuracy surplus over the same rows, then the same rounding as <c>mec-appro</c>.
/// </summary>
[Strategy("mec-nbs", "Weighted-surplus (Nash bargaining) LP, 1e-4 budget surplus + accuracy surplus, rounded as mec-appro.", Kind = StrategyKind.Network)]
public sealed class MecNbs(Random rng, int draws = 1) : INetworkSelector
{
    public NetworkPlan Select(NetworkView view)
    {
        var pairs = new WindowPairs(view, nearestOnly: true);
        return Rounding.Best(view, pairs, NetworkLp.Solve(view, pairs, integer: false, LpObjective.Bargaining), draws, rng);
    }
}

using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// `mec-appro`: the paper's randomized rounding of the window's LP, with <c>draws</c> independent roundings
/// of which the best is kept (1 is the paper). Its expected total delay is at most twice the LP's value
/// (the bound is proved in <see cref="Rounding"/>). The authors' code halves every probability before
/// drawing (and so often draws nothing); this draws from the LP's distribution itself.
/// </summary>
[Strategy("mec-appro", "Randomized rounding of the network LP (draws: R keeps the best of R); expected delay at most 2x the LP's.", Kind = StrategyKind.Network)]
public sealed class MecAppro(Random rng, int draws = 1) : INetworkSelector
{
    public NetworkPlan Select(NetworkView view)
    {
        var pairs = new WindowPairs(view, nearestOnly: true);
        return Rounding.Best(view, pairs, NetworkLp.Solve(view, pairs, integer: false, LpObjective.Delay), draws, rng);
    }
}

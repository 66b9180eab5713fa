using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// `mec-appro`: the paper's randomized rounding of the window's LP, with <c>draws</c> independent roundings
/// of which the best is kept (1 is the paper). Its expected total delay is at most twice the LP's value
/// (the bound is proved in <see cref="Rounding"/>). The authors' code halves every probability before
/// drawing (and so often draws nothing); this draws from the LP's distribution itself.
/// `mec-nbs` is the authors' Nash-bargaining counterpart: the same rounding of the LP that maximises
/// 1e-4 (budget surplus) + accuracy surplus over the same rows.
/// </summary>
[Strategy("mec-appro", "Randomized rounding of the network LP (draws: R keeps the best of R); expected delay at most 2x the LP's.", Kind = StrategyKind.Network, Preset = "objective=delay")]
[Strategy("mec-nbs", "Weighted-surplus (Nash bargaining) LP, 1e-4 budget surplus + accuracy surplus, rounded as mec-appro.", Kind = StrategyKind.Network, Preset = "objective=bargaining")]
public sealed class MecAppro(Random rng, [Domain(1, Meaning = "rounding draws")] int draws = 1, LpObjective objective = LpObjective.Delay) : INetworkSelector
{
    public NetworkPlan Select(NetworkView view)
    {
        var pairs = new WindowPairs(view, nearestOnly: true);
        return Rounding.Best(view, pairs, WindowLp.Solve(view, pairs, objective), draws, rng);
    }
}

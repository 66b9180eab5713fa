using Simulator.Edge.Network;

namespace Simulator.Strategies.Network.Online;

/// <summary>`mec-oracle`: knows every model's penalty each round and takes the smallest: regret 0, the reference the others are measured against.</summary>
[Strategy("mec-oracle", "Knows every model's penalty each round and takes the smallest: the regret reference (regret 0).", Kind = StrategyKind.Online, Bound = true)]
public sealed class MecOracle : IOnlineSelector
{
    public int Choose(OnlineRound round)
    {
        var p = round.TruePenalties;
        int best = 0;
        for (int k = 1; k < p.Count; k++)
            if (p[k] < p[best]) best = k;
        return best;
    }

    public void Learn(OnlineRound round, int model, double penalty) { }
}

using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// `ready-first`, a selector neither paper has: among the models admissible for a request (accuracy, capacity
/// row, budget), the one its cloudlet can start computing soonest, counting every tier: the pull of the parts
/// its disk lacks from their nearest holders (sharing-aware), then the load of the blocks its GPU lacks, as
/// the site's own estimator gives it from what is resident now. A sibling on the GPU wins over a slightly more
/// accurate model that must come over the backhaul; more accurate wins a tie. Without sites the load is 0 and
/// it takes the quickest pull. Requests of a window are taken in order against the capacity ledger.
/// </summary>
[Strategy("ready-first", "Admissible model the cloudlet can start soonest: pull of what its disk lacks plus load of what its GPU lacks.", Kind = StrategyKind.Network)]
public sealed class ReadyFirst : INetworkSelector
{
    public NetworkPlan Select(NetworkView view)
    {
        var ledger = new CapacityLedger(view);
        var instance = view.Instance;
        var est = view.Estimates;
        var scratch = new List<int>(instance.Parts.Count);
        return new NetworkPlan(instance.Requests.Select((r, j) =>
        {
            double Ready(int k) => est.NearestTerms(j, k).Pull + (instance.Sites?.LoadSeconds(r.Home, k) ?? 0);
            // Only the admissible models are read here, not their candidate sources: the pairs' lists are not made.
            foreach (int k in WindowPairs.AdmissibleModels(est, j, sharing: true, scratch).OrderBy(Ready).ThenByDescending(k => r.Accuracy[k]).ThenBy(k => k))
                if (ledger.TryTake(j, k)) return MecIlp.Nearest(view, j, k);
            return (Assignment?)null;
        }).ToArray());
    }
}

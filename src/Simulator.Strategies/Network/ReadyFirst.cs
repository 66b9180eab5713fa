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
        var pairs = new WindowPairs(view);
        var ledger = new CapacityLedger(view);
        var instance = view.Instance;
        var est = view.Estimates;
        return new NetworkPlan(instance.Requests.Select((r, j) =>
        {
            double Ready(int k) => est.NearestTerms(j, k).Pull + (instance.Sites?.LoadSeconds(r.Home, k) ?? 0);
            foreach (int k in pairs.Models[j].OrderBy(Ready).ThenByDescending(k => r.Accuracy[k]).ThenBy(k => k))
                if (ledger.TryTake(j, k)) return MecIlp.Nearest(view, j, k);
            return (Assignment?)null;
        }).ToArray());
    }
}

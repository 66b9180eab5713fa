using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// `mec-nonshare`: the most accurate admissible model, each part from the nearest holder of that exact
/// model (the data centre when no cloudlet holds it): parameter sharing plays no part in where parts come
/// from. Under the aggregated rule the next most accurate model that still fits is taken.
/// </summary>
[Strategy("mec-nonshare", "Most accurate model; both parts from the nearest holder of that exact model, else the data centre.", Kind = StrategyKind.Network)]
public sealed class MecNonShare : INetworkSelector
{
    public NetworkPlan Select(NetworkView view) => MostAccurate(view, sharing: false, (j, k) => MecIlp.Nearest(view, j, k, sharing: false));

    /// <summary>
    /// Per request, in order, the most accurate admissible model that fits, served from the sources <paramref name="serve"/>
    /// picks, and within the request's budget as served from them: admissibility costs the nearest holders, which
    /// the sources picked may not be (mec-cloud pulls from the data centre), and the plan executed must keep the budget.
    /// </summary>
    internal static NetworkPlan MostAccurate(NetworkView view, bool sharing, Func<int, int, Assignment> serve)
    {
        var pairs = new WindowPairs(view, sharing);
        var ledger = new CapacityLedger(view);
        var requests = view.Instance.Requests;
        return new NetworkPlan(requests.Select((r, j) =>
        {
            foreach (int k in pairs.Models[j].OrderByDescending(k => r.Accuracy[k]).ThenBy(k => k))
            {
                var served = serve(j, k);
                if (view.Estimates.Terms(j, served).Cost <= r.Budget && ledger.TryTake(j, k)) return served;
            }
            return (Assignment?)null;
        }).ToArray());
    }
}

using Simulator.Edge.Network;

namespace Simulator.Edge.Tests.Network;

/// <summary>
/// The first admissible model, both parts from their nearest holders: enough to drive the world. It notes every
/// request it is offered with its arrival, so a test knows the requests that reached a window.
/// </summary>
internal sealed class NearestFirst : INetworkSelector
{
    public Dictionary<long, double> Offered { get; } = new();

    public NetworkPlan Select(NetworkView view)
    {
        var est = view.Estimates;
        var requests = view.Instance.Requests;
        foreach (var r in requests) Offered[r.Id] = r.Arrival;
        return new NetworkPlan(requests.Select((r, j) =>
        {
            for (int k = 0; k < view.Instance.Parts.Count; k++)
                if (est.Admissible(j, k))
                    return new Assignment(k, ServiceEstimator.Nearest(est.BaseSources(r.Home, k)).Location, ServiceEstimator.Nearest(est.TaskSources(r.Home, k)).Location);
            return (Assignment?)null;
        }).ToArray());
    }
}

using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// `requested`: the model the request's user named, as the first paper assumes (every user asks for one
/// model), its parts from their nearest holders with sharing. Accuracy, budget and the capacity row play no
/// part: the user chose. It needs requests that name a model, which only the cells of a network of sites bring.
/// </summary>
[Strategy("requested", "The model the user named; both parts from their nearest holders (sharing-aware). Needs a network of sites.", Kind = StrategyKind.Network, Needs = StrategyNeeds.Sites)]
public sealed class Requested : INetworkSelector
{
    public NetworkPlan Select(NetworkView view) => new(view.Instance.Requests.Select((r, j) => r.Requested >= 0
        ? (Assignment?)MecIlp.Nearest(view, j, r.Requested)
        : throw new InvalidOperationException($"Request {r.Id} names no model: 'requested' needs the cells of a network of sites.")).ToArray());
}

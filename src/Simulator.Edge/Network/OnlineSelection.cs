using System.Diagnostics;

namespace Simulator.Edge.Network;

/// <summary>
/// A learner's selection: each request, on arrival, is one round against what the cloudlets hold then (network.md
/// section 5); the learner picks the model, both parts come from their nearest holders, and the penalty it earned
/// goes back to it.
/// </summary>
public sealed class OnlineSelection(IOnlineSelector learner, PenaltySpec penalty, CloudletNetwork network, Func<UserRequest, NetworkRequest> describe) : ISelection
{
    private RequestPipeline? pipeline;

    public SelectionMeasures Measures { get; } = new();

    public void Start(RequestPipeline pipeline) => this.pipeline = pipeline;

    public void Offer(UserRequest request)
    {
        var r = request.Network ??= describe(request);
        var clock = Stopwatch.StartNew();
        var step = OnlineWindow.Step(network.Topology, network.Cloudlets, network.Parts, network.Held, network.Rules, r, (int)Measures.Rounds, learner, penalty, network.Holders);
        Measures.DecisionWallSeconds.Add(clock.Elapsed.TotalSeconds);
        Measures.Round(step.Penalty, step.Regret, step.Observed);
        request.Choice = step.Choice;
        request.Estimates = step.Estimates;
        request.Slot = 0;
        pipeline!.Place(request, request.Arrival);
    }
}

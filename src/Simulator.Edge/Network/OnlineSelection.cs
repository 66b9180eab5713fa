using System.Diagnostics;

namespace Simulator.Edge.Network;

/// <summary>
/// A learner's selection: each request, on arrival, is one round against what the cloudlets hold then (network.md
/// section 5); the learner picks the model, both parts come from their nearest holders, and the penalty it earned
/// goes back to it. A learner whose picks come from outside (<see cref="IDeferredLearner"/>) pauses the run until
/// it answers; the request then goes on at the instant it arrived.
/// </summary>
public sealed class OnlineSelection(IOnlineSelector learner, PenaltySpec penalty, CloudletNetwork network, Func<UserRequest, NetworkRequest> describe) : ISelection
{
    private RequestPipeline? pipeline;

    public SelectionMeasures Measures { get; } = new();

    public void Start(RequestPipeline pipeline)
    {
        this.pipeline = pipeline;
        pipeline.ReportTo(learner);
    }

    public void Offer(UserRequest request)
    {
        var r = request.Network ??= describe(request);
        long started = Stopwatch.GetTimestamp();
        var question = OnlineWindow.Ask(network.Topology, network.Cloudlets, network.Parts, network.Held, network.Rules, r, (int)Measures.Rounds, penalty, network.Holders);
        if (learner is IDeferredLearner deferred)
        {
            bool answered = false;
            deferred.Ask(question.Round, chosen =>
            {
                answered = true;
                Place(request, OnlineWindow.Answer(question, chosen, learner), started);
            });
            if (!answered) pipeline!.Env.StopAsync();
            return;
        }
        Place(request, OnlineWindow.Answer(question, learner.Choose(question.Round), learner), started);
    }

    private void Place(UserRequest request, OnlineWindow.StepResult step, long started)
    {
        Measures.DecisionWallSeconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        Measures.Round(step.Penalty, step.Regret, step.Observed);
        request.Choice = step.Choice;
        request.Estimates = step.Estimates;
        request.Slot = 0;
        pipeline!.Place(request, request.Arrival);
    }
}

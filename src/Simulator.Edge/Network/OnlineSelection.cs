using System.Diagnostics;

namespace Simulator.Edge.Network;

/// <summary>
/// A learner's selection: each request, on arrival, is one round against what the cloudlets hold then (network.md
/// section 5); the learner picks the model, both parts come from their nearest holders, and the penalty it earned
/// goes back to it: at once, of the delay planned (the paper's), or under <see cref="Feedback.Realized"/> when the
/// result is back, of the delay the request took. A learner whose picks come from outside
/// (<see cref="IDeferredLearner"/>) pauses the run until it answers; the request then goes on at the instant it arrived.
/// </summary>
public sealed class OnlineSelection(IOnlineSelector learner, PenaltySpec penalty, CloudletNetwork network, Func<UserRequest, NetworkRequest> describe) : ISelection
{
    private RequestPipeline? pipeline;

    /// <summary>Under realized feedback, the rounds whose requests are under way, by request: what the learner will hear of.</summary>
    private readonly Dictionary<long, (OnlineRound Round, int Model, double Accuracy)> underWay = new();

    public SelectionMeasures Measures { get; } = new();

    public void Start(RequestPipeline pipeline)
    {
        this.pipeline = pipeline;
        pipeline.ReportTo(learner);
        if (penalty.Feedback == Feedback.Realized) pipeline.Ended += Realized;
    }

    /// <summary>A request's result is back: the learner hears of its round the penalty of the delay it took.</summary>
    private void Realized(UserRequest request, RequestOutcome outcome)
    {
        if (!underWay.Remove(request.Id, out var pick) || outcome.Outcome != Outcome.Served) return;
        double delay = outcome.Time - request.Decided;
        pick.Round.RealizedDelay = delay;
        learner.Learn(pick.Round, pick.Model, OnlineWindow.Penalty(penalty, pick.Accuracy, delay));
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
                Place(request, Answer(question, chosen), started);
            });
            if (!answered) pipeline!.Env.StopAsync();
            return;
        }
        Place(request, Answer(question, learner.Choose(question.Round)), started);
    }

    /// <summary>The pick scored; the learner learns of it now, or, under realized feedback, once its result is back.</summary>
    private OnlineWindow.StepResult Answer(OnlineWindow.Question question, int chosen)
    {
        bool realized = penalty.Feedback == Feedback.Realized;
        var step = OnlineWindow.Answer(question, chosen, learner, learnNow: !realized); // refuses a model out of range first
        if (realized) underWay[question.Request.Id] = (question.Round, chosen, question.Request.Accuracy[chosen]);
        return step;
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

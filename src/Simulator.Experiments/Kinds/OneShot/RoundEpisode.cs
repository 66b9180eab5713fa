using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// A one-shot replication as an environment: its round planned one batch a step, as a site's decision
/// (<see cref="SiteDecisions"/>). No time passes between steps, and nothing arrives: <c>wait</c> ends the round with
/// the users left unserved, and the episode ends terminated once nothing is left. The reward of a step is the users
/// its batch serves by their deadline, by the independent evaluation of the plan so far.
/// </summary>
internal sealed class RoundEpisode : Episode
{
    private readonly SiteDecisions decisions;
    private readonly RoundSteps steps;
    private readonly Func<Plan, PlanEvaluation, SiteView, MetricValues> metrics;
    private double earned;

    private RoundEpisode(SiteDecisions decisions, RoundSteps steps, Func<Plan, PlanEvaluation, SiteView, MetricValues> metrics)
        : base(decisions.Space)
    {
        this.decisions = decisions;
        this.steps = steps;
        this.metrics = metrics;
    }

    public static RoundEpisode Start(SiteDecisions decisions, RoundSteps steps, Func<Plan, PlanEvaluation, SiteView, MetricValues> metrics)
    {
        var episode = new RoundEpisode(decisions, steps, metrics);
        episode.Begin();
        return episode;
    }

    /// <summary>When the batches so far end.</summary>
    public override double Time => steps.View.Now;

    public override MetricValues Metrics()
    {
        var plan = steps.Plan;
        return metrics(plan, PlanEvaluator.Evaluate(new StaticProblem(steps.Round), plan), steps.Round);
    }

    protected override bool RunToDecision() => !steps.Done;

    protected override bool StillBusy => false;

    protected override bool Pending => !steps.Done;

    protected override void Encode(Span<double> observation, Span<bool> mask) => decisions.Encode(steps.View, observation, mask);

    protected override void Answer(int action, Dictionary<string, double> info)
    {
        var plan = SiteDecisions.PlanFor(steps.View, action);
        info["waited"] = plan.Batches.Count == 0 ? 1 : 0;
        earned = steps.Take(plan);
    }

    protected override double Collect(Dictionary<string, double> info) => earned;
}

/// <summary>
/// An outside policy as a one-shot round's scheduler: asked once per batch, as the round's executor asks any
/// scheduler, each plan the batch its action names (<see cref="SiteDecisions"/>). It keeps its own copy of the
/// steps so that each question carries the reward the last answer earned, as the environment's steps do.
/// </summary>
internal sealed class RoundPolicy(IPolicy policy, SiteDecisions decisions) : IBatchScheduler
{
    private RoundSteps? steps;
    private Plan? last;

    public Plan Plan(SiteView view)
    {
        // The first question is the whole round at t = 0; each later one follows the plan answered before it.
        double reward = 0;
        if (steps is null || last is null) steps = new RoundSteps(view);
        else reward = steps.Take(last);
        return last = decisions.Ask(policy, view, _ => reward);
    }
}

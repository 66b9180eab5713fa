using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// A network-one-shot replication as an environment: its window served one request at a time, each request's model
/// a step (<see cref="NetworkDecisions"/>). No time passes, so the episode ends terminated once every request has
/// its model; its metrics are those a learner's run of the same replication records.
/// </summary>
internal sealed class WindowEpisode : Episode
{
    private readonly WindowRounds rounds;
    private readonly Func<OnlineOutcome, MetricValues> metrics;
    private readonly string reward;
    private double earned;

    private WindowEpisode(DecisionSpace space, WindowRounds rounds, Func<OnlineOutcome, MetricValues> metrics, string reward)
        : base(space)
    {
        this.rounds = rounds;
        this.metrics = metrics;
        this.reward = reward;
    }

    public static WindowEpisode Start(DecisionSpace space, WindowRounds rounds, Func<OnlineOutcome, MetricValues> metrics, string reward)
    {
        var episode = new WindowEpisode(space, rounds, metrics, reward);
        episode.Begin();
        return episode;
    }

    public override double Time => 0;

    public override MetricValues Metrics() => metrics(rounds.Outcome());

    protected override bool RunToDecision() => !rounds.Done;

    protected override bool StillBusy => false;

    protected override bool Pending => !rounds.Done;

    protected override void Encode(Span<double> observation, Span<bool> mask) => NetworkDecisions.Encode(rounds.Ask().Round, observation, mask);

    protected override void Answer(int action, Dictionary<string, double> info)
    {
        var step = rounds.Answer(action, learner: null);
        NetworkDecisions.Describe(info, step.Penalty, step.Terms.Delay, step.Terms.Cost);
        info["regret"] = step.Regret;
        earned = NetworkDecisions.Reward(reward, step.Penalty, step.Terms.Delay);
    }

    protected override double Collect(Dictionary<string, double> info) => earned;
}

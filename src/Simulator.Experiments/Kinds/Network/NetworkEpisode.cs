using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Experiments;

/// <summary>
/// A replication of a network whose requests arrive over time (the stochastic network, a network of sites) as an
/// environment: it pauses at each request's model selection (<see cref="NetworkDecisions"/>).
/// </summary>
internal sealed class NetworkEpisode : SimulatedEpisode
{
    private readonly Asked asked;
    private readonly Func<MetricValues> metrics;
    private readonly string reward;

    private NetworkEpisode(Simulation env, DecisionSpace space, RunLength length, Asked asked, Func<MetricValues> metrics, string reward)
        : base(env, space, length.HorizonSeconds)
    {
        this.asked = asked;
        this.metrics = metrics;
        this.reward = reward;
    }

    /// <param name="build">The world around the learner that asks outside: its simulation, and its metrics so far.</param>
    public static NetworkEpisode Start(DecisionSpace space, RunLength length, Func<IOnlineSelector, (Simulation Env, Func<MetricValues> Metrics)> build, string reward)
    {
        var asked = new Asked(reward);
        var (env, metrics) = build(asked);
        var episode = new NetworkEpisode(env, space, length, asked, metrics, reward);
        episode.Begin();
        return episode;
    }

    public override MetricValues Metrics() => metrics();

    protected override bool Pending => asked.Round is not null;

    protected override void Encode(Span<double> observation, Span<bool> mask)
    {
        NetworkDecisions.Encode(asked.Round!, observation, mask);
    }

    protected override void Answer(int action, Dictionary<string, double> info)
    {
        var round = asked.Round!;
        var answer = asked.Answer!;
        asked.Round = null;
        asked.Answer = null;
        answer(action);
        // What the pick was planned to earn; the reward is what the learner is told, now or, under realized feedback, as results come back.
        double planned = round.TruePenalties[action];
        NetworkDecisions.Describe(info, planned, round.Terms[action].Delay, round.Terms[action].Cost);
        info["regret"] = planned - round.TruePenalties.Min();
    }

    protected override double Collect(Dictionary<string, double> info) => asked.TakeEarned();

    /// <summary>The network's learner: it keeps the round for the episode to answer, and sums what it is told until the step collects it.</summary>
    private sealed class Asked(string reward) : IDeferredLearner
    {
        private double earned;

        public OnlineRound? Round { get; set; }

        public Action<int>? Answer { get; set; }

        public int Choose(OnlineRound round) => throw new InvalidOperationException("an environment's learner is asked, not called.");

        public void Ask(OnlineRound round, Action<int> answer) => (Round, Answer) = (round, answer);

        public void Learn(OnlineRound round, int model, double penalty) => earned += NetworkDecisions.Reward(reward, penalty, NetworkDecisions.DelayTold(round, model));

        public double TakeEarned()
        {
            double e = earned;
            earned = 0;
            return e;
        }
    }
}

/// <summary>An outside policy as the network's learner: each pick is its action (<see cref="NetworkDecisions"/>), told the reward earned since the last (under realized feedback, of the results back since).</summary>
internal sealed class NetworkPolicy(IPolicy policy, DecisionSpace space, string reward) : IOnlineSelector
{
    private readonly double[] observation = new double[space.Size];
    private readonly bool[] mask = new bool[space.Actions.Count];
    private readonly Dictionary<string, double> info = new(StringComparer.Ordinal);
    private double earned;

    public int Choose(OnlineRound round)
    {
        NetworkDecisions.Encode(round, observation, mask);
        int action = policy.Act(observation, mask, earned, info);
        info.Clear();
        earned = 0;
        return action;
    }

    public void Learn(OnlineRound round, int model, double penalty)
    {
        // Under realized feedback, the info is the last result's told since the previous pick.
        double delay = NetworkDecisions.DelayTold(round, model);
        earned += NetworkDecisions.Reward(reward, penalty, delay);
        NetworkDecisions.Describe(info, penalty, delay, round.Terms[model].Cost);
    }
}

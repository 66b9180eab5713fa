using Simulator.Edge.Network;
using Simulator.Experiments;

namespace Simulator.Experiments.Tests.Environments;

/// <summary>
/// The paper's online setting (<c>network-one-shot</c>, a window served one request at a time) as an environment:
/// driven with the penalties recomputed from the paper's formula it is mec-oracle's run, and its steps, rewards and
/// end are those of a window that passes no time.
/// </summary>
public class WindowEnvironmentTests
{
    private static readonly string[] Small = { "scenario.network.cloudlets=20", "scenario.requests.count=60", "replications=2", "plots=[]", "sweep=null", "strategies=[mec-oracle, mec-egreedy]", "baseline=mec-egreedy" };

    /// <summary>The small window, with <paramref name="more"/> in place of the settings of the same paths.</summary>
    private static ExperimentSpec Read(params string[] more) =>
        ExperimentReader.Read(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online.yaml"),
            Small.Where(s => more.All(m => m.Split('=')[0] != s.Split('=')[0])).Concat(more).ToArray());

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Driven_with_the_least_penalty_from_the_drawn_accuracies_it_is_mec_oracles_run(int replication)
    {
        var spec = Read();
        var environment = new ExperimentEnvironment(spec);
        var episode = environment.Reset(replication);
        // The accuracies stay hidden from the policy; the test draws the same window to know them.
        var scenario = (NetworkOneShotScenario)spec.Points[0].Scenario;
        var window = scenario.Draw(Runner.Streams(spec, 0, replication));
        var space = environment.Space;
        int models = space.Actions.Count, delays = space.Observation.ToList().IndexOf($"{space.Actions[0]}.delay_s");
        var (xi, unit) = (scenario.Penalty.Xi, scenario.Penalty.DelayUnitSeconds);
        double rewards = 0;
        int j = 0;
        StepResult result = default;
        while (!episode.Over)
        {
            var observation = episode.Observation.ToArray();
            Assert.All(episode.Mask.ToArray(), Assert.True);
            var accuracy = window.Requests[j].Accuracy;
            int best = 0;
            double Penalty(int k) => xi * -Math.Log(accuracy[k]) + (1 - xi) * observation[delays + k] / unit;
            for (int k = 1; k < models; k++)
                if (Penalty(k) < Penalty(best)) best = k;
            double expected = Penalty(best);
            result = episode.Step(best);
            Assert.Equal(expected, -result.Reward, 12);
            Assert.Equal(0, result.Info["regret"]);
            Assert.Equal(0, result.Info["time_s"]);
            rewards += result.Reward;
            j++;
        }
        Assert.Equal(60, j);
        Assert.True(result.Terminated && !result.Truncated, "a window passes no time: it ends with every request served, not at the horizon");

        var run = Runner.RunCell(spec, new Cell(0, 0, replication)).Values;
        var metrics = episode.Metrics();
        var informative = spec.Metrics.Index("informative_observed");
        for (int m = 0; m < spec.Metrics.Count; m++)
            if (m != informative) Assert.True(run[m].Equals(metrics[m]), $"{spec.Metrics.Metrics[m].Name}: run {run[m]}, episode {metrics[m]}");
        // The environment shows every context feature, where the oracle reads none.
        Assert.Equal(1, metrics[informative]);
        Assert.Equal(-rewards, metrics[spec.Metrics.Index("total_penalty")], 9);
    }

    [Fact]
    public void Its_reward_is_minus_the_delay_when_asked_and_its_metrics_so_far_count_the_rounds_served()
    {
        var spec = Read();
        var episode = new ExperimentEnvironment(spec, reward: "delay").Reset(0);
        var delay = episode.Space.Observation.ToList().IndexOf($"{episode.Space.Actions[3]}.delay_s");
        double shown = episode.Observation[delay];
        var result = episode.Step(3);
        Assert.Equal(-shown, result.Reward);
        Assert.Equal(shown, result.Info["delay_s"]);
        episode.Step(0);
        var metrics = episode.Metrics();
        Assert.Equal(2, metrics[spec.Metrics.Index("placed")]);
        Assert.Equal(58, metrics[spec.Metrics.Index("unplaced")]);
        Assert.Throws<ArgumentOutOfRangeException>(() => episode.Step(episode.Space.Actions.Count));
    }

    [Fact]
    public void An_environment_of_an_experiment_with_an_outside_entry_counts_the_entrys_reward()
    {
        var spec = Read("strategies=[mec-egreedy, {external: {command: python3 policy.py, reward: delay}}]");
        var episode = new ExperimentEnvironment(spec).Reset(0);
        var delay = episode.Space.Observation.ToList().IndexOf($"{episode.Space.Actions[2]}.delay_s");
        double shown = episode.Observation[delay];
        Assert.Equal(-shown, episode.Step(2).Reward);
        // A reward asked for by the environment itself still wins.
        var asked = new ExperimentEnvironment(spec, reward: "penalty").Reset(0);
        var step = asked.Step(2);
        Assert.Equal(-step.Info["penalty"], step.Reward);
        // Two outside entries that count different rewards leave no one environment to make.
        var two = Read("strategies=[mec-egreedy, {external: {command: python3 a.py, label: a, reward: delay}}, {external: {command: python3 b.py, label: b}}]");
        var refused = Assert.Throws<ArgumentException>(() => new ExperimentEnvironment(two));
        Assert.Contains("the outside entries a, b run in different worlds", refused.Message);
        var agreeing = Read("strategies=[mec-egreedy, {external: {command: python3 a.py, label: a, reward: delay}}, {external: {command: python3 b.py, label: b, reward: delay}}]");
        Assert.Equal(-1, Math.Sign(new ExperimentEnvironment(agreeing).Reset(0).Step(0).Reward));
    }

    [Theory]
    [InlineData("delay", "delay_s")]
    [InlineData("penalty", "penalty")]
    [InlineData(null, "penalty")]
    public void An_outside_policy_in_the_runner_hears_the_reward_its_entry_names(string? reward, string told)
    {
        var spec = Read();
        var scenario = (NetworkOneShotScenario)spec.Points[0].Scenario;
        var policy = new Recorder();
        var learner = (IOnlineSelector)scenario.Policy(policy, spec.Length, reward);
        OnlineWindow.Run(scenario.Draw(Runner.Streams(spec, 0, 0)), learner, scenario.Penalty);
        Assert.Equal(60, policy.Heard.Count);
        Assert.Equal(0, policy.Heard[0].Reward);
        // Each decision is told what the one before it earned: minus its delay or minus its penalty.
        for (int t = 1; t < policy.Heard.Count; t++)
            Assert.Equal(-policy.Heard[t].Info[told], policy.Heard[t].Reward);
        Assert.NotEqual(policy.Heard[1].Info["delay_s"], policy.Heard[1].Info["penalty"]);
    }

    /// <summary>Picks the models in turn and keeps what each decision was told.</summary>
    private sealed class Recorder : IPolicy
    {
        public List<(double Reward, Dictionary<string, double> Info)> Heard { get; } = new();

        public int Act(ReadOnlySpan<double> observation, ReadOnlySpan<bool> mask, double reward, IReadOnlyDictionary<string, double> info)
        {
            Heard.Add((reward, new Dictionary<string, double>(info)));
            return Heard.Count % mask.Length;
        }
    }
}

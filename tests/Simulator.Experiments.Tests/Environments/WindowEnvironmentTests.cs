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

    private static ExperimentSpec Read(params string[] more) =>
        ExperimentReader.Read(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online.yaml"), Small.Concat(more).ToArray());

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
}

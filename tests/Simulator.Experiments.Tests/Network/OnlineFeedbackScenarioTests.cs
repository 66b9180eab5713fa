namespace Simulator.Experiments.Tests.Network;

/// <summary>
/// <c>requests.penalty.feedback</c>: the stochastic network's learners hear of the delay planned at once (the paper's)
/// or of the delay realized when the result is back; the kinds with no realized delay to tell refuse the second.
/// </summary>
public class OnlineFeedbackScenarioTests
{
    /// <summary>The shipped online stochastic network, made small, with a FIFO server per cloudlet so that realized delays differ from planned ones.</summary>
    private static ExperimentSpec Read(params string[] more) => ExperimentReader.Read(
        Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online-stochastic.yaml"),
        new[]
        {
            "replications=2", "horizon=200 s", "warmup=0 s", "plots=[]", "scenario.network.cloudlets=20", "scenario.network.queueing=simulated",
            "scenario.requests.rate=5 /s", "strategies=[{name: mec-ol, d: 25}, {name: mec-linucb, d: 25}, mec-egreedy]",
        }.Concat(more).ToArray());

    [Fact]
    public void Learners_told_the_realized_delay_run_byte_identically_on_one_thread_and_two_and_choose_otherwise()
    {
        var realized = Read("scenario.requests.penalty.feedback=realized");
        var records = new Runner(realized, 2).Run();
        Assert.Equal(ResultWriter.RunsCsv(realized, new Runner(realized, 1).Run()), ResultWriter.RunsCsv(realized, records));
        var planned = new Runner(Read(), 2).Run();
        // The same arrivals; the learners' picks, and so what they earn, differ once what they hear does.
        Assert.Equal(planned.Select(r => r.Values["arrived"]), records.Select(r => r.Values["arrived"]));
        Assert.NotEqual(planned.Select(r => r.Values["regret"]), records.Select(r => r.Values["regret"]));
    }

    [Fact]
    public void An_episode_under_realized_feedback_rewards_each_result_as_it_comes_back()
    {
        // With xi = 0 the penalty is the delay over its unit: the rewards of an episode add up to minus every served
        // request's realized delay (the run's served x mean_delay, the warm-up being 0) over the unit.
        var spec = Read("scenario.requests.penalty={xi: 0, delay_unit: 10 s, feedback: realized}");
        var environment = new ExperimentEnvironment(spec);
        var episode = environment.Reset(0);
        double rewards = 0;
        int steps = 0, rewarded = 0;
        while (!episode.Over)
        {
            double reward = episode.Step(steps++ % episode.Space.Actions.Count).Reward;
            rewards += reward;
            if (reward != 0) rewarded++;
        }
        var metrics = episode.Metrics();
        double served = metrics["served"], delays = served * metrics["mean_delay"];
        Assert.True(served > 200, $"{served} served");
        Assert.Equal(-delays / 10, rewards, 1e-9 * delays);
        Assert.True(rewarded < steps, "a step whose results are not back yet earns nothing");
        Assert.True(metrics["mean_delay"] > metrics["planned_delay_mean"] * 1.01, "the FIFO servers make requests wait longer than planned");
    }

    [Fact]
    public void Kinds_without_a_realized_delay_refuse_realized_feedback_at_the_key()
    {
        var oneShot = Assert.Throws<ConfigException>(() => NetworkScenarioTests.Read(NetworkScenarioTests.Experiment, "scenario.requests.penalty.feedback=realized"));
        Assert.Contains("a network-one-shot window is served in the paper's terms, so every delay is the one planned: 'feedback: realized' belongs to the stochastic network", oneShot.Message);
        var sites = Assert.Throws<ConfigException>(() => SiteNetworkTests.Read(SiteNetworkTests.Network, "scenario.requests.penalty.feedback=realized"));
        Assert.Contains("in a network of sites a request may expire at its site unserved, with no delay for a penalty to charge: 'feedback: realized' belongs to the stochastic network, whose every request is served.", sites.Message);
        Assert.Equal(Simulator.Edge.Network.Feedback.Planned, ((NetworkOneShotScenario)NetworkScenarioTests.Read(NetworkScenarioTests.Experiment, "scenario.requests.penalty.feedback=planned").Points[0].Scenario).Penalty.Feedback);
    }
}

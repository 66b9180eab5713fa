using Simulator.Edge;
using Simulator.Experiments;
using Simulator.Strategies;

namespace Simulator.Experiments.Tests.Environments;

/// <summary>
/// The papers' static round (<c>one-shot</c>) as an environment: planned one batch a step. Replayed by the test from
/// the same drawn round, batch by batch in arrival order and scored by the evaluator, the episode's rewards are the
/// users each batch adds to those served, they add up to the run's throughput, and <c>wait</c> ends the round.
/// </summary>
public class RoundEnvironmentTests
{
    private static ExperimentSpec Read() =>
        ExperimentReader.Read(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "partialloading", "pl-dp-vs-optimal.yaml"),
            new[] { "replications=3", "plots=[]", "sweep=null", "scenario.arrivals.count=10", "scenario.deadline={min: 1 s, max: 2 s}" });

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Each_step_rewards_the_users_its_batch_serves_and_wait_ends_the_round(int replication, bool stopEarly)
    {
        var spec = Read();
        var environment = new ExperimentEnvironment(spec);
        var space = environment.Space;
        Assert.Equal("wait", space.Actions[^1]);
        // The round lasts until its latest deadline can fall: times reach the largest deadline budget, 2 s.
        Assert.Equal(2, space.High[space.Observation.ToList().IndexOf("time_s")]);
        var episode = environment.Reset(replication);
        var scenario = (OneShotScenario)spec.Points[0].Scenario;
        var round = StaticRound.Draw(scenario.Catalog, scenario.Site, scenario.Workload, Runner.Streams(spec, 0, replication));
        var problem = new StaticProblem(round);
        var left = round.Queue.ToList();
        var batches = new List<PlannedBatch>();
        var rng = new Random(replication);
        double rewards = 0;
        int served = 0, steps = 0;
        StepResult result = default;
        while (!episode.Over)
        {
            var observation = episode.Observation.ToArray();
            for (int i = 0; i < observation.Length; i++)
                Assert.True(observation[i] >= space.Low[i] && observation[i] <= space.High[i], $"{space.Observation[i]} = {observation[i]}, outside [{space.Low[i]}, {space.High[i]}]");
            var mask = episode.Mask.ToArray();
            // Models with users left are the ones offered, and wait is always offered.
            var offered = Enumerable.Range(0, mask.Length - 1).Where(k => mask[k]).Select(k => round.Catalog.Models[k].Id).ToHashSet();
            Assert.Equal(left.Select(r => r.ModelId).ToHashSet(), offered);
            Assert.True(mask[^1]);
            int action = stopEarly && steps == 2 ? mask.Length - 1 : Enumerable.Range(0, mask.Length - 1).Where(k => mask[k]).OrderBy(_ => rng.Next()).First();
            result = episode.Step(action);
            steps++;
            rewards += result.Reward;
            if (action == mask.Length - 1)
            {
                Assert.Equal(0, result.Reward);
                break;
            }
            // The batch the action stands for: the model's users left, in arrival order, as many as the memory rule allows.
            var model = round.Catalog.Models[action];
            var members = left.Where(r => r.ModelId == model.Id).OrderBy(r => r.Arrival).ThenBy(r => r.Id).Take(round.MaxBatchSize(model)).ToArray();
            batches.Add(new PlannedBatch(model.Id, members.Select(r => r.Id).ToArray()));
            left.RemoveAll(r => members.Contains(r));
            int now = PlanEvaluator.Evaluate(problem, new Plan(batches.ToArray())).Served;
            Assert.Equal(now - served, result.Reward);
            served = now;
        }
        Assert.True(result.Terminated && !result.Truncated, "a round ends with nothing left to do");
        Assert.True(episode.Over);
        Assert.Equal(stopEarly, left.Count > 0);
        var metrics = episode.Metrics();
        Assert.Equal(served, metrics[OneShotKind.UsersServed]);
        Assert.Equal(rewards, served);
        Assert.Equal(left.Count, metrics[spec.Metrics.Metrics.Single(m => m.Name == "rejected")]);
        Assert.True(steps >= 3, $"{steps} steps");
    }

    /// <summary>The first model with users left, or wait when none is: the same choice whoever asks.</summary>
    private sealed class FirstLeft : IPolicy
    {
        public List<double> Heard { get; } = new();

        public int Act(ReadOnlySpan<double> observation, ReadOnlySpan<bool> mask, double reward, IReadOnlyDictionary<string, double> info)
        {
            Heard.Add(reward);
            return Choose(mask);
        }

        public static int Choose(ReadOnlySpan<bool> mask)
        {
            for (int k = 0; k < mask.Length - 1; k++)
                if (mask[k]) return k;
            return mask.Length - 1;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_policy_in_the_runner_hears_each_batchs_reward_at_the_next_question_and_plans_as_in_the_environment(int replication)
    {
        var spec = Read();
        var scenario = (OneShotScenario)spec.Points[0].Scenario;
        var episode = new ExperimentEnvironment(spec).Reset(replication);
        var rewards = new List<double>();
        while (!episode.Over) rewards.Add(episode.Step(FirstLeft.Choose(episode.Mask)).Reward);

        var policy = new FirstLeft();
        var scheduler = (IBatchScheduler)scenario.Policy(policy, spec.Length);
        var (plan, evaluation, _, _) = StaticRun.Solve(scheduler, StaticRound.Draw(scenario.Catalog, scenario.Site, scenario.Workload, Runner.Streams(spec, 0, replication)));
        // Asked once per batch: the first question carries nothing, each later one what the batch before it earned.
        Assert.Equal(rewards.Count, policy.Heard.Count);
        Assert.Equal(rewards.Prepend(0).Take(rewards.Count), policy.Heard);
        Assert.Equal(rewards.Sum(), evaluation.Served);
        Assert.Equal(rewards.Count, plan.Batches.Count);
        Assert.True(rewards.Count >= 3 && rewards.Sum() > 0, string.Join(", ", rewards));
    }
}

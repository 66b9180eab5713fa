using MathNet.Numerics.LinearAlgebra;
using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Strategies.Network.Online;

namespace Simulator.Strategies.Tests.Network;

public class OnlineLearnerTests
{
    [Fact]
    public void Rank_one_updates_equal_a_fresh_inverse_and_the_mean_is_the_ridge_solution()
    {
        var rng = new Random(1);
        const int d = 6, n = 300;
        var arm = new LinearArm(d);
        var x = Matrix<double>.Build.Dense(n, d, (_, _) => rng.NextDouble() * 4 - 2);
        var p = Vector<double>.Build.Dense(n, _ => rng.NextDouble() * 3);
        for (int i = 0; i < n; i++) arm.Update(x.Row(i).ToArray(), p[i]);
        var b = Matrix<double>.Build.DenseIdentity(d) + x.TransposeThisAndMultiply(x);
        var fresh = b.Inverse();
        Assert.True((arm.Inverse - fresh).Enumerate().Max(Math.Abs) < 1e-9, "B^-1 drifted from a fresh inverse");
        var ridge = b.Solve(x.TransposeThisAndMultiply(p));
        Assert.True((arm.Mean - ridge).Enumerate().Max(Math.Abs) < 1e-9, "mu differs from (I + X^T X)^-1 X^T p");
        Assert.Equal(n, arm.Updates);
    }

    [Fact]
    public void Observations_of_some_coordinates_equal_the_ridge_solution_with_the_others_zero()
    {
        // mec-ol observes a different subset each round; its arm must equal the ridge regression on the full vectors with the unobserved features 0.
        var rng = new Random(2);
        const int dimension = 9, n = 400;
        var arm = new LinearArm(dimension);
        var x = Matrix<double>.Build.Dense(n, dimension);
        var p = Vector<double>.Build.Dense(n, _ => rng.NextDouble() * 3);
        for (int i = 0; i < n; i++)
        {
            var at = Enumerable.Range(0, dimension).Where(_ => rng.NextDouble() < 0.4).ToArray();
            var values = at.Select(_ => rng.NextDouble() * 4 - 2).ToArray();
            for (int j = 0; j < at.Length; j++) x[i, at[j]] = values[j];
            double spread = arm.Spread(at, values), full = arm.Spread(x.Row(i).ToArray());
            Assert.True(Math.Abs(spread - full) < 1e-9, $"round {i}: sparse spread {spread} against {full}");
            Assert.True(Math.Abs(arm.Predict(at, values) - arm.Predict(x.Row(i).ToArray())) < 1e-9);
            arm.Update(at, values, p[i]);
        }
        var b = Matrix<double>.Build.DenseIdentity(dimension) + x.TransposeThisAndMultiply(x);
        Assert.True((arm.Inverse - b.Inverse()).Enumerate().Max(Math.Abs) < 1e-9, "B^-1 drifted from a fresh inverse");
        Assert.True((arm.Mean - b.Solve(x.TransposeThisAndMultiply(p))).Enumerate().Max(Math.Abs) < 1e-9, "mu differs from the ridge solution");
    }

    /// <summary>A bandit without a network: each round a request of a hidden type with a latent context; penalty = -ln(accuracy of the chosen model for that type).</summary>
    private static (double[] Regret, int[] Picks) Play(IOnlineSelector learner, int rounds, int models, LatentContext context, int seed, Func<int, int, double>? accuracyOf = null)
    {
        var streams = new RandomStreams((ulong)seed);
        var world = context.Draw(models, streams);
        var regret = new double[rounds];
        var picks = new int[rounds];
        for (int t = 0; t < rounds; t++)
        {
            var (features, type, accuracy) = world.Request(t, streams);
            var p = Enumerable.Range(0, models).Select(k => -Math.Log(accuracyOf?.Invoke(k, type) ?? accuracy![k])).ToArray();
            var request = new NetworkRequest(t, 0, 0, 1, 1, 0, 0, 1, new double[models], new double[models]) { Context = features, TaskType = type };
            var round = new OnlineRound(t, request, p);
            int k = learner.Choose(round);
            learner.Learn(round, k, p[k]);
            regret[t] = p[k] - p.Min();
            picks[t] = k;
        }
        return (regret, picks);
    }

    [Fact]
    public void With_one_arm_the_regret_is_zero()
    {
        var context = new LatentContext(8, Types: 2, Informative: 2);
        foreach (var learner in new IOnlineSelector[] { new MecOl(new Random(1), d: 4), new MecLinUcb(new Random(2), d: 4), new MecEGreedy(new Random(3)), new MecOracle() })
            Assert.All(Play(learner, 200, 1, context, 5).Regret, r => Assert.Equal(0, r));
    }

    [Fact]
    public void With_a_dominant_arm_and_no_noise_every_learner_converges_to_it()
    {
        // Model 2 is best for every type (accuracy 0.99 against 0.5); every feature is a clean signal of the type.
        var context = new LatentContext(3, Types: 3, Informative: 3, Noise: 0);
        foreach (var learner in new IOnlineSelector[] { new MecOl(new Random(1), d: 3), new MecLinUcb(new Random(2), d: 3), new MecEGreedy(new Random(3), epsilon: 0.1), new MecOracle() })
        {
            // Thompson sampling with the authors' v = 3 draws wide samples and explores longest: it gets more rounds.
            int rounds = learner is MecOl ? 12000 : 3000;
            var (_, picks) = Play(learner, rounds, 4, context, 7, (k, _) => k == 2 ? 0.99 : 0.5);
            double share = picks.Skip(rounds - 500).Count(k => k == 2) / 500.0;
            double early = picks.Skip(500).Take(500).Count(k => k == 2) / 500.0;
            Assert.True(share >= (learner switch { MecEGreedy => 0.85, MecOl => 0.95, _ => 0.98 }), $"{learner.GetType().Name} picks the dominant arm in {share:P1} of the last 500 rounds");
            Assert.True(learner is not MecOl || share > early, $"{learner.GetType().Name}: {early:P1} early, {share:P1} late");
        }
    }

    [Fact]
    public void Mec_ol_counts_each_round_once_per_observed_feature()
    {
        var learner = new MecOl(new Random(4), d: 3);
        Play(learner, 250, 3, new LatentContext(10, Types: 2, Informative: 2), 9);
        var trials = (int[])typeof(MecOl).GetField("trials", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(learner)!;
        var successes = (int[])typeof(MecOl).GetField("successes", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(learner)!;
        Assert.Equal(250 * 3, trials.Sum());
        Assert.All(Enumerable.Range(0, 10), l => Assert.InRange(successes[l], 0, trials[l]));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    public void Mec_ol_comes_to_observe_the_informative_features_and_its_regret_falls(int seed)
    {
        // 30 features of which 3 signal the type; mec-ol observes 6. By chance 3 x 6 / 30 = 0.6 of the 3 would be seen a round.
        var context = new LatentContext(30, Types: 3, Informative: 3, Noise: 0.2);
        var learner = new MecOl(new Random(seed), d: 6);
        var (regret, _) = Play(learner, 30000, 5, context, seed);
        var world = context.Draw(5, new RandomStreams((ulong)seed));
        int found = learner.Preferred.Count(world.Informative.Contains);
        Assert.True(found == 3, $"mec-ol prefers {found} of the 3 informative features ({string.Join(", ", learner.Preferred)}; informative {string.Join(", ", world.Informative)})");
        double early = regret.Take(3000).Average(), late = regret.Skip(27000).Average();
        Assert.True(late < 0.5 * early, $"per-round regret {early:F3} early, {late:F3} late");
    }

    [Fact]
    public void Under_a_latent_context_learners_regret_grows_sublinearly_and_epsilon_greedy_linearly()
    {
        var context = new LatentContext(10, Types: 4, Informative: 4, Noise: 0.2);
        foreach (var (learner, sublinear) in new (IOnlineSelector, bool)[] { (new MecLinUcb(new Random(2), d: 10), true), (new MecOl(new Random(1), d: 10), true), (new MecEGreedy(new Random(3)), false) })
        {
            var (regret, _) = Play(learner, 20000, 5, context, 11);
            double early = regret.Take(2000).Average(), late = regret.Skip(18000).Average();
            if (sublinear) Assert.True(late < 0.5 * early, $"{learner.GetType().Name}: per-round regret {early:F3} early, {late:F3} late");
            else Assert.True(late > 0.7 * early, $"{learner.GetType().Name}: per-round regret {early:F3} early, {late:F3} late: fixed epsilon keeps exploring");
        }
    }
}

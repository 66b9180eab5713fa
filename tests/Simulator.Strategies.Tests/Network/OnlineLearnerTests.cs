using CsCheck;
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
        // Three arms side by side; arm 1 learns, the others must stay at the prior.
        var arms = new LinearArms(3, d);
        var all = Enumerable.Range(0, d).ToArray();
        var x = Matrix<double>.Build.Dense(n, d, (_, _) => rng.NextDouble() * 4 - 2);
        var p = Vector<double>.Build.Dense(n, _ => rng.NextDouble() * 3);
        for (int i = 0; i < n; i++) arms.Update(1, all, x.Row(i).ToArray(), p[i]);
        AssertRidge(arms, 1, x, p);
        Assert.Equal(n, arms.Updates(1));
        foreach (int other in new[] { 0, 2 })
        {
            Assert.Equal(Matrix<double>.Build.DenseIdentity(d), arms.Inverse(other));
            Assert.All(arms.Mean(other), m => Assert.Equal(0, m));
            Assert.Equal(0, arms.Updates(other));
        }
    }

    [Fact]
    public void Observations_of_some_coordinates_equal_the_ridge_solution_with_the_others_zero()
    {
        // mec-ol observes a different subset each round; its arm must equal the ridge regression on the full vectors with the unobserved features 0.
        var rng = new Random(2);
        const int dimension = 9, n = 400;
        var arms = new LinearArms(2, dimension);
        var all = Enumerable.Range(0, dimension).ToArray();
        var x = Matrix<double>.Build.Dense(n, dimension);
        double[] sparse = new double[2], full = new double[2];
        var p = Vector<double>.Build.Dense(n, _ => rng.NextDouble() * 3);
        for (int i = 0; i < n; i++)
        {
            var at = Enumerable.Range(0, dimension).Where(_ => rng.NextDouble() < 0.4).ToArray();
            var values = at.Select(_ => rng.NextDouble() * 4 - 2).ToArray();
            for (int j = 0; j < at.Length; j++) x[i, at[j]] = values[j];
            double spread = arms.Spread(0, at, values), whole = arms.Spread(0, all, x.Row(i).ToArray());
            Assert.True(Math.Abs(spread - whole) < 1e-9, $"round {i}: sparse spread {spread} against {whole}");
            arms.Predict(at, values, sparse);
            arms.Predict(all, x.Row(i).ToArray(), full);
            Assert.True(Math.Abs(sparse[0] - full[0]) < 1e-9);
            arms.Update(0, at, values, p[i]);
        }
        AssertRidge(arms, 0, x, p);
    }

    /// <summary>An arm after the observations X (rows) and penalties p: B^-1 is a fresh (I + X^T X)^-1 and mu the ridge solution, within 1e-9.</summary>
    private static void AssertRidge(LinearArms arms, int arm, Matrix<double> x, Vector<double> p)
    {
        var b = Matrix<double>.Build.DenseIdentity(x.ColumnCount) + x.TransposeThisAndMultiply(x);
        Assert.True((arms.Inverse(arm) - b.Inverse()).Enumerate().Max(Math.Abs) < 1e-9, "B^-1 drifted from a fresh inverse");
        Assert.True((arms.Mean(arm) - b.Solve(x.TransposeThisAndMultiply(p))).Enumerate().Max(Math.Abs) < 1e-9, "mu differs from the ridge solution (I + X^T X)^-1 X^T p");
    }

    [Fact]
    public void The_spread_bound_holds_for_every_arm_after_any_updates()
    {
        // mec-ol skips the arms whose floor, from this bound, is above the best sample: a bound below a spread would change its choice.
        Gen.Select(Gen.Int[1, 12], Gen.Int[0, 60], Gen.Int[0, int.MaxValue]).Sample((dimension, n, seed) =>
        {
            var rng = new Random(seed);
            var arms = new LinearArms(3, dimension);
            double[] bound = new double[3];
            for (int t = 0; t <= n; t++)
            {
                var at = Enumerable.Range(0, dimension).Where(_ => rng.NextDouble() < 0.5).ToArray();
                var values = at.Select(_ => (rng.NextDouble() * 2 - 1) * Math.Pow(10, rng.Next(-2, 3))).ToArray();
                arms.SpreadBound(at, values, bound);
                for (int k = 0; k < 3; k++)
                {
                    double spread = arms.Spread(k, at, values);
                    if (spread > bound[k]) throw new Exception($"arm {k} after {arms.Updates(k)} updates: spread {spread:R} above its bound {bound[k]:R}");
                }
                arms.Update(rng.Next(3), at, values, rng.NextDouble());
            }
        }, iter: 300);
    }

    /// <summary>The full scan mec-ol's pruned draw must equal: every arm's sample b^T mu + v sqrt(b^T B^-1 b) z in arm order, the smallest (first) wins; the top d Beta samples observed.</summary>
    private sealed class FullScanOl(Random rng, int d, double v) : IOnlineSelector
    {
        private readonly Variates draws = new(rng);
        private LinearArms? arms;
        private int[] trials = Array.Empty<int>(), successes = Array.Empty<int>(), features = Array.Empty<int>();
        private double[] observed = Array.Empty<double>(), means = Array.Empty<double>();
        private double baseline;
        private int rounds;

        public int Choose(OnlineRound round)
        {
            int n = round.Features;
            if (arms is null) (arms, trials, successes, means) = (new LinearArms(round.Models, n), new int[n], new int[n], new double[round.Models]);
            var sampled = Enumerable.Range(0, n).Select(l => draws.Beta(1 + successes[l], 1 + trials[l] - successes[l])).ToArray();
            features = Enumerable.Range(0, n).OrderByDescending(l => sampled[l]).ThenBy(l => l).Take(d).Order().ToArray();
            observed = round.Observe(features);
            arms.Predict(features, observed, means);
            int best = 0;
            double bestSample = double.PositiveInfinity;
            for (int k = 0; k < arms.Count; k++)
            {
                double sample = means[k] + v * Math.Sqrt(arms.Spread(k, features, observed)) * draws.Normal();
                if (sample < bestSample) (best, bestSample) = (k, sample);
            }
            return best;
        }

        public void Learn(OnlineRound round, int model, double penalty)
        {
            arms!.Update(model, features, observed, penalty);
            bool success = rounds == 0 || penalty <= baseline;
            foreach (int l in features)
            {
                trials[l]++;
                if (success) successes[l]++;
            }
            rounds++;
            baseline += (penalty - baseline) / rounds;
        }
    }

    [Fact]
    public void Mec_ol_chooses_as_the_full_scan_of_every_arm_does()
    {
        var context = new LatentContext(40, Types: 4, Informative: 4, Noise: 0.2);
        var (_, pruned) = Play(new MecOl(new Random(21), d: 8), 4000, 30, context, 17);
        var (_, full) = Play(new FullScanOl(new Random(21), 8, 3), 4000, 30, context, 17);
        Assert.Equal(full, pruned);
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
    public void A_learner_told_of_a_round_after_later_picks_learns_what_that_round_observed()
    {
        // Under realized feedback a learner hears of a round after choosing in later ones: its update must be the one
        // it would have made at once, from that round's own observation, not from the last round's.
        var streams = new RandomStreams(31);
        var world = new LatentContext(12, Types: 3, Informative: 3).Draw(5, streams);
        OnlineRound Round(int t)
        {
            var (features, type, _) = world.Request(t, streams);
            var request = new NetworkRequest(t, 0, 0, 1, 1, 0, 0, 1, new double[5], new double[5]) { Context = features, TaskType = type };
            return new OnlineRound(t, request, new double[5]);
        }
        static LinearArms Arms(IOnlineSelector learner) => (LinearArms)learner.GetType().GetField("arms", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(learner)!;
        foreach (var make in new Func<IOnlineSelector>[] { () => new MecOl(new Random(5), d: 4), () => new MecLinUcb(new Random(5), d: 4) })
        {
            var (first, second) = (Round(0), Round(1));
            var late = make();
            int k = late.Choose(first);
            late.Choose(second);
            late.Learn(first, k, 1.5);
            var (atOnce, again) = (make(), Round(0));
            Assert.Equal(k, atOnce.Choose(again));
            atOnce.Learn(again, k, 1.5);
            Assert.NotEqual(first.ObservedValues.ToArray(), second.ObservedValues.ToArray());
            for (int arm = 0; arm < 5; arm++)
            {
                Assert.Equal(Arms(atOnce).Mean(arm), Arms(late).Mean(arm));
                Assert.Equal(Arms(atOnce).Inverse(arm), Arms(late).Inverse(arm));
            }
            Assert.NotEqual(Arms(late).Mean(k), Vector<double>.Build.Dense(Arms(late).Mean(k).Count));
        }
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
    public void Where_every_penalty_is_small_the_learners_still_try_the_models_they_have_not_tried()
    {
        // Accuracies 0.99 against 0.9: penalties 0.01 against 0.105, below LinUCB's width alpha |x| for a model it has not
        // tried. Its lower bound makes an untried model look best, so it tries each; a bound on the other side would keep
        // the first model it tried. Greedy without exploration (epsilon 0) takes an untried model before any tried one.
        var context = new LatentContext(3, Types: 3, Informative: 3, Noise: 0);
        foreach (var learner in new IOnlineSelector[] { new MecLinUcb(new Random(2), d: 3), new MecEGreedy(new Random(3), epsilon: 0) })
        {
            var (_, picks) = Play(learner, 2000, 4, context, 7, (k, _) => k == 2 ? 0.99 : 0.9);
            Assert.Equal(4, picks.Take(50).Distinct().Count());
            double share = picks.Skip(1500).Count(k => k == 2) / 500.0;
            Assert.True(share >= 0.98, $"{learner.GetType().Name} picks the best model in {share:P1} of the last 500 rounds");
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

    [Fact]
    public void Mec_ol_comes_to_observe_the_informative_features_and_its_regret_falls()
    {
        // 30 features of which 3 signal the type; mec-ol observes 6, so by chance 6 / 30 = 20 % of the informative ones would be
        // among those it prefers. Over ten worlds it must find nearly all (the per-slot arm of the authors' code found 1 of 3).
        var found = new List<int>();
        double early = 0, late = 0;
        foreach (int seed in Enumerable.Range(10, 10))
        {
            var context = new LatentContext(30, Types: 3, Informative: 3, Noise: 0.2);
            var learner = new MecOl(new Random(seed), d: 6);
            var (regret, _) = Play(learner, 30000, 5, context, seed);
            var world = context.Draw(5, new RandomStreams((ulong)seed));
            found.Add(learner.Preferred.Count(world.Informative.Contains));
            early += regret.Take(3000).Average();
            late += regret.Skip(27000).Average();
        }
        Assert.True(found.All(f => f >= 2) && found.Average() >= 2.5, $"informative features found per world: {string.Join(", ", found)}");
        Assert.True(late < 0.5 * early, $"per-round regret {early / 10:F3} early, {late / 10:F3} late");
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

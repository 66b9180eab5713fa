using MathNet.Numerics.Distributions;
using Simulator.Edge.Network;

namespace Simulator.Strategies.Network.Online;

/// <summary>
/// `mec-ol`: the paper's restricted-context Thompson sampling (the authors' <c>Online/OL.py</c>). Each feature
/// has a Beta(1 + r, 1 + n - r); each round the top d of the sampled values are the features observed. Each
/// model is an arm of linear Thompson sampling with one coefficient per feature, the unobserved ones entering
/// as 0: the penalty sample is N(b^T mu_k, v^2 b^T B_k^-1 b) and the smallest is chosen. Then B_k += b b^T,
/// g_k += b p; every observed feature counts a trial (n += 1) and a success (r += 1) when the penalty is at
/// most the running mean of the penalties so far.
/// Deviations from the authors' code: each round's counts are added once (the code re-adds the running totals
/// every round and never counts a failure); the arm's coefficients belong to features, not to the d slots of
/// b (the code fills b in the order of the sampled values, so a slot means another feature whenever the
/// observed set changes, and what an arm learnt is scrambled: with it, the learner's regret was linear and
/// it observed the informative features no more often than chance).
/// </summary>
[Strategy("mec-ol", "Restricted-context Thompson sampling (the paper's online algorithm): a Beta per feature picks the d observed, linear TS over models on them.", Kind = StrategyKind.Online)]
public sealed class MecOl(Random rng, int d = 20, double v = 3) : IOnlineSelector
{
    private LinearArm[]? arms;
    private int[] trials = Array.Empty<int>(), successes = Array.Empty<int>();
    private double baseline;
    private int rounds;
    private double[] observed = Array.Empty<double>();
    private int[] features = Array.Empty<int>();
    private double[] sampled = Array.Empty<double>();
    private int[] order = Array.Empty<int>();

    /// <summary>The features the Beta posteriors rank highest now (by their means): what the learner has come to observe.</summary>
    public IReadOnlyList<int> Preferred => Enumerable.Range(0, trials.Length).OrderByDescending(l => (1.0 + successes[l]) / (2.0 + trials[l])).ThenBy(l => l).Take(d).Order().ToArray();

    public int Choose(OnlineRound round)
    {
        int n = round.Features;
        if (d < 1 || d > n) throw new InvalidOperationException($"mec-ol observes d = {d} of the {n} context features; give 1 <= d <= {n}.");
        if (arms is null)
        {
            arms = Enumerable.Range(0, round.Models).Select(_ => new LinearArm(n)).ToArray();
            trials = new int[n];
            successes = new int[n];
            sampled = new double[n];
            order = new int[n];
        }
        // The d largest Beta samples (ties to the lower index), then in index order.
        for (int l = 0; l < n; l++)
        {
            sampled[l] = -Beta.Sample(rng, 1 + successes[l], 1 + trials[l] - successes[l]);
            order[l] = l;
        }
        Array.Sort(sampled, order);
        features = order[..d];
        Array.Sort(features);
        observed = round.Observe(features);
        int best = 0;
        double bestSample = double.PositiveInfinity;
        for (int k = 0; k < arms.Length; k++)
        {
            double sample = Normal.Sample(rng, arms[k].Predict(features, observed), v * Math.Sqrt(arms[k].Spread(features, observed)));
            if (sample < bestSample) (best, bestSample) = (k, sample);
        }
        return best;
    }

    public void Learn(OnlineRound round, int model, double penalty)
    {
        arms![model].Update(features, observed, penalty);
        bool success = rounds == 0 || penalty <= baseline;
        foreach (int l in round.Observed)
        {
            trials[l]++;
            if (success) successes[l]++;
        }
        rounds++;
        baseline += (penalty - baseline) / rounds;
    }
}

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
public sealed class MecOl(Random rng, [Domain(1), ContextFeatures] int d = 20, [Domain(0, AboveMin = true, Meaning = "a scale of the sampling variance")] double v = 3) : IOnlineSelector
{
    private readonly Variates draws = new(rng);
    private LinearArms? arms;
    private int[] trials = Array.Empty<int>(), successes = Array.Empty<int>();
    private double baseline;
    private int rounds;
    private int[] features = Array.Empty<int>();
    private double[] top = Array.Empty<double>();
    private double[] predicted = Array.Empty<double>(), noise = Array.Empty<double>(), floor = Array.Empty<double>(), keys = Array.Empty<double>();
    private int[] candidates = Array.Empty<int>();

    /// <summary>The features the Beta posteriors rank highest now (by their means): what the learner has come to observe.</summary>
    public IReadOnlyList<int> Preferred => Enumerable.Range(0, trials.Length).OrderByDescending(l => (1.0 + successes[l]) / (2.0 + trials[l])).ThenBy(l => l).Take(d).Order().ToArray();

    public int Choose(OnlineRound round)
    {
        int n = round.Features;
        if (d < 1 || d > n) throw new InvalidOperationException($"mec-ol observes d = {d} of the {n} context features; give 1 <= d <= {n}.");
        if (arms is null)
        {
            arms = new LinearArms(round.Models, n);
            trials = new int[n];
            successes = new int[n];
            top = new double[d];
            features = new int[d];
            predicted = new double[round.Models];
            noise = new double[round.Models];
            floor = new double[round.Models];
            keys = new double[round.Models];
            candidates = new int[round.Models];
        }
        // The d largest Beta samples (ties to the lower index), kept in a sorted buffer (few samples enter it once
        // it is full), then in index order.
        int kept = 0;
        for (int l = 0; l < n; l++)
        {
            double value = draws.Beta(1 + successes[l], 1 + trials[l] - successes[l]);
            if (kept == d && value <= top[d - 1]) continue;
            int at = kept < d ? kept++ : d - 1;
            for (; at > 0 && top[at - 1] < value; at--)
            {
                top[at] = top[at - 1];
                features[at] = features[at - 1];
            }
            top[at] = value;
            features[at] = l;
        }
        Array.Sort(features);
        return Sample(round.Observe(features));
    }

    /// <summary>
    /// The arm of the smallest sample b^T mu_k + v sqrt(b^T B_k^-1 b) z_k, ties to the lower index. The z_k are drawn
    /// first, in arm order; the O(d^2) spread is then computed only for the arms whose floor (the sample with the spread at its O(d) bound where z_k &lt; 0,
    /// the mean where z_k &gt;= 0) is at most the best sample so far: first the arm of the lowest floor, then the
    /// others below its sample in increasing order of floor. The arm chosen is the one a full scan chooses (a test
    /// pins it), at a fraction of the reads of B^-1.
    /// </summary>
    private int Sample(double[] x)
    {
        arms!.Predict(features, x, predicted);
        arms.SpreadBound(features, x, floor);
        int lowest = 0;
        for (int k = 0; k < arms.Count; k++)
        {
            noise[k] = draws.Normal();
            floor[k] = noise[k] >= 0 ? predicted[k] : predicted[k] + v * Math.Sqrt(floor[k]) * noise[k];
            if (floor[k] < floor[lowest]) lowest = k;
        }
        int best = lowest;
        double bestSample = SampleOf(lowest, x);
        int open = 0;
        for (int k = 0; k < arms.Count; k++)
            if (k != lowest && floor[k] <= bestSample) (keys[open], candidates[open++]) = (floor[k], k);
        Array.Sort(keys, candidates, 0, open);
        for (int c = 0; c < open && keys[c] <= bestSample; c++)
        {
            int k = candidates[c];
            double sample = SampleOf(k, x);
            if (sample < bestSample || (sample == bestSample && k < best)) (best, bestSample) = (k, sample);
        }
        return best;
    }

    private double SampleOf(int arm, double[] x) => predicted[arm] + v * Math.Sqrt(arms!.Spread(arm, features, x)) * noise[arm];

    public void Learn(OnlineRound round, int model, double penalty)
    {
        arms!.Update(model, round.ObservedFeatures, round.ObservedValues, penalty);
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

using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// Randomized rounding of the window's LP : model k with probability x*_jk (unplaced
/// with u*_j), then the base source l with probability y^b*_jkl / x*_jk and the task source likewise, each
/// request on its own. Given k, E[max(pull_b, pull_t)] &lt;= E[pull_b] + E[pull_t] = sum_l y^b s^b / x + sum_l y^t s^t / x,
/// so E[D_j] &lt;= sum_k (sum_l y^b s^b + sum_l y^t s^t) + sum_k x (inference + queueing + transmission)
/// &lt;= 2 P*_j + the linear part &lt;= 2 LP_j: the expected total delay is at most twice the LP's value.
/// A draw that overfills a cloudlet (a pooled rule) leaves its last requests unplaced; with several draws the
/// one placing the most, then with least delay, is kept.
/// </summary>
internal static class Rounding
{
    public static NetworkPlan Best(NetworkView view, WindowPairs pairs, Fraction f, int draws, Random rng)
    {
        NetworkPlan? best = null;
        (int Placed, double Delay) bestScore = (-1, double.PositiveInfinity);
        for (int d = 0; d < Math.Max(1, draws); d++)
        {
            var plan = Draw(view, pairs, f, rng);
            var score = (plan.Assignments.Count(a => a is not null), plan.Assignments.Select((a, j) => a is { } x ? view.Estimates.Terms(j, x).Delay : 0).Sum());
            if (score.Item1 > bestScore.Placed || (score.Item1 == bestScore.Placed && score.Item2 < bestScore.Delay)) (best, bestScore) = (plan, score);
        }
        return best!;
    }

    private static NetworkPlan Draw(NetworkView view, WindowPairs pairs, Fraction f, Random rng)
    {
        var ledger = new CapacityLedger(view);
        var assignments = new Assignment?[f.X.Length];
        for (int j = 0; j < f.X.Length; j++)
        {
            int p = Pick(rng, f.X[j], f.Unplaced[j]);
            if (p < 0) continue;
            int k = pairs.Models[j][p];
            if (!ledger.TryTake(j, k)) continue;
            assignments[j] = new Assignment(k, pairs.Base[j][p][Pick(rng, f.YBase[j][p], 0)].Location, pairs.Task[j][p][Pick(rng, f.YTask[j][p], 0)].Location);
        }
        return new NetworkPlan(assignments);
    }

    /// <summary>An index drawn with probability proportional to the weights; -1 (none) with weight <paramref name="none"/>.</summary>
    private static int Pick(Random rng, double[] weights, double none)
    {
        double total = none + weights.Sum();
        if (weights.Length == 0 || !(total > 0)) return -1;
        double u = rng.NextDouble() * total - none;
        if (u < 0) return -1;
        for (int i = 0; i < weights.Length; i++)
            if ((u -= weights[i]) < 0) return i;
        return Array.FindLastIndex(weights, w => w > 0);
    }
}

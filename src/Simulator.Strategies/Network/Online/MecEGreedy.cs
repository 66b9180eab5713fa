using Simulator.Edge.Network;

namespace Simulator.Strategies.Network.Online;

/// <summary>
/// `mec-egreedy`: context-free epsilon-greedy (the authors' <c>ADMS.py</c> counterpart): with probability epsilon
/// a model at random, otherwise the one with the lowest mean penalty so far (untried models first). With a
/// fixed epsilon its regret grows linearly: it keeps exploring at the same rate.
/// </summary>
[Strategy("mec-egreedy", "Context-free epsilon-greedy over models on the mean penalty (fixed epsilon: linear regret).", Kind = StrategyKind.Online)]
public sealed class MecEGreedy(Random rng, [Domain(0, 1, Meaning = "a probability")] double epsilon = 0.5) : IOnlineSelector
{
    private double[] sums = Array.Empty<double>();
    private int[] counts = Array.Empty<int>();

    public int Choose(OnlineRound round)
    {
        if (counts.Length == 0)
        {
            sums = new double[round.Models];
            counts = new int[round.Models];
        }
        if (rng.NextDouble() < epsilon) return rng.Next(round.Models);
        int best = 0;
        double mean = double.PositiveInfinity;
        for (int k = 0; k < counts.Length; k++)
        {
            double m = counts[k] == 0 ? double.NegativeInfinity : sums[k] / counts[k];
            if (m < mean) (best, mean) = (k, m);
        }
        return best;
    }

    public void Learn(OnlineRound round, int model, double penalty)
    {
        sums[model] += penalty;
        counts[model]++;
    }
}

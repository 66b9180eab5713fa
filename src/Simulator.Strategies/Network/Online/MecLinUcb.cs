using Simulator.Edge.Network;

namespace Simulator.Strategies.Network.Online;

/// <summary>
/// `mec-linucb`: LinUCB (the authors' <c>MAB.py</c> counterpart) on d features drawn at random once, for the
/// whole run, from the strategy's stream: per model a ridge regression of the penalty; the model with the
/// smallest lower confidence bound x^T mu - alpha sqrt(x^T B^-1 x) is chosen.
/// </summary>
[Strategy("mec-linucb", "LinUCB over models on d context features fixed at random; picks the lowest confidence bound of the penalty.", Kind = StrategyKind.Online)]
public sealed class MecLinUcb(Random rng, [Domain(1), ContextFeatures] int d = 20, [Domain(0, AboveMin = true, Meaning = "a confidence width")] double alpha = 0.3) : IOnlineSelector
{
    private LinearArms? arms;
    private int[] features = Array.Empty<int>(), all = Array.Empty<int>();
    private double[] means = Array.Empty<double>();

    public int Choose(OnlineRound round)
    {
        if (d < 1 || d > round.Features) throw new InvalidOperationException($"mec-linucb observes d = {d} of the {round.Features} context features; give 1 <= d <= {round.Features}.");
        if (arms is null)
        {
            arms = new LinearArms(round.Models, d);
            all = Enumerable.Range(0, d).ToArray();
            means = new double[round.Models];
            features = Enumerable.Range(0, round.Features).OrderBy(_ => rng.NextDouble()).Take(d).Order().ToArray();
        }
        var x = round.Observe(features);
        arms.Predict(all, x, means);
        int best = 0;
        double bound = double.PositiveInfinity;
        for (int k = 0; k < arms.Count; k++)
        {
            double b = means[k] - alpha * Math.Sqrt(arms.Spread(k, all, x));
            if (b < bound) (best, bound) = (k, b);
        }
        return best;
    }

    public void Learn(OnlineRound round, int model, double penalty) => arms!.Update(model, all, round.ObservedValues, penalty);
}

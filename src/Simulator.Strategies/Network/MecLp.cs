using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// `mec-lp`: the window's LP relaxation (solved by its pieces, <see cref="WindowLp"/>), a lower bound on every plan's total delay; it is plotted,
/// not executed. It reports the bound and, apart, what the authors' driver plots as "LP": the per-pair
/// sum of max(sum_l y^b s^b, sum_l y^t s^t) plus the linear terms at the LP's solution, which lies above
/// the bound (network.md section 3, item 4).
/// </summary>
[Strategy("mec-lp", "LP relaxation of a network window: a lower bound on total delay (plotted, not executed), with the authors' plotted 'LP' quantity apart.", Kind = StrategyKind.Network, Bound = true)]
public sealed class MecLp : INetworkSelector
{
    public NetworkPlan Select(NetworkView view)
    {
        var pairs = new WindowPairs(view, nearestOnly: true);
        var f = WindowLp.Solve(view, pairs, LpObjective.Delay);
        var instance = view.Instance;
        var est = view.Estimates;
        double plotted = 0, cost = 0, accuracy = 0, placed = 0;
        for (int j = 0; j < f.X.Length; j++)
        {
            var home = instance.Cloudlets[instance.Requests[j].Home];
            double pullB = 0, pullT = 0;
            for (int p = 0; p < f.X[j].Length; p++)
            {
                int k = pairs.Models[j][p];
                double b = Pulled(f.YBase[j][p], pairs.Base[j][p]);
                double t = Pulled(f.YTask[j][p], pairs.Task[j][p]);
                var terms = est.Terms(j, k, 0);
                plotted += Math.Max(b, t) + f.X[j][p] * (terms.Inference + terms.Queueing + terms.Transmission);
                cost += f.X[j][p] * terms.Cost;
                accuracy += f.X[j][p] * instance.Requests[j].Accuracy[k];
                pullB += b;
                pullT += t;
            }
            cost += home.TxPower * Math.Max(pullB, pullT);
            placed += 1 - f.Unplaced[j];
        }
        return NetworkPlan.Bound(f.X.Length, new Relaxation(f.Objective, plotted, placed > 0 ? cost / placed : double.NaN, placed > 0 ? accuracy / placed : double.NaN));
    }

    /// <summary>sum_l y_l s_l: a pair's share of pull seconds over its sources.</summary>
    private static double Pulled(double[] shares, IReadOnlyList<Source> sources)
    {
        double sum = 0;
        for (int l = 0; l < shares.Length; l++) sum += shares[l] * sources[l].Seconds;
        return sum;
    }
}

using CsCheck;
using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Strategies.Network;

namespace Simulator.Strategies.Tests.Network;

/// <summary>
/// The window's LP solved by its pieces equals the general solver (GLOP) on the whole program, for both objectives
/// and both capacity rules, on windows whose aggregated capacities bind and leave requests partly unplaced. (A budget
/// row never binds: every admissible pair meets the budget alone, and a mix costs at most the mix of their costs,
/// since the pull term max(b.x, t.x) is convex.)
/// </summary>
public class WindowLpTests
{
    /// <summary>A random window of up to 24 requests, 8 models and 6 cloudlets; small cloudlets make capacity bind.</summary>
    private static NetworkView Window(Random rng, CapacityRule capacity) =>
        TinyNetworks.Random(rng, capacity, maxModels: 8, maxCloudlets: 6, maxRequests: 24, capacityGB: new Interval(8, 40));

    [Fact]
    public void The_pieces_give_the_general_solvers_value_on_600_windows()
    {
        int windows = 0, capacityBinds = 0, unplacedShare = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var rng = new Random(seed);
            var rule = rng.Next(2) == 0 ? CapacityRule.PerRequest : CapacityRule.Aggregated;
            var view = Window(rng, rule);
            var pairs = new WindowPairs(view, nearestOnly: true);
            foreach (var objective in new[] { LpObjective.Delay, LpObjective.Bargaining })
            {
                var general = NetworkLp.Solve(view, pairs, integer: false, objective);
                var pieces = WindowLp.Solve(view, pairs, objective);
                double scale = Math.Max(1, Math.Abs(general.Objective));
                Assert.True(Math.Abs(general.Objective - pieces.Objective) <= 1e-9 * scale,
                    $"seed {seed}, {rule}, {objective}: GLOP {general.Objective:R}, pieces {pieces.Objective:R}");
                Assert.Equal(general.Unplaced.Sum(), pieces.Unplaced.Sum(), 6);
                Feasible(view, pairs, pieces);
                if (rule == CapacityRule.Aggregated && Binds(view, pairs, pieces)) capacityBinds++;
                if (pieces.Unplaced.Any(u => u > 1e-9 && u < 1 - 1e-9)) unplacedShare++;
            }
            windows++;
        }, iter: 600, threads: 1);
        Assert.Equal(600, windows);
        Assert.True(capacityBinds >= 100, $"only {capacityBinds} solutions with a binding capacity row");
        Assert.True(unplacedShare >= 5, $"only {unplacedShare} solutions with a request partly unplaced");
        Console.WriteLine($"{windows} windows; solutions with a binding capacity row {capacityBinds}, with a request partly unplaced {unplacedShare}");
    }

    /// <summary>The pieces' solution meets every row of the program it solves.</summary>
    private static void Feasible(NetworkView view, WindowPairs pairs, Fraction f)
    {
        var instance = view.Instance;
        for (int j = 0; j < f.X.Length; j++)
        {
            Assert.Equal(1, f.X[j].Sum() + (pairs.Models[j].Length == 0 ? 1 : f.Unplaced[j]), 9);
            for (int p = 0; p < f.X[j].Length; p++)
            {
                Assert.True(f.X[j][p] >= 0);
                Assert.Equal(f.X[j][p], f.YBase[j][p].Sum(), 12);
                Assert.Equal(f.X[j][p], f.YTask[j][p].Sum(), 12);
            }
        }
        var used = Used(view, pairs, f);
        if (instance.Rules.Capacity == CapacityRule.Aggregated)
            for (int h = 0; h < used.Length; h++) Assert.True(used[h] <= instance.Cloudlets[h].CapacityBytes * (1 + 1e-9), $"cloudlet {h} over capacity");
    }

    private static bool Binds(NetworkView view, WindowPairs pairs, Fraction f)
    {
        var used = Used(view, pairs, f);
        return Enumerable.Range(0, used.Length).Any(h => used[h] > 0 && used[h] >= view.Instance.Cloudlets[h].CapacityBytes * (1 - 1e-9));
    }

    /// <summary>The capacity each cloudlet's requests take in the solution (bytes).</summary>
    private static double[] Used(NetworkView view, WindowPairs pairs, Fraction f)
    {
        var instance = view.Instance;
        var used = new double[instance.Cloudlets.Count];
        for (int j = 0; j < f.X.Length; j++)
            for (int p = 0; p < f.X[j].Length; p++) used[instance.Requests[j].Home] += f.X[j][p] * view.Estimates.CapacityUse(pairs.Models[j][p]);
        return used;
    }
}

using Google.OrTools.LinearSolver;
using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>How <c>mec-ilp</c> finds the optimum.</summary>
public enum IlpFormulation
{
    /// <summary>Nearest holders, then one small exact problem per request or per cloudlet (network.md section 3).</summary>
    Decomposed,

    /// <summary>The whole window as one ILP with source variables (SCIP): the reference the decomposition is checked against.</summary>
    Full,
}

/// <summary>
/// `mec-ilp`: the exact optimum of the window's total delay. network.md section 3 gives the structure the
/// decomposition uses, and the tests check it against the full ILP and a brute force:
/// (1) with no capacity or contention at sources and delay and cost both increasing in each pull, the
/// nearest holders of the chosen model's parts are optimal, so D_jk is a constant; (2) accuracy and
/// budget only remove pairs; (3) capacity couples only requests with the same home, so under the
/// per-request rule each request takes its quickest admissible model, and under the aggregated rule each
/// cloudlet is a multiple-choice knapsack (placing the most requests first), solved exactly by SCIP; under the
/// store rule the same, its capacity row counting each stored group once.
/// </summary>
[Strategy("mec-ilp", "Exact optimum of a network window's total delay: nearest holders and one exact problem per cloudlet (formulation: decomposed), or the full ILP with source variables (formulation: full).", Kind = StrategyKind.Network)]
public sealed class MecIlp(IlpFormulation formulation = IlpFormulation.Decomposed) : INetworkSelector
{
    public NetworkPlan Select(NetworkView view)
    {
        var pairs = new WindowPairs(view);
        if (formulation == IlpFormulation.Full) return NetworkLp.ToPlan(NetworkLp.Solve(view, pairs, integer: true, LpObjective.Delay), pairs);
        var instance = view.Instance;
        var est = view.Estimates;
        int n = instance.Requests.Count;
        var delay = new double[n][];
        for (int j = 0; j < n; j++) delay[j] = pairs.Models[j].Select(k => est.NearestTerms(j, k).Delay).ToArray();
        var pick = new int[n];
        if (instance.Rules.Capacity == CapacityRule.PerRequest)
            for (int j = 0; j < n; j++) pick[j] = Quickest(delay[j]);
        else
            foreach (var group in Enumerable.Range(0, n).GroupBy(j => instance.Requests[j].Home))
                Knapsack(view, group.ToArray(), instance.Cloudlets[group.Key].CapacityBytes, pairs, delay, pick);
        return new NetworkPlan(Enumerable.Range(0, n).Select(j => pick[j] < 0 ? (Assignment?)null : Nearest(view, j, pairs.Models[j][pick[j]])).ToArray());
    }

    /// <summary>The index of a request's quickest candidate (the first of equals), or -1 for none.</summary>
    private static int Quickest(double[] delays) => delays.Length == 0 ? -1 : Array.IndexOf(delays, delays.Min());

    /// <summary>Model k for request j with both parts from their nearest holders.</summary>
    internal static Assignment Nearest(NetworkView view, int j, int k, bool sharing = true)
    {
        int home = view.Instance.Requests[j].Home;
        return new Assignment(k, view.Estimates.NearestBase(home, k, sharing).Location, view.Estimates.NearestTask(home, k).Location);
    }

    /// <summary>
    /// One cloudlet's requests: at most one model each within the capacity, most placed first, then least delay. Under
    /// the store rule the capacity row counts each stored group once (<see cref="StoredParts"/>) instead of each choice.
    /// </summary>
    private static void Knapsack(NetworkView view, int[] requests, double capacity, WindowPairs pairs, double[][] delay, int[] pick)
    {
        var est = view.Estimates;
        bool store = view.Instance.Rules.Capacity == CapacityRule.Store;
        if (store)
        {
            // Each request's quickest model places every request with the least delay there is: where those fit the store,
            // nothing better exists and no solver is needed.
            var quickest = requests.ToDictionary(j => j, j => Quickest(delay[j]));
            if (StoredParts.Fits(view, pairs, requests, (j, p) => p == quickest[j] ? 1 : 0))
            {
                foreach (int j in requests) pick[j] = quickest[j];
                return;
            }
        }
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools offers no SCIP solver here.");
        double penalty = 1 + requests.Sum(j => delay[j].DefaultIfEmpty(0).Max());
        var row = solver.MakeConstraint(double.NegativeInfinity, capacity / Edge.Units.GB, "capacity"); // in GB: well conditioned
        var objective = solver.Objective();
        var x = new Variable[requests.Length][];
        for (int i = 0; i < requests.Length; i++)
        {
            int j = requests[i];
            var one = solver.MakeConstraint(double.NegativeInfinity, 1, $"one{j}");
            x[i] = new Variable[pairs.Models[j].Length];
            for (int p = 0; p < x[i].Length; p++)
            {
                x[i][p] = solver.MakeBoolVar($"x{j}_{p}");
                one.SetCoefficient(x[i][p], 1);
                if (!store) row.SetCoefficient(x[i][p], est.CapacityUse(pairs.Models[j][p]) / Edge.Units.GB);
                objective.SetCoefficient(x[i][p], delay[j][p] - penalty);
            }
        }
        if (store) StoredParts.AddRows(solver, integer: true, row, view, requests.SelectMany((j, i) => pairs.Models[j].Select((k, p) => (k, x[i][p]))).ToArray(), "store");
        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL) throw new InvalidOperationException("A cloudlet's knapsack did not solve to optimality.");
        for (int i = 0; i < requests.Length; i++) pick[requests[i]] = Array.FindIndex(x[i], v => v.SolutionValue() > 0.5);
    }
}

using Google.OrTools.LinearSolver;
using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>What the window's program minimises.</summary>
public enum LpObjective
{
    /// <summary>Total delay (the paper's ILP and LP).</summary>
    Delay,

    /// <summary>The weighted surplus of NBS: minimise 1e-4 cost - accuracy (maximise 1e-4 (budget - cost) + (accuracy - requirement)).</summary>
    Bargaining,
}

/// <summary>A solution of the window's program: per request and admissible pair, x; per pair, y over its base and task sources; u, the unplaced share.</summary>
internal sealed record Fraction(double[][] X, double[][][] YBase, double[][][] YTask, double[] Unplaced, double Objective);

/// <summary>
/// The window's program with source variables (docs/network.md section 3): x_jk, y^b_jkl, y^t_jkl, a pull
/// epigraph P_j >= sum y^b s^b and P_j >= sum y^t s^t per request, sum_l y_jkl = x_jk, the budget row
/// sum_k x_jk (cost_jk without pulling) + P^tx_h P_j &lt;= B_j, and, under the aggregated rule, one capacity
/// row per cloudlet; under the store rule that row counts each stored group's indicator z_g &gt;= x_jk instead
/// (<see cref="StoredParts"/>). Pairs that fail on their own (accuracy, per-request capacity, budget at the nearest
/// sources) are left out, which gives the same integer optima as the authors' rows and a tighter
/// relaxation. Under either pooled rule a request may stay unplaced (u_j): the program first places as
/// much as it can (min sum u), then, on that optimal face, minimises its objective. No finite penalty would do
/// in the LP: placing a sliver more of one request can force arbitrarily large fractional switches of
/// others. Continuous (GLOP) it is the LP; integer (SCIP) the ILP.
/// </summary>
internal static class NetworkLp
{
    public static Fraction Solve(NetworkView view, WindowPairs pairs, bool integer, LpObjective objective)
    {
        if (integer || !view.Instance.Rules.Capacity.Pooled()) return Build(view, pairs, integer, objective, null).Solution!;
        // Continuous with unplaced shares: phase 1 (fewest unplaced) in one model, phase 2 in a fresh one restricted to
        // phase 1's optimal face exactly (complementary slackness: a variable with a reduced cost stays at its bound,
        // a row with a dual value stays tight). A row "placed <= fewest" would need a slack, and a slack of 1e-13
        // already moved the second objective by 1e-9 of its value.
        var face = Build(view, pairs, integer: false, objective, null).Face!;
        return Build(view, pairs, integer: false, objective, face).Solution!;
    }

    /// <summary>Phase 1's optimal face: reduced costs by variable and dual values by row, in creation order.</summary>
    private sealed record Face(double[] ReducedCosts, double[] Duals);

    /// <summary>What one model gives: the solution, or (phase 1 of the continuous program with unplaced shares) its optimal face.</summary>
    private sealed record Solved(Fraction? Solution, Face? Face);

    /// <summary>
    /// The program; continuous under a pooled rule, phase 1 alone when <paramref name="face"/> is null (its face
    /// returned), phase 2 on <paramref name="face"/> otherwise; integer, both phases in one model.
    /// </summary>
    private static Solved Build(NetworkView view, WindowPairs pairs, bool integer, LpObjective objective, Face? face)
    {
        var instance = view.Instance;
        var est = view.Estimates;
        using var solver = Solver.CreateSolver(integer ? "SCIP" : "GLOP") ?? throw new InvalidOperationException($"OR-Tools offers no {(integer ? "SCIP" : "GLOP")} solver here.");
        // As the oracle of the pieces' exact solution, the LP is solved to tolerances far below the 1e-9 it is held to.
        if (!integer && !solver.SetSolverSpecificParametersAsString("use_preprocessing: false primal_feasibility_tolerance: 1e-12 dual_feasibility_tolerance: 1e-12"))
            throw new InvalidOperationException("GLOP refused its tolerances.");
        int n = instance.Requests.Count;
        var rule = instance.Rules.Capacity;
        bool pooled = rule.Pooled();
        var x = new Variable[n][];
        var yb = new Variable[n][][];
        var yt = new Variable[n][][];
        var u = new Variable?[n];
        var obj = solver.Objective();
        var coefficients = new double[n][];
        var pullCoefficient = new double[n];
        for (int j = 0; j < n; j++)
        {
            var models = pairs.Models[j];
            coefficients[j] = new double[models.Length];
            var home = instance.Cloudlets[instance.Requests[j].Home];
            pullCoefficient[j] = objective == LpObjective.Delay ? 1 : 1e-4 * home.TxPower;
            for (int p = 0; p < models.Length; p++)
            {
                var terms = est.Terms(j, models[p], 0);
                coefficients[j][p] = objective == LpObjective.Delay ? terms.Inference + terms.Queueing + terms.Transmission : 1e-4 * terms.Cost - instance.Requests[j].Accuracy[models[p]];
            }
        }
        for (int j = 0; j < n; j++)
        {
            var models = pairs.Models[j];
            var request = instance.Requests[j];
            var home = instance.Cloudlets[request.Home];
            x[j] = new Variable[models.Length];
            yb[j] = new Variable[models.Length][];
            yt[j] = new Variable[models.Length][];
            if (models.Length == 0) continue;
            var pull = solver.MakeNumVar(0, double.PositiveInfinity, $"P{j}");
            obj.SetCoefficient(pull, pullCoefficient[j]);
            var one = solver.MakeConstraint(1, 1, $"one{j}");
            if (pooled)
            {
                u[j] = integer ? solver.MakeIntVar(0, 1, $"u{j}") : solver.MakeNumVar(0, 1, $"u{j}");
                one.SetCoefficient(u[j], 1);
            }
            var baseRow = solver.MakeConstraint(double.NegativeInfinity, 0, $"pb{j}");
            var taskRow = solver.MakeConstraint(double.NegativeInfinity, 0, $"pt{j}");
            baseRow.SetCoefficient(pull, -1);
            taskRow.SetCoefficient(pull, -1);
            var budget = solver.MakeConstraint(double.NegativeInfinity, request.Budget, $"budget{j}");
            budget.SetCoefficient(pull, home.TxPower);
            for (int p = 0; p < models.Length; p++)
            {
                x[j][p] = integer ? solver.MakeIntVar(0, 1, $"x{j}_{p}") : solver.MakeNumVar(0, 1, $"x{j}_{p}");
                one.SetCoefficient(x[j][p], 1);
                obj.SetCoefficient(x[j][p], coefficients[j][p]);
                budget.SetCoefficient(x[j][p], est.Terms(j, models[p], 0).Cost);
                yb[j][p] = Sources(solver, integer, x[j][p], pairs.Base[j][p], baseRow, $"yb{j}_{p}");
                yt[j][p] = Sources(solver, integer, x[j][p], pairs.Task[j][p], taskRow, $"yt{j}_{p}");
            }
        }
        if (pooled)
            foreach (var group in Enumerable.Range(0, n).GroupBy(j => instance.Requests[j].Home))
            {
                // In GB: coefficients near 1 keep the simplex well conditioned.
                var row = solver.MakeConstraint(double.NegativeInfinity, instance.Cloudlets[group.Key].CapacityBytes / Edge.Units.GB, $"capacity{group.Key}");
                if (rule == CapacityRule.Aggregated)
                    foreach (int j in group)
                        for (int p = 0; p < pairs.Models[j].Length; p++) row.SetCoefficient(x[j][p], est.CapacityUse(pairs.Models[j][p]) / Edge.Units.GB);
                else
                    StoredParts.AddRows(solver, integer, row, view, group.SelectMany(j => pairs.Models[j].Select((k, p) => (k, x[j][p]))).ToArray(), $"store{group.Key}");
            }
        obj.SetMinimization();
        var placing = u.OfType<Variable>().ToArray();
        if (face is not null)
        {
            var variables = solver.variables();
            for (int i = 0; i < variables.Count; i++)
            {
                if (face.ReducedCosts[i] > 1e-9) variables[i].SetUb(variables[i].Lb());
                else if (face.ReducedCosts[i] < -1e-9) variables[i].SetLb(variables[i].Ub());
            }
            var constraints = solver.constraints();
            for (int i = 0; i < constraints.Count; i++)
                if (Math.Abs(face.Duals[i]) > 1e-9)
                {
                    var row = constraints[i];
                    double at = row.Lb() == row.Ub() ? row.Lb() : double.IsNegativeInfinity(row.Lb()) ? row.Ub() : row.Lb();
                    row.SetBounds(at, at);
                }
        }
        else if (placing.Length > 0)
        {
            // Phase 1: the fewest unplaced. Phase 2 keeps that and minimises the objective.
            var objectiveTerms = solver.variables().Select(v => (v, obj.GetCoefficient(v))).Where(t => t.Item2 != 0).ToArray();
            foreach (var (v, _) in objectiveTerms) obj.SetCoefficient(v, 0);
            foreach (var v in placing) obj.SetCoefficient(v, 1);
            Check(solver.Solve(), integer);
            if (!integer)
                return new Solved(null, new Face(solver.variables().Select(v => v.ReducedCost()).ToArray(), solver.constraints().Select(c => c.DualValue()).ToArray()));
            double fewest = placing.Sum(v => v.SolutionValue());
            var keep = solver.MakeConstraint(double.NegativeInfinity, Math.Round(fewest) + 0.5, "placed");
            foreach (var v in placing) keep.SetCoefficient(v, 1);
            foreach (var v in placing) obj.SetCoefficient(v, 0);
            foreach (var (v, c) in objectiveTerms) obj.SetCoefficient(v, c);
        }
        Check(solver.Solve(), integer);
        double[] Values(Variable[] vars) => vars.Select(v => Math.Clamp(v.SolutionValue(), 0, 1)).ToArray();
        var fraction = new Fraction(
            x.Select(Values).ToArray(),
            yb.Select(r => r.Select(Values).ToArray()).ToArray(),
            yt.Select(r => r.Select(Values).ToArray()).ToArray(),
            Enumerable.Range(0, n).Select(j => pairs.Models[j].Length == 0 ? 1 : u[j] is { } v ? Math.Clamp(v.SolutionValue(), 0, 1) : 0).ToArray(),
            obj.Value());
        return new Solved(fraction, null);
    }

    private static void Check(Solver.ResultStatus status, bool integer)
    {
        if (status != Solver.ResultStatus.OPTIMAL) throw new InvalidOperationException($"The window's {(integer ? "ILP" : "LP")} ended {status}, not optimal.");
    }

    private static Variable[] Sources(Solver solver, bool integer, Variable x, IReadOnlyList<Source> sources, Constraint pullRow, string name)
    {
        var ys = new Variable[sources.Count];
        var link = solver.MakeConstraint(0, 0, name);
        link.SetCoefficient(x, -1);
        for (int l = 0; l < sources.Count; l++)
        {
            ys[l] = integer ? solver.MakeIntVar(0, 1, $"{name}_{l}") : solver.MakeNumVar(0, 1, $"{name}_{l}");
            link.SetCoefficient(ys[l], 1);
            pullRow.SetCoefficient(ys[l], sources[l].Seconds);
        }
        return ys;
    }

    /// <summary>An integer solution as a plan: the pair with x = 1 and the sources with y = 1.</summary>
    public static NetworkPlan ToPlan(Fraction f, WindowPairs pairs)
    {
        var assignments = new Assignment?[f.X.Length];
        for (int j = 0; j < f.X.Length; j++)
        {
            int p = Array.FindIndex(f.X[j], v => v > 0.5);
            if (p < 0) continue;
            assignments[j] = new Assignment(pairs.Models[j][p], pairs.Base[j][p][Array.FindIndex(f.YBase[j][p], v => v > 0.5)].Location, pairs.Task[j][p][Array.FindIndex(f.YTask[j][p], v => v > 0.5)].Location);
        }
        return new NetworkPlan(assignments);
    }
}

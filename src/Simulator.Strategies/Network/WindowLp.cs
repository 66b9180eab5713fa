using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// The window's LP (<see cref="NetworkLp"/>'s program, continuous) solved by its pieces. With nearest holders only,
/// a part's sources all pull in the same time, so sum_l y_jkl s_l = x_jk s_jk and the source variables drop out;
/// every remaining row belongs to one request (its choice, its two pull rows, its budget) except the aggregated
/// capacity row, which binds the requests of one home cloudlet. So the program separates: one piece per request
/// under the per-request rule, one per home cloudlet under the aggregated rule, each a few rows over that piece's
/// pairs, solved exactly by <see cref="DenseSimplex"/> ("place the most, then least delay" as a lexicographic pair
/// of objectives). The sum of the pieces' optima is the window's optimum; a property test checks it against GLOP
/// on the whole program.
/// </summary>
internal static class WindowLp
{
    public static Fraction Solve(NetworkView view, WindowPairs pairs, LpObjective objective)
    {
        if (view.Instance.Rules.Capacity != CapacityRule.Store) return Pieces(view, pairs, objective, aggregated: view.Instance.Rules.Capacity == CapacityRule.Aggregated);
        // A part store's row binds a cloudlet's requests through the groups they share, so its pieces are no longer the
        // few rows the dense simplex takes. Without the row the pieces are each request's own; where their optimum fits
        // every store it is the optimum with the rows too (it meets them, and dropping rows can only lower the value).
        // Otherwise the whole program goes to the general solver.
        var free = Pieces(view, pairs, objective, aggregated: false);
        var instance = view.Instance;
        bool fits = Enumerable.Range(0, instance.Requests.Count).GroupBy(j => instance.Requests[j].Home)
            .All(g => StoredParts.Fits(view, pairs, g.ToArray(), (j, p) => free.X[j][p]));
        return fits ? free : NetworkLp.Solve(view, pairs, integer: false, objective);
    }

    /// <summary>The program by its pieces: one per home cloudlet under the aggregated row (<paramref name="aggregated"/>), else one per request.</summary>
    internal static Fraction Pieces(NetworkView view, WindowPairs pairs, LpObjective objective, bool aggregated)
    {
        var instance = view.Instance;
        int n = instance.Requests.Count;
        var x = new double[n][];
        var yb = new double[n][][];
        var yt = new double[n][][];
        var unplaced = new double[n];
        for (int j = 0; j < n; j++)
        {
            int models = pairs.Models[j].Length;
            x[j] = new double[models];
            yb[j] = pairs.Base[j].Select(s => new double[s.Count]).ToArray();
            yt[j] = pairs.Task[j].Select(s => new double[s.Count]).ToArray();
            unplaced[j] = models == 0 ? 1 : 0;
        }
        var pieces = aggregated
            ? Enumerable.Range(0, n).Where(j => pairs.Models[j].Length > 0).GroupBy(j => instance.Requests[j].Home).Select(g => (g.Key, g.ToArray()))
            : Enumerable.Range(0, n).Where(j => pairs.Models[j].Length > 0).Select(j => (instance.Requests[j].Home, new[] { j }));
        double total = 0;
        foreach (var (home, requests) in pieces)
            total += SolvePiece(view, pairs, objective, aggregated, home, requests, x, yb, yt, unplaced);
        return new Fraction(x, yb, yt, unplaced, total);
    }

    private static double SolvePiece(NetworkView view, WindowPairs pairs, LpObjective objective, bool aggregated, int home, int[] requests,
        double[][] x, double[][][] yb, double[][][] yt, double[] unplaced)
    {
        var instance = view.Instance;
        var est = view.Estimates;
        // Variables per request: its pairs' x, then P, then (aggregated) u.
        var first = new int[requests.Length];
        int n = 0;
        for (int r = 0; r < requests.Length; r++)
        {
            first[r] = n;
            n += pairs.Models[requests[r]].Length + 1 + (aggregated ? 1 : 0);
        }
        var rows = new List<SimplexRow>(4 * requests.Length + 1);
        var cost = new double[n];
        var placing = new double[n];
        var capacity = aggregated ? new double[n] : null;
        for (int r = 0; r < requests.Length; r++)
        {
            int j = requests[r];
            var models = pairs.Models[j];
            var request = instance.Requests[j];
            var cloudlet = instance.Cloudlets[request.Home];
            int pull = first[r] + models.Length;
            var one = new double[n];
            var baseRow = new double[n];
            var taskRow = new double[n];
            var budget = new double[n];
            for (int p = 0; p < models.Length; p++)
            {
                int v = first[r] + p;
                var terms = est.Terms(j, models[p], 0);
                one[v] = 1;
                baseRow[v] = Nearest(pairs.Base[j][p]);
                taskRow[v] = Nearest(pairs.Task[j][p]);
                budget[v] = terms.Cost;
                cost[v] = objective == LpObjective.Delay ? terms.Inference + terms.Queueing + terms.Transmission : 1e-4 * terms.Cost - request.Accuracy[models[p]];
                if (capacity is not null) capacity[v] = est.CapacityUse(models[p]) / Edge.Units.GB;
            }
            baseRow[pull] = -1;
            taskRow[pull] = -1;
            budget[pull] = cloudlet.TxPower;
            cost[pull] = objective == LpObjective.Delay ? 1 : 1e-4 * cloudlet.TxPower;
            if (aggregated)
            {
                one[pull + 1] = 1;
                placing[pull + 1] = 1;
            }
            rows.Add(new SimplexRow(one, true, 1));
            rows.Add(new SimplexRow(baseRow, false, 0));
            rows.Add(new SimplexRow(taskRow, false, 0));
            rows.Add(new SimplexRow(budget, false, request.Budget));
        }
        if (capacity is not null) rows.Add(new SimplexRow(capacity, false, instance.Cloudlets[home].CapacityBytes / Edge.Units.GB));
        var solution = DenseSimplex.Solve(n, rows, aggregated ? new[] { placing, cost } : new[] { cost })
            ?? throw new InvalidOperationException($"The window's LP has no solution at cloudlet {home}: every admissible pair meets its rows alone.");
        double value = 0;
        for (int v = 0; v < n; v++) value += cost[v] * solution[v];
        for (int r = 0; r < requests.Length; r++)
        {
            int j = requests[r];
            for (int p = 0; p < pairs.Models[j].Length; p++)
            {
                double share = Math.Clamp(solution[first[r] + p], 0, 1);
                x[j][p] = share;
                // Every kept source pulls in the same time: the first carries the pair's whole share.
                yb[j][p][0] = share;
                yt[j][p][0] = share;
            }
            if (aggregated) unplaced[j] = Math.Clamp(solution[first[r] + pairs.Models[j].Length + 1], 0, 1);
        }
        return value;
    }

    /// <summary>The pull time shared by the kept sources (nearest holders only: they are all the same).</summary>
    private static double Nearest(IReadOnlyList<Source> sources)
    {
        double s = sources[0].Seconds;
        for (int l = 1; l < sources.Count; l++)
            if (sources[l].Seconds != s) throw new InvalidOperationException("WindowLp needs the nearest holders only (WindowPairs with nearestOnly).");
        return s;
    }
}

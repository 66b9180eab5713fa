namespace Simulator.Strategies.Network;

/// <summary>One row of a small linear program over non-negative variables: sum a_i x_i (&lt;= or =) rhs, rhs &gt;= 0.</summary>
internal readonly record struct SimplexRow(double[] Coefficients, bool Equality, double Rhs);

/// <summary>
/// A dense tableau simplex for the small programs a window's LP separates into (one request, or one cloudlet's
/// requests). Several objectives are minimised lexicographically: after each, the columns whose reduced cost is
/// positive are fixed at zero, so the next one ranges over the previous one's optimal face exactly (the window's
/// "place the most, then least delay"). Entering columns by the most negative reduced cost, switching to Bland's
/// smallest index after a run of degenerate pivots, so it cannot cycle. The general solver (GLOP) stays the oracle
/// it is checked against.
/// </summary>
internal static class DenseSimplex
{
    private const double Eps = 1e-11;

    /// <summary>The optimal values of the <paramref name="n"/> variables, or null when the rows admit none.</summary>
    public static double[]? Solve(int n, IReadOnlyList<SimplexRow> rows, IReadOnlyList<double[]> objectives)
    {
        int m = rows.Count;
        int slacks = rows.Count(r => !r.Equality);
        int artificials = m - slacks;
        int columns = n + slacks + artificials;
        int rhs = columns;
        var t = new double[m][];
        var basis = new int[m];
        var banned = new bool[columns];
        int s = n, a = n + slacks;
        for (int i = 0; i < m; i++)
        {
            var row = t[i] = new double[columns + 1];
            Array.Copy(rows[i].Coefficients, row, n);
            row[rhs] = rows[i].Rhs;
            if (rows[i].Equality) { row[a] = 1; basis[i] = a++; }
            else { row[s] = 1; basis[i] = s++; }
        }
        if (artificials > 0)
        {
            var phase1 = new double[columns];
            for (int c = n + slacks; c < columns; c++) phase1[c] = 1;
            if (Optimise(t, basis, banned, phase1, rhs) > 1e-9 * (1 + rows.Sum(r => r.Rhs))) return null;
            // Artificials still basic sit at zero: pivot each out on any usable column, or leave its row redundant.
            for (int i = 0; i < m; i++)
            {
                if (basis[i] < n + slacks) continue;
                int enter = -1;
                for (int c = 0; c < n + slacks && enter < 0; c++) if (Math.Abs(t[i][c]) > 1e-9) enter = c;
                if (enter >= 0) Pivot(t, basis, i, enter);
            }
            for (int c = n + slacks; c < columns; c++) banned[c] = true;
        }
        foreach (var objective in objectives)
        {
            var cost = new double[columns];
            Array.Copy(objective, cost, n);
            Optimise(t, basis, banned, cost, rhs);
            var reduced = Reduced(t, basis, cost, columns);
            double scale = 1 + objective.Max(Math.Abs);
            for (int c = 0; c < columns; c++) if (reduced[c] > 1e-9 * scale) banned[c] = true;
        }
        var x = new double[n];
        for (int i = 0; i < m; i++) if (basis[i] < n) x[basis[i]] = Math.Max(0, t[i][rhs]);
        return x;
    }

    /// <summary>Minimises cost over the current basis; returns the objective's value.</summary>
    private static double Optimise(double[][] t, int[] basis, bool[] banned, double[] cost, int rhs)
    {
        int columns = cost.Length;
        int degenerate = 0;
        // The reduced costs are kept as the tableau's objective row: pivoted along, not recomputed.
        var reduced = Reduced(t, basis, cost, columns);
        double scale = 1;
        foreach (double c in cost) scale = Math.Max(scale, Math.Abs(c) + 1);
        double tolerance = -Eps * scale;
        for (int iteration = 0; iteration < 50_000; iteration++)
        {
            bool bland = degenerate > 20;
            int enter = -1;
            double best = tolerance;
            for (int c = 0; c < columns; c++)
            {
                if (banned[c] || reduced[c] >= best) continue;
                enter = c;
                if (bland) break;
                best = reduced[c];
            }
            if (enter < 0) return Value(t, basis, cost, rhs);
            int leave = -1;
            double ratio = double.PositiveInfinity;
            for (int i = 0; i < t.Length; i++)
            {
                double pivot = t[i][enter];
                if (pivot <= 1e-12) continue;
                double r = t[i][rhs] / pivot;
                if (r < ratio - 1e-15 || (r <= ratio + 1e-15 && leave >= 0 && basis[i] < basis[leave])) { ratio = r; leave = i; }
            }
            if (leave < 0) throw new InvalidOperationException("A window's LP piece is unbounded; its rows bound every variable.");
            degenerate = ratio <= 1e-15 ? degenerate + 1 : 0;
            Pivot(t, basis, leave, enter);
            double f = reduced[enter];
            var row = t[leave];
            for (int c = 0; c < columns; c++) reduced[c] -= f * row[c];
            reduced[enter] = 0;
        }
        throw new InvalidOperationException("A window's LP piece did not converge in 50,000 pivots.");
    }

    private static double[] Reduced(double[][] t, int[] basis, double[] cost, int columns)
    {
        var reduced = (double[])cost.Clone();
        for (int i = 0; i < t.Length; i++)
        {
            double cb = cost[basis[i]];
            if (cb == 0) continue;
            var row = t[i];
            for (int c = 0; c < columns; c++) reduced[c] -= cb * row[c];
        }
        return reduced;
    }

    private static double Value(double[][] t, int[] basis, double[] cost, int rhs)
    {
        double v = 0;
        for (int i = 0; i < t.Length; i++) v += cost[basis[i]] * t[i][rhs];
        return v;
    }

    private static void Pivot(double[][] t, int[] basis, int leave, int enter)
    {
        var p = t[leave];
        double inv = 1 / p[enter];
        for (int c = 0; c < p.Length; c++) p[c] *= inv;
        p[enter] = 1;
        for (int i = 0; i < t.Length; i++)
        {
            if (i == leave) continue;
            var row = t[i];
            double f = row[enter];
            if (f == 0) continue;
            for (int c = 0; c < row.Length; c++) row[c] -= f * p[c];
            row[enter] = 0;
        }
        basis[leave] = enter;
    }
}

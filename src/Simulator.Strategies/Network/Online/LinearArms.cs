using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using Lanes = System.Numerics.Vector<double>;

namespace Simulator.Strategies.Network.Online;

/// <summary>
/// The arms of a linear bandit: per arm a ridge regression of the penalty on a D-vector, B = I + sum x x^T,
/// g = sum x p, mu = B^-1 g. An observation may set only some coordinates (<c>at</c>: the feature indices seen
/// this round, in increasing order, the rest 0), so a learner whose observed features change from round to round
/// keeps one coefficient per feature. B^-1 is kept by Sherman-Morrison, (B + x x^T)^-1 = B^-1 - u u^T / (1 + x^T u)
/// with u = B^-1 x, and mu by the matching update mu += u (p - x^T mu) / (1 + x^T u): O(D^2) a round, no
/// inversion and no allocation; tests check both against MathNet's fresh inverse and the ridge solution.
/// Layout, for a decision over 100 arms in tens of microseconds: each arm's B^-1 is its own row-major block (an
/// update streams it); the means and the square roots of B^-1's diagonal lie feature by feature across the arms,
/// so that every arm's prediction and spread bound come from a few contiguous runs, in SIMD lanes over the arms.
/// </summary>
internal sealed class LinearArms
{
    private readonly int count, dimension;
    private readonly double[][] inverse;
    private readonly double[] mean, deviation, u;
    private readonly int[] updates;

    public LinearArms(int count, int dimension)
    {
        this.count = count;
        this.dimension = dimension;
        inverse = Enumerable.Range(0, count).Select(_ =>
        {
            var identity = new double[dimension * dimension];
            for (int i = 0; i < dimension; i++) identity[i * dimension + i] = 1;
            return identity;
        }).ToArray();
        mean = new double[dimension * count];
        deviation = Enumerable.Repeat(1.0, dimension * count).ToArray();
        u = new double[dimension];
        updates = new int[count];
    }

    public int Count => count;

    /// <summary>B^-1 of an arm, as a matrix (a copy, for checks).</summary>
    public Matrix<double> Inverse(int arm) => Matrix<double>.Build.Dense(dimension, dimension, (i, j) => inverse[arm][i * dimension + j]);

    /// <summary>mu = B^-1 g of an arm, the ridge estimate (a copy).</summary>
    public Vector<double> Mean(int arm) => Vector<double>.Build.Dense(dimension, i => mean[i * count + arm]);

    public int Updates(int arm) => updates[arm];

    /// <summary>x^T mu of every arm into <paramref name="into"/>, for x set at <paramref name="at"/> only; per arm the sum runs over <paramref name="at"/> in order.</summary>
    public void Predict(ReadOnlySpan<int> at, ReadOnlySpan<double> x, Span<double> into)
    {
        into[..count].Clear();
        for (int i = 0; i < at.Length; i++) AddScaled(into[..count], mean.AsSpan(at[i] * count, count), x[i]);
    }

    /// <summary>
    /// An upper bound on every arm's <see cref="Spread"/> from O(|at|) numbers, for a learner to skip arms that
    /// cannot win: x^T B^-1 x is at most |x|^2 (B is at least I) and, B^-1 being positive semi-definite
    /// (|B^-1_ij| at most s_i s_j with s_i the square root of B^-1_ii), at most (sum |x_i| s_i)^2. The smaller of
    /// the two, widened by 10^-9 (far above the rounding of either side over d terms), so that the bound also holds
    /// for the computed values.
    /// </summary>
    public void SpreadBound(ReadOnlySpan<int> at, ReadOnlySpan<double> x, Span<double> into)
    {
        var weighted = into[..count];
        weighted.Clear();
        double norm = 0;
        for (int i = 0; i < at.Length; i++)
        {
            norm += x[i] * x[i];
            AddScaled(weighted, deviation.AsSpan(at[i] * count, count), Math.Abs(x[i]));
        }
        for (int k = 0; k < count; k++) weighted[k] = Math.Min(norm, weighted[k] * weighted[k]) * (1 + 1e-9);
    }

    /// <summary>
    /// x^T B^-1 x of an arm for x set at <paramref name="at"/> only: O(|at|^2), reading each pair once (B^-1 is
    /// symmetric), the upper triangle of the rows at <paramref name="at"/>, read front to back. A full x (every
    /// coordinate set, as LinUCB observes) takes whole rows in SIMD lanes instead.
    /// </summary>
    public double Spread(int arm, ReadOnlySpan<int> at, ReadOnlySpan<double> x)
    {
        var matrix = inverse[arm];
        if (at.Length == dimension)
        {
            double sum = 0;
            for (int i = 0; i < dimension; i++) sum += x[i] * Dot(matrix.AsSpan(i * dimension, dimension), x);
            return sum;
        }
        double diagonal = 0, off = 0;
        for (int i = 0; i < at.Length; i++)
        {
            var row = matrix.AsSpan(at[i] * dimension, dimension);
            double inner = 0;
            for (int j = i + 1; j < at.Length; j++) inner += row[at[j]] * x[j];
            diagonal += x[i] * x[i] * row[at[i]];
            off += x[i] * inner;
        }
        return diagonal + 2 * off;
    }

    /// <summary>Adds the observation (x at <paramref name="at"/>, penalty) to an arm.</summary>
    public void Update(int arm, ReadOnlySpan<int> at, ReadOnlySpan<double> x, double penalty)
    {
        var matrix = inverse[arm];
        // u = B^-1 x is a sum of the rows at the observed coordinates (B^-1 is symmetric).
        Array.Clear(u);
        for (int j = 0; j < at.Length; j++) AddScaled(u, matrix.AsSpan(at[j] * dimension, dimension), x[j]);
        double denominator = 1, predicted = 0;
        for (int i = 0; i < at.Length; i++)
        {
            denominator += x[i] * u[at[i]];
            predicted += x[i] * mean[at[i] * count + arm];
        }
        double step = (penalty - predicted) / denominator;
        for (int i = 0; i < dimension; i++)
        {
            mean[i * count + arm] += u[i] * step;
            AddScaled(matrix.AsSpan(i * dimension, dimension), u, -u[i] / denominator);
            deviation[i * count + arm] = Math.Sqrt(Math.Max(matrix[i * dimension + i], 0));
        }
        updates[arm]++;
    }

    /// <summary>A dot product in SIMD lanes, the tail one by one.</summary>
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Lanes>(a);
        var vb = MemoryMarshal.Cast<double, Lanes>(b);
        var acc = Lanes.Zero;
        for (int i = 0; i < va.Length; i++) acc += va[i] * vb[i];
        double sum = System.Numerics.Vector.Sum(acc);
        for (int i = va.Length * Lanes.Count; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>target += scale * source, in SIMD lanes.</summary>
    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double scale)
    {
        var vt = MemoryMarshal.Cast<double, Lanes>(target);
        var vs = MemoryMarshal.Cast<double, Lanes>(source);
        var s = new Lanes(scale);
        for (int i = 0; i < vt.Length; i++) vt[i] += s * vs[i];
        for (int i = vt.Length * Lanes.Count; i < target.Length; i++) target[i] += scale * source[i];
    }
}

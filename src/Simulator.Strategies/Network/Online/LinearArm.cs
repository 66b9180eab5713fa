using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using Lanes = System.Numerics.Vector<double>;

namespace Simulator.Strategies.Network.Online;

/// <summary>
/// One arm's ridge regression of the penalty on a D-vector: B = I + sum x x^T, g = sum x p, mu = B^-1 g. An
/// observation may set only some coordinates (<c>at</c>: the feature indices seen this round, the rest 0), so a
/// learner whose observed features change from round to round keeps one coefficient per feature. B^-1 is kept
/// by Sherman-Morrison, (B + x x^T)^-1 = B^-1 - u u^T / (1 + x^T u) with u = B^-1 x, and mu by the matching
/// update mu += u (p - x^T mu) / (1 + x^T u): O(D^2) a round, no inversion and no allocation (flat arrays
/// updated in place: a decision over 100 arms must stay in tens of microseconds); tests check both against
/// MathNet's fresh inverse and the ridge solution.
/// </summary>
internal sealed class LinearArm
{
    private readonly int dimension;
    private readonly double[] inverse, mean, u;
    private readonly int[] all;

    public LinearArm(int dimension)
    {
        this.dimension = dimension;
        inverse = new double[dimension * dimension];
        for (int i = 0; i < dimension; i++) inverse[i * dimension + i] = 1;
        mean = new double[dimension];
        u = new double[dimension];
        all = Enumerable.Range(0, dimension).ToArray();
    }

    /// <summary>B^-1, as a matrix (a copy, for checks).</summary>
    public Matrix<double> Inverse => Matrix<double>.Build.Dense(dimension, dimension, (i, j) => inverse[i * dimension + j]);

    /// <summary>mu = B^-1 g, the ridge estimate (a copy).</summary>
    public Vector<double> Mean => Vector<double>.Build.DenseOfArray((double[])mean.Clone());

    public int Updates { get; private set; }

    /// <summary>x^T mu, the predicted penalty of a full D-vector.</summary>
    public double Predict(ReadOnlySpan<double> x) => Dot(mean, x);

    /// <summary>x^T mu for x set at the coordinates <paramref name="at"/> only.</summary>
    public double Predict(ReadOnlySpan<int> at, ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < at.Length; i++) sum += mean[at[i]] * x[i];
        return sum;
    }

    /// <summary>x^T B^-1 x, the predictive variance's shape, of a full D-vector.</summary>
    public double Spread(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < dimension; i++) sum += x[i] * Dot(inverse.AsSpan(i * dimension, dimension), x);
        return sum;
    }

    /// <summary>
    /// x^T B^-1 x for x set at the coordinates <paramref name="at"/> only: O(|at|^2), reading each pair once (B^-1
    /// is symmetric), the upper triangle of the rows at <paramref name="at"/> (in increasing order, they are
    /// read front to back).
    /// </summary>
    public double Spread(ReadOnlySpan<int> at, ReadOnlySpan<double> x)
    {
        double diagonal = 0, off = 0;
        for (int i = 0; i < at.Length; i++)
        {
            var row = inverse.AsSpan(at[i] * dimension, dimension);
            double inner = 0;
            for (int j = i + 1; j < at.Length; j++) inner += row[at[j]] * x[j];
            diagonal += x[i] * x[i] * row[at[i]];
            off += x[i] * inner;
        }
        return diagonal + 2 * off;
    }

    /// <summary>A dot product in SIMD lanes (the inner loop of every decision), the tail one by one.</summary>
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

    public void Update(ReadOnlySpan<double> x, double penalty) => Update(all, x, penalty);

    /// <summary>Adds the observation (x at <paramref name="at"/>, penalty).</summary>
    public void Update(ReadOnlySpan<int> at, ReadOnlySpan<double> x, double penalty)
    {
        // u = B^-1 x is a sum of the rows at the observed coordinates (B^-1 is symmetric).
        Array.Clear(u);
        for (int j = 0; j < at.Length; j++) AddScaled(u, inverse.AsSpan(at[j] * dimension, dimension), x[j]);
        double denominator = 1, predicted = 0;
        for (int i = 0; i < at.Length; i++)
        {
            denominator += x[i] * u[at[i]];
            predicted += x[i] * mean[at[i]];
        }
        AddScaled(mean, u, (penalty - predicted) / denominator);
        for (int i = 0; i < dimension; i++) AddScaled(inverse.AsSpan(i * dimension, dimension), u, -u[i] / denominator);
        Updates++;
    }
}

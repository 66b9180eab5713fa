using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using Lanes = System.Numerics.Vector<double>;

namespace Simulator.Strategies.Network.Online;

/// <summary>
/// One arm's ridge regression of the penalty on a d-vector: B = I + sum x x^T, g = sum x p, mu = B^-1 g. B^-1 is
/// kept by Sherman-Morrison rank-one updates (B + x x^T)^-1 = B^-1 - (B^-1 x)(B^-1 x)^T / (1 + x^T B^-1 x),
/// O(d^2) a round with no inversion and no allocation (flat arrays, updated in place: a decision over 100 arms
/// must stay in tens of microseconds); tests check it against MathNet's fresh inverse and the ridge solution.
/// </summary>
internal sealed class LinearArm
{
    private readonly int d;
    private readonly double[] inverse, g, mean, bx;

    public LinearArm(int d)
    {
        this.d = d;
        inverse = new double[d * d];
        for (int i = 0; i < d; i++) inverse[i * d + i] = 1;
        g = new double[d];
        mean = new double[d];
        bx = new double[d];
    }

    /// <summary>B^-1, as a matrix (a copy, for checks).</summary>
    public Matrix<double> Inverse => Matrix<double>.Build.Dense(d, d, (i, j) => inverse[i * d + j]);

    /// <summary>mu = B^-1 g, the ridge estimate (a copy).</summary>
    public Vector<double> Mean => Vector<double>.Build.DenseOfArray((double[])mean.Clone());

    public int Updates { get; private set; }

    /// <summary>x^T mu, the predicted penalty.</summary>
    public double Predict(ReadOnlySpan<double> x) => Dot(mean, x);

    /// <summary>x^T B^-1 x, the predictive variance's shape.</summary>
    public double Spread(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < d; i++) sum += x[i] * Dot(inverse.AsSpan(i * d, d), x);
        return sum;
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

    public void Update(ReadOnlySpan<double> x, double penalty)
    {
        double denominator = 1;
        for (int i = 0; i < d; i++)
        {
            bx[i] = Dot(inverse.AsSpan(i * d, d), x);
            denominator += x[i] * bx[i];
        }
        for (int i = 0; i < d; i++)
        {
            double scaled = bx[i] / denominator;
            for (int j = 0; j < d; j++) inverse[i * d + j] -= scaled * bx[j];
        }
        for (int i = 0; i < d; i++) g[i] += x[i] * penalty;
        for (int i = 0; i < d; i++) mean[i] = Dot(inverse.AsSpan(i * d, d), g);
        Updates++;
    }
}

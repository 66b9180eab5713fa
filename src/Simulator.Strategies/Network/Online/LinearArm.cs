using MathNet.Numerics.LinearAlgebra;

namespace Simulator.Strategies.Network.Online;

/// <summary>
/// One arm's ridge regression of the penalty on a d-vector: B = I + sum x x^T, g = sum x p, mu = B^-1 g. B^-1 is
/// kept by Sherman-Morrison rank-one updates (B + x x^T)^-1 = B^-1 - (B^-1 x)(B^-1 x)^T / (1 + x^T B^-1 x),
/// O(d^2) a round with no inversion; tests check it against a fresh inverse and the ridge solution.
/// </summary>
internal sealed class LinearArm
{
    public LinearArm(int d)
    {
        Inverse = Matrix<double>.Build.DenseIdentity(d);
        G = Vector<double>.Build.Dense(d);
        Mean = Vector<double>.Build.Dense(d);
    }

    /// <summary>B^-1.</summary>
    public Matrix<double> Inverse { get; }

    public Vector<double> G { get; }

    /// <summary>mu = B^-1 g, the ridge estimate.</summary>
    public Vector<double> Mean { get; }

    public int Updates { get; private set; }

    /// <summary>x^T mu, the predicted penalty.</summary>
    public double Predict(Vector<double> x) => x.DotProduct(Mean);

    /// <summary>x^T B^-1 x, the predictive variance's shape.</summary>
    public double Spread(Vector<double> x) => x.DotProduct(Inverse * x);

    public void Update(Vector<double> x, double penalty)
    {
        var bx = Inverse * x;
        double denominator = 1 + x.DotProduct(bx);
        Inverse.Subtract(bx.OuterProduct(bx) / denominator, Inverse);
        G.Add(x * penalty, G);
        (Inverse * G).CopyTo(Mean);
        Updates++;
    }
}

namespace Simulator.Kernel;

/// <summary>Weibull with shape alpha and scale beta, by inversion.</summary>
public sealed class Weibull : Distribution<double>
{
    public Weibull(double alpha, double beta)
    {
        if (!(alpha > 0)) throw new ArgumentException("The shape must be > 0.", nameof(alpha));
        if (!(beta > 0)) throw new ArgumentException("The scale must be > 0.", nameof(beta));
        Alpha = alpha;
        Beta = beta;
    }

    public double Alpha { get; }

    public double Beta { get; }

    public override double Sample(IRandom random) => Sample(random, Alpha, Beta);

    public static double Sample(IRandom random, double alpha, double beta) => beta * Math.Pow(-Math.Log(1 - random.NextDouble()), 1 / alpha);
}

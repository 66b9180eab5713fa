namespace Simulator.Strategies.Network.Online;

/// <summary>
/// The random variates a Thompson-sampling learner draws every round, from its own stream: standard normals by
/// Marsaglia's polar method keeping both of each pair (MathNet's sampler draws a pair and returns one), gammas by
/// Marsaglia and Tsang (2000) (one normal and one uniform, a logarithm in about 2 % of draws) and betas by Cheng's
/// BB. `mec-ol` draws N betas and K normals a decision, and MathNet's samplers (a beta as two gammas) were a third
/// of its time. Tests compare each distribution with MathNet's CDF (Kolmogorov-Smirnov).
/// </summary>
internal sealed class Variates(Random rng)
{
    private double spare;
    private bool hasSpare;

    /// <summary>A standard normal.</summary>
    public double Normal()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * rng.NextDouble() - 1;
            v = 2 * rng.NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        double scale = Math.Sqrt(-2 * Math.Log(s) / s);
        (spare, hasSpare) = (v * scale, true);
        return u * scale;
    }

    /// <summary>A Gamma(shape, 1) variate; below shape 1 by Gamma(shape + 1) U^(1/shape).</summary>
    public double Gamma(double shape)
    {
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), shape, "a gamma's shape must be positive");
        if (shape < 1) return Gamma(shape + 1) * Math.Pow(rng.NextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            double u = rng.NextDouble(), squared = x * x;
            if (u < 1 - 0.0331 * squared * squared) return d * v;
            if (Math.Log(u) < 0.5 * squared + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>
    /// A Beta(a, b) variate: by Cheng's algorithm BB (1978) when both shapes exceed 1 (two uniforms, a logarithm and
    /// an exponential a draw, few rejections), otherwise as X / (X + Y) of two gammas.
    /// </summary>
    public double Beta(double a, double b)
    {
        if (!(a > 0) || !(b > 0)) throw new ArgumentOutOfRangeException(nameof(a), (a, b), "a beta's shapes must be positive");
        if (a <= 1 || b <= 1)
        {
            double x = Gamma(a);
            return x / (x + Gamma(b));
        }
        double low = Math.Min(a, b), high = Math.Max(a, b), sum = low + high;
        double beta = Math.Sqrt((sum - 2) / (2 * low * high - sum)), gamma = low + 1 / beta;
        while (true)
        {
            double u1 = rng.NextDouble(), u2 = rng.NextDouble();
            if (u1 == 0) continue;
            double v = beta * Math.Log(u1 / (1 - u1)), w = low * Math.Exp(v);
            double z = u1 * u1 * u2, r = gamma * v - Ln4, t = low + r - w;
            if (t + 1 + Ln5 < 5 * z)
            {
                double logZ = Math.Log(z);
                if (t < logZ && r + sum * Math.Log(sum / (high + w)) < logZ) continue;
            }
            return low == a ? w / (high + w) : high / (high + w);
        }
    }

    private static readonly double Ln4 = Math.Log(4), Ln5 = Math.Log(5);
}

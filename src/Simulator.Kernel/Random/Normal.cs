namespace Simulator.Kernel;

/// <summary>
/// Normal, by Marsaglia's polar method: each accepted pair gives two draws, the second kept as a spare
/// for the next call (so the stream position depends on the call history; <see cref="Reset"/> drops it).
/// </summary>
public sealed class Normal : Distribution<double>, IStatefulDistribution<double>
{
    private bool hasSpare;
    private double spare;

    public Normal(double mu, double sigma)
    {
        if (!(sigma >= 0)) throw new ArgumentException("The standard deviation must be >= 0.", nameof(sigma));
        Mean = mu;
        StdDev = sigma;
    }

    public double Mean { get; }

    public double StdDev { get; }

    public override double Sample(IRandom random)
    {
        if (StdDev == 0) return Mean;
        if (hasSpare)
        {
            hasSpare = false;
            return spare * StdDev + Mean;
        }
        hasSpare = true;
        return Polar(random, Mean, StdDev, out spare);
    }

    /// <summary>One draw without keeping the spare.</summary>
    public static double Sample(IRandom random, double mu, double sigma) => Polar(random, mu, sigma, out _);

    public void Reset() => hasSpare = false;

    /// <summary>mu + sigma * u * m, with <paramref name="spareUnit"/> = v * m the second standard draw.</summary>
    internal static double Polar(IRandom random, double mu, double sigma, out double spareUnit)
    {
        double u, v, s;
        do
        {
            u = random.NextDouble() * 2 - 1;
            v = random.NextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s > 1 || s == 0);
        double m = Math.Sqrt(-2.0 * Math.Log(s) / s);
        spareUnit = v * m;
        return mu + sigma * u * m;
    }
}

/// <summary>Normal durations (may be negative: bound them with <see cref="Distributions.POS(IDistribution{TimeSpan}, int)"/>).</summary>
public sealed class NormalTime : Distribution<TimeSpan>, IStatefulDistribution<TimeSpan>
{
    private bool hasSpare;
    private double spare;

    public NormalTime(TimeSpan mu, TimeSpan sigma)
    {
        if (sigma < TimeSpan.Zero) throw new ArgumentException("The standard deviation must be >= 0.", nameof(sigma));
        Mean = mu;
        StdDev = sigma;
    }

    public TimeSpan Mean { get; }

    public TimeSpan StdDev { get; }

    public override TimeSpan Sample(IRandom random)
    {
        if (StdDev == TimeSpan.Zero) return Mean;
        if (hasSpare)
        {
            hasSpare = false;
            return TimeSpan.FromSeconds(spare * StdDev.TotalSeconds + Mean.TotalSeconds);
        }
        hasSpare = true;
        return TimeSpan.FromSeconds(Normal.Polar(random, Mean.TotalSeconds, StdDev.TotalSeconds, out spare));
    }

    public static TimeSpan Sample(IRandom random, TimeSpan mu, TimeSpan sigma) =>
        TimeSpan.FromSeconds(Normal.Polar(random, mu.TotalSeconds, sigma.TotalSeconds, out _));

    public void Reset() => hasSpare = false;
}

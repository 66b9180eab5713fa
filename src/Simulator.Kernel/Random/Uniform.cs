namespace Simulator.Kernel;

/// <summary>Uniform on [lower, upper).</summary>
public sealed class Uniform : Distribution<double>
{
    public Uniform(double lower, double upperExclusive)
    {
        if (!(lower < upperExclusive)) throw new ArgumentException("The lower bound must be below the upper one.", nameof(lower));
        Lower = lower;
        Upper = upperExclusive;
    }

    public double Lower { get; }

    public double Upper { get; }

    public double Mean => 0.5 * (Lower + Upper);

    public double StdDev => (Upper - Lower) / Math.Sqrt(12.0);

    public override double Sample(IRandom random) => Sample(random, Lower, Upper);

    public static double Sample(IRandom random, double lower, double upper) => lower + (upper - lower) * random.NextDouble();
}

/// <summary>Uniform durations on [lower, upper).</summary>
public sealed class UniformTime : Distribution<TimeSpan>
{
    public UniformTime(TimeSpan lower, TimeSpan upperExclusive)
    {
        if (lower >= upperExclusive) throw new ArgumentException("The lower bound must be below the upper one.", nameof(lower));
        Lower = lower;
        Upper = upperExclusive;
    }

    public TimeSpan Lower { get; }

    public TimeSpan Upper { get; }

    public TimeSpan MeanTime => TimeSpan.FromSeconds(0.5 * (Lower + Upper).TotalSeconds);

    public TimeSpan StdDevTime => TimeSpan.FromSeconds((Upper - Lower).TotalSeconds / Math.Sqrt(12.0));

    public override TimeSpan Sample(IRandom random) => Sample(random, Lower, Upper);

    public static TimeSpan Sample(IRandom random, TimeSpan lower, TimeSpan upper) =>
        lower + TimeSpan.FromSeconds((upper - lower).TotalSeconds * random.NextDouble());
}

/// <summary>Uniform integers in [lower, upper).</summary>
public sealed class UniformDiscrete : Distribution<int>
{
    public UniformDiscrete(int lower, int upperExclusive)
    {
        if (lower >= upperExclusive) throw new ArgumentException("The lower bound must be below the upper one.", nameof(lower));
        Lower = lower;
        Upper = upperExclusive;
    }

    public int Lower { get; }

    public int Upper { get; }

    /// <summary>(lower + upper - 1) / 2: SimSharp reports (upper - lower) / 2, which is not the mean unless lower is 1.</summary>
    public double Mean => 0.5 * ((double)Lower + Upper - 1);

    /// <summary>For n = upper - lower values, sqrt((n^2 - 1) / 12).</summary>
    public double StdDev
    {
        get
        {
            double n = (double)Upper - Lower;
            return Math.Sqrt((n * n - 1) / 12.0);
        }
    }

    public override int Sample(IRandom random) => random.Next(Lower, Upper);

    public static int Sample(IRandom random, int lower, int upper) => random.Next(lower, upper);
}

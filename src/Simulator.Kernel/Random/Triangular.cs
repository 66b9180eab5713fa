namespace Simulator.Kernel;

/// <summary>Triangular on [lower, upper] with a mode (the midpoint when none is given), sampled by inversion.</summary>
public sealed class Triangular : Distribution<double>
{
    /// <summary>Symmetric: the mode is the midpoint. (SimSharp takes (upper - lower) / 2, which lies outside the range unless lower is near 0.)</summary>
    public Triangular(double lower, double upper) : this(lower, upper, 0.5 * (lower + upper)) { }

    public Triangular(double lower, double upper, double mode)
    {
        if (!(lower < upper)) throw new ArgumentException("The lower bound must be below the upper one.", nameof(lower));
        if (!(mode >= lower && mode <= upper)) throw new ArgumentException($"The mode must lie in [{lower}; {upper}].", nameof(mode));
        Lower = lower;
        Upper = upper;
        Mode = mode;
    }

    public double Lower { get; }

    public double Upper { get; }

    public double Mode { get; }

    public double Mean => (Lower + Upper + Mode) / 3.0;

    public double StdDev => Math.Sqrt((Lower * Lower + Upper * Upper + Mode * Mode - Lower * Upper - Lower * Mode - Upper * Mode) / 18.0);

    public override double Sample(IRandom random) => Sample(random, Lower, Upper, Mode);

    public static double Sample(IRandom random, double lower, double upper, double mode) =>
        Invert(random.NextDouble(), lower, upper, (mode - lower) / (upper - lower));

    public static double Sample(IRandom random, double lower, double upper) => Invert(random.NextDouble(), lower, upper, 0.5);

    internal static double Invert(double u, double lower, double upper, double c) =>
        u > c ? upper + (lower - upper) * Math.Sqrt((1.0 - u) * (1.0 - c)) : lower + (upper - lower) * Math.Sqrt(u * c);
}

/// <summary>Triangular durations.</summary>
public sealed class TriangularTime : Distribution<TimeSpan>
{
    public TriangularTime(TimeSpan lower, TimeSpan upper) : this(lower, upper, lower + TimeSpan.FromTicks((upper - lower).Ticks / 2)) { }

    public TriangularTime(TimeSpan lower, TimeSpan upper, TimeSpan mode)
    {
        if (lower >= upper) throw new ArgumentException("The lower bound must be below the upper one.", nameof(lower));
        if (mode < lower || mode > upper) throw new ArgumentException($"The mode must lie in [{lower}; {upper}].", nameof(mode));
        Lower = lower;
        Upper = upper;
        Mode = mode;
    }

    public TimeSpan Lower { get; }

    public TimeSpan Upper { get; }

    public TimeSpan Mode { get; }

    public TimeSpan Mean => TimeSpan.FromSeconds((Lower + Upper + Mode).TotalSeconds / 3.0);

    public TimeSpan StdDev => TimeSpan.FromSeconds(new Triangular(Lower.TotalSeconds, Upper.TotalSeconds, Mode.TotalSeconds).StdDev);

    public override TimeSpan Sample(IRandom random) => Sample(random, Lower, Upper, Mode);

    public static TimeSpan Sample(IRandom random, TimeSpan lower, TimeSpan upper, TimeSpan mode)
    {
        double u = random.NextDouble();
        double c = (mode - lower).TotalSeconds / (upper - lower).TotalSeconds;
        return u > c
            ? upper + TimeSpan.FromSeconds((lower - upper).TotalSeconds * Math.Sqrt((1.0 - u) * (1.0 - c)))
            : lower + TimeSpan.FromSeconds((upper - lower).TotalSeconds * Math.Sqrt(u * c));
    }

    public static TimeSpan Sample(IRandom random, TimeSpan lower, TimeSpan upper)
    {
        double u = random.NextDouble();
        return u > 0.5
            ? upper + TimeSpan.FromSeconds((lower - upper).TotalSeconds * Math.Sqrt((1.0 - u) / 2))
            : lower + TimeSpan.FromSeconds((upper - lower).TotalSeconds * Math.Sqrt(u / 2));
    }
}

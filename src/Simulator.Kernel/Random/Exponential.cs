namespace Simulator.Kernel;

/// <summary>Exponential with the given mean, by inversion of 1 - U (never log 0).</summary>
public sealed class Exponential : Distribution<double>
{
    public Exponential(double mean)
    {
        if (!(mean > 0)) throw new ArgumentException("The mean must be > 0.", nameof(mean));
        Mean = mean;
    }

    public double Mean { get; }

    /// <summary>Equal to the mean. (SimSharp reports 1 / mean.)</summary>
    public double StdDev => Mean;

    public override double Sample(IRandom random) => Sample(random, Mean);

    public static double Sample(IRandom random, double mean) => -Math.Log(1 - random.NextDouble()) * mean;
}

/// <summary>Exponential durations.</summary>
public sealed class ExponentialTime : Distribution<TimeSpan>
{
    public ExponentialTime(TimeSpan mean)
    {
        if (mean <= TimeSpan.Zero) throw new ArgumentException("The mean must be > 0.", nameof(mean));
        Mean = mean;
    }

    public TimeSpan Mean { get; }

    public TimeSpan StdDev => Mean;

    public override TimeSpan Sample(IRandom random) => Sample(random, Mean);

    public static TimeSpan Sample(IRandom random, TimeSpan mean) => TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) * mean.TotalSeconds);
}

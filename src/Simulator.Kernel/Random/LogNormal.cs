namespace Simulator.Kernel;

/// <summary>exp of a normal: given by the normal's (mu, sigma), or by the log-normal's own mean and standard deviation.</summary>
public sealed class LogNormal : Distribution<double>, IStatefulDistribution<double>
{
    private readonly Normal normal;

    /// <summary>The log-normal whose own mean and standard deviation are given.</summary>
    public LogNormal(double mean, double stdev)
    {
        if (!(stdev >= 0)) throw new ArgumentException("The standard deviation must be >= 0.", nameof(stdev));
        if (!(mean > 0)) throw new ArgumentException("The mean must be > 0.", nameof(mean));
        Mean = mean;
        StdDev = stdev;
        var (mu, sigma) = Underlying(mean, stdev);
        normal = new Normal(mu, sigma);
    }

    public LogNormal(Normal normal)
    {
        this.normal = normal ?? throw new ArgumentNullException(nameof(normal));
        double s2 = normal.StdDev * normal.StdDev;
        Mean = Math.Exp(normal.Mean + 0.5 * s2);
        StdDev = Math.Sqrt((Math.Exp(s2) - 1) * Math.Exp(2 * normal.Mean + s2));
    }

    public double Mu => normal.Mean;

    public double Sigma => normal.StdDev;

    public double Mean { get; }

    public double StdDev { get; }

    public override double Sample(IRandom random) => Math.Exp(normal.Sample(random));

    /// <summary>A draw for the given mean and standard deviation of the log-normal itself.</summary>
    public static double Sample(IRandom random, double mean, double stdev)
    {
        var (mu, sigma) = Underlying(mean, stdev);
        return Math.Exp(Normal.Sample(random, mu, sigma));
    }

    public void Reset() => normal.Reset();

    internal static (double Mu, double Sigma) Underlying(double mean, double stdev)
    {
        double sigma = Math.Sqrt(Math.Log(stdev * stdev / (mean * mean) + 1));
        return (Math.Log(mean) - 0.5 * sigma * sigma, sigma);
    }
}

/// <summary>Log-normal durations.</summary>
public sealed class LogNormalTime : Distribution<TimeSpan>, IStatefulDistribution<TimeSpan>
{
    private readonly NormalTime normal;

    public LogNormalTime(TimeSpan mean, TimeSpan stdev)
    {
        if (stdev < TimeSpan.Zero) throw new ArgumentException("The standard deviation must be >= 0.", nameof(stdev));
        if (mean <= TimeSpan.Zero) throw new ArgumentException("The mean must be > 0.", nameof(mean));
        Mean = mean;
        StdDev = stdev;
        var (mu, sigma) = LogNormal.Underlying(mean.TotalSeconds, stdev.TotalSeconds);
        normal = new NormalTime(TimeSpan.FromSeconds(mu), TimeSpan.FromSeconds(sigma));
    }

    public LogNormalTime(NormalTime normal)
    {
        this.normal = normal ?? throw new ArgumentNullException(nameof(normal));
        double m = normal.Mean.TotalSeconds, s2 = normal.StdDev.TotalSeconds * normal.StdDev.TotalSeconds;
        Mean = TimeSpan.FromSeconds(Math.Exp(m + 0.5 * s2));
        StdDev = TimeSpan.FromSeconds(Math.Sqrt((Math.Exp(s2) - 1) * Math.Exp(2 * m + s2)));
    }

    public TimeSpan Mu => normal.Mean;

    public TimeSpan Sigma => normal.StdDev;

    public TimeSpan Mean { get; }

    public TimeSpan StdDev { get; }

    public override TimeSpan Sample(IRandom random) => TimeSpan.FromSeconds(Math.Exp(normal.Sample(random).TotalSeconds));

    public static TimeSpan Sample(IRandom random, TimeSpan mean, TimeSpan stdev) =>
        TimeSpan.FromSeconds(LogNormal.Sample(random, mean.TotalSeconds, stdev.TotalSeconds));

    public void Reset() => normal.Reset();
}

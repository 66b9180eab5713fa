namespace Simulator.Kernel;

/// <summary>Cauchy with location x0 and scale gamma, by inversion.</summary>
public sealed class Cauchy : Distribution<double>
{
    public Cauchy(double x0, double gamma)
    {
        if (!(gamma > 0)) throw new ArgumentException("The scale must be > 0.", nameof(gamma));
        X0 = x0;
        Gamma = gamma;
    }

    public double X0 { get; }

    public double Gamma { get; }

    public override double Sample(IRandom random) => Sample(random, X0, Gamma);

    public static double Sample(IRandom random, double x0, double gamma) => x0 + gamma * Math.Tan(Math.PI * (random.NextDouble() - 0.5));
}

/// <summary>Cauchy durations: location a duration, scale in seconds.</summary>
public sealed class CauchyTime : Distribution<TimeSpan>
{
    public CauchyTime(TimeSpan x0, double gamma)
    {
        if (!(gamma > 0)) throw new ArgumentException("The scale must be > 0.", nameof(gamma));
        X0 = x0;
        Gamma = gamma;
    }

    public TimeSpan X0 { get; }

    public double Gamma { get; }

    public override TimeSpan Sample(IRandom random) => Sample(random, X0, Gamma);

    public static TimeSpan Sample(IRandom random, TimeSpan x0, double gamma) =>
        x0 + TimeSpan.FromSeconds(gamma * Math.Tan(Math.PI * (random.NextDouble() - 0.5)));
}

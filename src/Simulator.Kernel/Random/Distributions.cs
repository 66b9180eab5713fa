namespace Simulator.Kernel;

/// <summary>Short constructors for the distributions, named as in SimSharp (<c>using static Simulator.Kernel.Distributions;</c>).</summary>
public static class Distributions
{
    public static Constant<T> CONST<T>(T value) => new(value);

    public static Uniform UNIF(double lower, double upper) => new(lower, upper);

    public static UniformTime UNIF(TimeSpan lower, TimeSpan upper) => new(lower, upper);

    public static Triangular TRI(double lower, double upper, double mode) => new(lower, upper, mode);

    public static Triangular TRI(double lower, double upper) => new(lower, upper);

    public static TriangularTime TRI(TimeSpan lower, TimeSpan upper, TimeSpan mode) => new(lower, upper, mode);

    public static TriangularTime TRI(TimeSpan lower, TimeSpan upper) => new(lower, upper);

    public static Exponential EXP(double mean) => new(mean);

    public static ExponentialTime EXP(TimeSpan mean) => new(mean);

    public static Normal N(double mu, double sigma) => new(mu, sigma);

    public static NormalTime N(TimeSpan mu, TimeSpan sigma) => new(mu, sigma);

    /// <summary>exp(N(mu, sigma)).</summary>
    public static LogNormal LNORM(double mu, double sigma) => new(N(mu, sigma));

    public static LogNormalTime LNORM(TimeSpan mu, TimeSpan sigma) => new(N(mu, sigma));

    /// <summary>The log-normal with this mean and standard deviation.</summary>
    public static LogNormal LNORM2(double mean, double stddev) => new(mean, stddev);

    public static LogNormalTime LNORM2(TimeSpan mean, TimeSpan stddev) => new(mean, stddev);

    public static Cauchy CAUCHY(double x0, double gamma) => new(x0, gamma);

    public static CauchyTime CAUCHY(TimeSpan x0, double gamma) => new(x0, gamma);

    public static Weibull WEI(double alpha, double beta) => new(alpha, beta);

    public static Erlang ERL(int k, double lambda) => new(k, lambda);

    public static ErlangTime ERL(int k, TimeSpan lambda) => new(k, lambda);

    /// <summary>Only the strictly positive draws of <paramref name="dist"/>.</summary>
    public static BoundedContinuous POS(IDistribution<double> dist, int ntries = 100) => new(dist, lower: 0, ntries: ntries, excludeLower: true);

    public static BoundedContinuous NEG(IDistribution<double> dist, int ntries = 100) => new(dist, upper: 0, ntries: ntries, excludeUpper: true);

    public static BoundedDiscrete POS(IDistribution<int> dist, int ntries = 100) => new(dist, lower: 0, ntries: ntries, excludeLower: true);

    public static BoundedDiscrete NEG(IDistribution<int> dist, int ntries = 100) => new(dist, upper: 0, ntries: ntries, excludeUpper: true);

    public static BoundedTime POS(IDistribution<TimeSpan> dist, int ntries = 100) => new(dist, lower: TimeSpan.Zero, ntries: ntries, excludeLower: true);

    public static BoundedTime NEG(IDistribution<TimeSpan> dist, int ntries = 100) => new(dist, upper: TimeSpan.Zero, ntries: ntries, excludeUpper: true);
}

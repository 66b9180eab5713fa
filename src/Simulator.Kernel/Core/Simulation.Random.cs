namespace Simulator.Kernel;

// The random members of SimSharp's Simulation: draws from a distribution on the simulation's own stream
// (or on a stream passed in), and timeouts of a random length. The named helpers (RandUniform, ...) are
// the ones SimSharp keeps for older models; each is one line over a distribution class.
public partial class Simulation
{
    private readonly Normal normal = new(0, 1);

    public T Rand<T>(IDistribution<T> distribution) => distribution.Sample(Random);

    public IEnumerable<T> Rand<T>(IDistribution<T> distribution, int count) => distribution.Sample(Random, count);

    public bool TryRand<T>(IRejectionSampledDistribution<T> distribution, out T sample) => distribution.TrySample(Random, out sample);

    public Timeout TimeoutD(IRandom random, IDistribution<double> duration) => new(this, ToTimeSpan(duration.Sample(random)));

    public Timeout TimeoutD(IDistribution<double> duration) => TimeoutD(Random, duration);

    public Timeout Timeout(IRandom random, IDistribution<TimeSpan> duration) => new(this, duration.Sample(random));

    public Timeout Timeout(IDistribution<TimeSpan> duration) => Timeout(Random, duration);

    public double RandUniform(IRandom random, double a, double b) => Uniform.Sample(random, a, b);
    public double RandUniform(double a, double b) => RandUniform(Random, a, b);
    public TimeSpan RandUniform(IRandom random, TimeSpan a, TimeSpan b) => Seconds(RandUniform(random, a.TotalSeconds, b.TotalSeconds));
    public TimeSpan RandUniform(TimeSpan a, TimeSpan b) => RandUniform(Random, a, b);

    public double RandTriangular(IRandom random, double low, double high) => Triangular.Sample(random, low, high);
    public double RandTriangular(double low, double high) => RandTriangular(Random, low, high);
    public TimeSpan RandTriangular(IRandom random, TimeSpan low, TimeSpan high) => Seconds(RandTriangular(random, low.TotalSeconds, high.TotalSeconds));
    public TimeSpan RandTriangular(TimeSpan low, TimeSpan high) => RandTriangular(Random, low, high);
    public double RandTriangular(IRandom random, double low, double high, double mode) => Triangular.Sample(random, low, high, mode);
    public double RandTriangular(double low, double high, double mode) => RandTriangular(Random, low, high, mode);
    public TimeSpan RandTriangular(IRandom random, TimeSpan low, TimeSpan high, TimeSpan mode) =>
        Seconds(RandTriangular(random, low.TotalSeconds, high.TotalSeconds, mode.TotalSeconds));
    public TimeSpan RandTriangular(TimeSpan low, TimeSpan high, TimeSpan mode) => RandTriangular(Random, low, high, mode);

    public double RandExponential(IRandom random, double mean) => Exponential.Sample(random, mean);
    public double RandExponential(double mean) => RandExponential(Random, mean);
    public TimeSpan RandExponential(IRandom random, TimeSpan mean) => Seconds(RandExponential(random, mean.TotalSeconds));
    public TimeSpan RandExponential(TimeSpan mean) => RandExponential(Random, mean);

    /// <summary>A normal draw; the standard normal behind it keeps its spare between calls, as SimSharp's does.</summary>
    public virtual double RandNormal(IRandom random, double mu, double sigma) => sigma * normal.Sample(random) + mu;
    public virtual double RandNormal(double mu, double sigma) => RandNormal(Random, mu, sigma);
    public TimeSpan RandNormal(IRandom random, TimeSpan mu, TimeSpan sigma) => Seconds(RandNormal(random, mu.TotalSeconds, sigma.TotalSeconds));
    public TimeSpan RandNormal(TimeSpan mu, TimeSpan sigma) => RandNormal(Random, mu, sigma);

    public double RandNormalPositive(IRandom random, double mu, double sigma) => RepeatUntil(() => RandNormal(random, mu, sigma), v => v > 0);
    public double RandNormalPositive(double mu, double sigma) => RandNormalPositive(Random, mu, sigma);
    public TimeSpan RandNormalPositive(IRandom random, TimeSpan mu, TimeSpan sigma) => Seconds(RandNormalPositive(random, mu.TotalSeconds, sigma.TotalSeconds));
    public TimeSpan RandNormalPositive(TimeSpan mu, TimeSpan sigma) => RandNormalPositive(Random, mu, sigma);

    public double RandNormalNegative(IRandom random, double mu, double sigma) => RepeatUntil(() => RandNormal(random, mu, sigma), v => v < 0);
    public double RandNormalNegative(double mu, double sigma) => RandNormalNegative(Random, mu, sigma);
    public TimeSpan RandNormalNegative(IRandom random, TimeSpan mu, TimeSpan sigma) => Seconds(RandNormalNegative(random, mu.TotalSeconds, sigma.TotalSeconds));
    public TimeSpan RandNormalNegative(TimeSpan mu, TimeSpan sigma) => RandNormalNegative(Random, mu, sigma);

    public double RandLogNormal(IRandom random, double mu, double sigma) => Math.Exp(RandNormal(random, mu, sigma));
    public double RandLogNormal(double mu, double sigma) => RandLogNormal(Random, mu, sigma);
    public TimeSpan RandLogNormal(IRandom random, TimeSpan mu, TimeSpan sigma) => Seconds(RandLogNormal(random, mu.TotalSeconds, sigma.TotalSeconds));
    public TimeSpan RandLogNormal(TimeSpan mu, TimeSpan sigma) => RandLogNormal(Random, mu, sigma);

    public double RandLogNormal2(IRandom random, double mean, double stdev)
    {
        if (stdev == 0) return mean;
        var (mu, sigma) = LogNormal.Underlying(mean, stdev);
        return Math.Exp(RandNormal(random, mu, sigma));
    }
    public double RandLogNormal2(double mean, double stdev) => RandLogNormal2(Random, mean, stdev);
    public TimeSpan RandLogNormal2(IRandom random, TimeSpan mean, TimeSpan stdev) => Seconds(RandLogNormal2(random, mean.TotalSeconds, stdev.TotalSeconds));
    public TimeSpan RandLogNormal2(TimeSpan mean, TimeSpan stdev) => RandLogNormal2(Random, mean, stdev);

    public double RandCauchy(IRandom random, double x0, double gamma) => Cauchy.Sample(random, x0, gamma);
    public double RandCauchy(double x0, double gamma) => RandCauchy(Random, x0, gamma);
    public TimeSpan RandCauchy(IRandom random, TimeSpan x0, TimeSpan gamma) => Seconds(RandCauchy(random, x0.TotalSeconds, gamma.TotalSeconds));
    public TimeSpan RandCauchy(TimeSpan x0, TimeSpan gamma) => RandCauchy(Random, x0, gamma);

    public double RandWeibull(IRandom random, double alpha, double beta) => Weibull.Sample(random, alpha, beta);
    public double RandWeibull(double alpha, double beta) => RandWeibull(Random, alpha, beta);
    public TimeSpan RandWeibull(IRandom random, TimeSpan alpha, TimeSpan beta) => Seconds(RandWeibull(random, alpha.TotalSeconds, beta.TotalSeconds));
    public TimeSpan RandWeibull(TimeSpan alpha, TimeSpan beta) => RandWeibull(Random, alpha, beta);

    public T RandChoice<T>(IRandom random, IList<T> source) => source[random.Next(source.Count)];
    public T RandChoice<T>(IList<T> source) => RandChoice(Random, source);
    public IEnumerable<T> RandChoice<T>(IRandom random, IList<T> source, int count) => new EmpiricalUniform<T>(source.ToArray()).Sample(random, count);
    public IEnumerable<T> RandChoice<T>(IList<T> source, int count) => RandChoice(Random, source, count);
    public T RandChoice<T>(IRandom random, IList<T> source, IList<double> weights) => EmpiricalNonUniform<T>.Sample(random, source, weights);
    public T RandChoice<T>(IList<T> source, IList<double> weights) => RandChoice(Random, source, weights);
    public T RandChoiceOnline<T>(IRandom random, IEnumerable<T> source) => EmpiricalUniform<T>.SampleOnline(random, source);
    public T RandChoiceOnline<T>(IEnumerable<T> source) => RandChoiceOnline(Random, source);
    public IEnumerable<T> RandChoiceOnline<T>(IRandom random, IEnumerable<T> source, int count) => EmpiricalUniform<T>.SampleOnline(random, source, count);
    public IEnumerable<T> RandChoiceOnline<T>(IEnumerable<T> source, int count) => RandChoiceOnline(Random, source, count);
    public IEnumerable<T> RandChoiceNoRepetition<T>(IRandom random, IEnumerable<T> source, int count) => EmpiricalUniform<T>.SampleOnlineNoRepetition(random, source, count);
    public IEnumerable<T> RandChoiceNoRepetition<T>(IEnumerable<T> source, int count) => RandChoiceNoRepetition(Random, source, count);

    public Timeout TimeoutUniformD(IRandom random, double a, double b) => TimeoutD(RandUniform(random, a, b));
    public Timeout TimeoutUniformD(double a, double b) => TimeoutUniformD(Random, a, b);
    public Timeout TimeoutUniform(IRandom random, TimeSpan a, TimeSpan b) => Timeout(RandUniform(random, a, b));
    public Timeout TimeoutUniform(TimeSpan a, TimeSpan b) => TimeoutUniform(Random, a, b);
    public Timeout TimeoutTriangularD(IRandom random, double low, double high) => TimeoutD(RandTriangular(random, low, high));
    public Timeout TimeoutTriangularD(double low, double high) => TimeoutTriangularD(Random, low, high);
    public Timeout TimeoutTriangular(IRandom random, TimeSpan low, TimeSpan high) => Timeout(RandTriangular(random, low, high));
    public Timeout TimeoutTriangular(TimeSpan low, TimeSpan high) => TimeoutTriangular(Random, low, high);
    public Timeout TimeoutTriangularD(IRandom random, double low, double high, double mode) => TimeoutD(RandTriangular(random, low, high, mode));
    public Timeout TimeoutTriangularD(double low, double high, double mode) => TimeoutTriangularD(Random, low, high, mode);
    public Timeout TimeoutTriangular(IRandom random, TimeSpan low, TimeSpan high, TimeSpan mode) => Timeout(RandTriangular(random, low, high, mode));
    public Timeout TimeoutTriangular(TimeSpan low, TimeSpan high, TimeSpan mode) => TimeoutTriangular(Random, low, high, mode);
    public Timeout TimeoutExponentialD(IRandom random, double mean) => TimeoutD(RandExponential(random, mean));
    public Timeout TimeoutExponentialD(double mean) => TimeoutExponentialD(Random, mean);
    public Timeout TimeoutExponential(IRandom random, TimeSpan mean) => Timeout(RandExponential(random, mean));
    public Timeout TimeoutExponential(TimeSpan mean) => TimeoutExponential(Random, mean);
    public Timeout TimeoutNormalPositiveD(IRandom random, double mu, double sigma) => TimeoutD(RandNormalPositive(random, mu, sigma));
    public Timeout TimeoutNormalPositiveD(double mu, double sigma) => TimeoutNormalPositiveD(Random, mu, sigma);
    public Timeout TimeoutNormalPositive(IRandom random, TimeSpan mu, TimeSpan sigma) => Timeout(RandNormalPositive(random, mu, sigma));
    public Timeout TimeoutNormalPositive(TimeSpan mu, TimeSpan sigma) => TimeoutNormalPositive(Random, mu, sigma);
    public Timeout TimeoutLogNormalD(IRandom random, double mu, double sigma) => TimeoutD(RandLogNormal(random, mu, sigma));
    public Timeout TimeoutLogNormalD(double mu, double sigma) => TimeoutLogNormalD(Random, mu, sigma);
    public Timeout TimeoutLogNormal2D(IRandom random, double mean, double stdev) => TimeoutD(RandLogNormal2(random, mean, stdev));
    public Timeout TimeoutLogNormal2D(double mean, double stdev) => TimeoutLogNormal2D(Random, mean, stdev);
    public Timeout TimeoutLogNormal(IRandom random, TimeSpan mu, TimeSpan sigma) => Timeout(RandLogNormal(random, mu, sigma));
    public Timeout TimeoutLogNormal(TimeSpan mu, TimeSpan sigma) => TimeoutLogNormal(Random, mu, sigma);
    public Timeout TimeoutLogNormal2(IRandom random, TimeSpan mean, TimeSpan stdev) => Timeout(RandLogNormal2(random, mean, stdev));
    public Timeout TimeoutLogNormal2(TimeSpan mean, TimeSpan stdev) => TimeoutLogNormal2(Random, mean, stdev);

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static double RepeatUntil(Func<double> draw, Func<double, bool> accept)
    {
        double v;
        do v = draw(); while (!accept(v));
        return v;
    }
}

using MathNet.Numerics.Distributions;
using Simulator.Strategies.Network.Online;

namespace Simulator.Strategies.Tests.Network;

/// <summary>The learners' own samplers against MathNet's distribution functions: Kolmogorov-Smirnov over 20,000 draws at the 0.1 % level (critical distance 1.95 / sqrt(n)).</summary>
public class VariatesTests
{
    private const int Draws = 20000;

    private static double KolmogorovSmirnov(double[] sample, Func<double, double> cdf)
    {
        Array.Sort(sample);
        double distance = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            double f = cdf(sample[i]);
            distance = Math.Max(distance, Math.Max((i + 1.0) / sample.Length - f, f - (double)i / sample.Length));
        }
        return distance;
    }

    private static void AssertFits(double[] sample, Func<double, double> cdf, string what)
    {
        double distance = KolmogorovSmirnov(sample, cdf), critical = 1.95 / Math.Sqrt(sample.Length);
        Assert.True(distance < critical, $"{what}: Kolmogorov-Smirnov distance {distance:F4} at or above {critical:F4}");
    }

    [Fact]
    public void Normals_are_standard_normal_and_consecutive_ones_uncorrelated()
    {
        var draws = new Variates(new Random(1));
        var sample = Enumerable.Range(0, Draws).Select(_ => draws.Normal()).ToArray();
        // Pairs of the polar method come out one after the other: their correlation must vanish (|r| < 4 / sqrt(n/2)).
        double r = MathNet.Numerics.Statistics.Correlation.Pearson(sample.Where((_, i) => i % 2 == 0), sample.Where((_, i) => i % 2 == 1));
        Assert.True(Math.Abs(r) < 4 / Math.Sqrt(Draws / 2.0), $"correlation of the two normals of a pair {r:F4}");
        AssertFits(sample, x => Normal.CDF(0, 1, x), "N(0, 1)");
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(1)]
    [InlineData(2.5)]
    [InlineData(400)]
    public void Gammas_follow_the_gamma_distribution(double shape)
    {
        var draws = new Variates(new Random(2));
        AssertFits(Enumerable.Range(0, Draws).Select(_ => draws.Gamma(shape)).ToArray(), x => Gamma.CDF(shape, 1, x), $"Gamma({shape})");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(401, 317)]
    [InlineData(1, 2000)]
    [InlineData(1.5, 1.2)]
    [InlineData(2, 2000)]
    [InlineData(900, 3)]
    [InlineData(0.5, 4)]
    public void Betas_follow_the_beta_distribution(double a, double b)
    {
        var draws = new Variates(new Random(3));
        AssertFits(Enumerable.Range(0, Draws).Select(_ => draws.Beta(a, b)).ToArray(), x => Beta.CDF(a, b, x), $"Beta({a}, {b})");
    }

    [Fact]
    public void A_shape_that_is_not_positive_is_refused()
    {
        var draws = new Variates(new Random(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => draws.Gamma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => draws.Gamma(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => draws.Beta(2, 0));
    }
}

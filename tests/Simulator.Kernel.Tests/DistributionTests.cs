using static Simulator.Kernel.Distributions;

namespace Simulator.Kernel.Tests;

/// <summary>
/// What the parity tests leave to the kernel itself: the duration distributions against their
/// counterparts in seconds, the edges of the empirical and bounded distributions, and draws that take
/// nothing from the stream.
/// </summary>
public class DistributionTests
{
    private static readonly TimeSpan S = TimeSpan.FromSeconds(1);

    [Fact]
    public void Each_duration_distribution_draws_its_counterparts_seconds_and_states_its_moments()
    {
        Same(UNIF(2 * S, 5 * S), UNIF(2, 5));
        Same(TRI(0 * S, 1 * S, 0.3 * S), TRI(0, 1, 0.3));
        Same(TRI(10 * S, 12 * S), TRI(10, 12));
        Same(EXP(180 * S), EXP(180));
        Same(N(600 * S, 120 * S), N(600, 120));
        Same(LNORM(1 * S, 0.5 * S), LNORM(1, 0.5));
        Same(LNORM2(2 * S, 1 * S), LNORM2(2, 1));
        Same(CAUCHY(1 * S, 2), CAUCHY(1, 2));
        Same(ERL(3, 2 * S), ERL(3, 2));

        Moments(UNIF(2 * S, 5 * S).MeanTime, UNIF(2 * S, 5 * S).StdDevTime, UNIF(2, 5).Mean, UNIF(2, 5).StdDev);
        Moments(TRI(10 * S, 12 * S).Mean, TRI(10 * S, 12 * S).StdDev, 11, TRI(10, 12).StdDev);
        Assert.Equal(11 * S, TRI(10 * S, 12 * S).Mode);
        Moments(EXP(180 * S).Mean, EXP(180 * S).StdDev, 180, 180);
        Moments(LNORM(1 * S, 0.5 * S).Mean, LNORM(1 * S, 0.5 * S).StdDev, Math.Exp(1.125), Math.Sqrt((Math.Exp(0.25) - 1) * Math.Exp(2.25)));
        Moments(LNORM2(2 * S, 1 * S).Mean, LNORM2(2 * S, 1 * S).StdDev, 2, 1);
        Moments(ERL(3, 2 * S).Mean, ERL(3, 2 * S).StdDev, 1.5, Math.Sqrt(3) / 2);

        // The static draws, which take their parameters per call.
        Draws(r => TriangularTime.Sample(r, 10 * S, 12 * S), r => Triangular.Sample(r, 10, 12));
        Draws(r => TriangularTime.Sample(r, 0 * S, 1 * S, 0.3 * S), r => Triangular.Sample(r, 0, 1, 0.3));
        Draws(r => LogNormalTime.Sample(r, 2 * S, 1 * S), r => LogNormal.Sample(r, 2, 1));
        Draws(r => ErlangTime.Sample(r, 3, 2 * S), r => Erlang.Sample(r, 3, 2));
    }

    [Fact]
    public void A_one_pass_choice_gives_each_element_its_equal_chance()
    {
        // 20,000 choices among 5: 4,000 each, within 3.29 standard deviations (sqrt(20,000 * 0.2 * 0.8) = 56.6).
        var r = new PcgRandom(11);
        var single = new int[5];
        var each = new int[5];
        for (int i = 0; i < 20_000; i++) single[EmpiricalUniform<int>.SampleOnline(r, Enumerable.Range(0, 5))]++;
        for (int i = 0; i < 5_000; i++)
            foreach (int k in EmpiricalUniform<int>.SampleOnline(r, Enumerable.Range(0, 5), 4)) each[k]++;
        Assert.All(single, c => Assert.InRange(c, 4_000 - 186, 4_000 + 186));
        Assert.All(each, c => Assert.InRange(c, 4_000 - 186, 4_000 + 186));
    }

    [Fact]
    public void A_zero_weight_is_never_drawn_even_at_the_ends_of_the_unit_interval()
    {
        var atZero = new EmpiricalNonUniform<string>(["never", "always"], [0, 1]);
        Assert.Equal("always", atZero.Sample(new FixedRandom(0)));
        // These shares add up to 1 - 2^-52 in floating point: a draw of 1 - 2^-53 lies past them all and
        // falls on the last positive weight, not on the zero after it.
        var shortfall = new EmpiricalNonUniform<int>([0, 1, 2, 3, 4, 5, 6], [0.9, 0.1, 3, 0.7, 0.9, 0.9, 0]);
        Assert.Equal(5, shortfall.Sample(new FixedRandom(1 - Math.Pow(2, -53))));
        Assert.Throws<ArgumentException>(() => new EmpiricalNonUniform<int>([1, 2], [0, 0]));
        Assert.Throws<ArgumentException>(() => new EmpiricalUniform<int>([1, 2, 3, 4, 5]).SampleNoRepetition(new PcgRandom(1), 6).ToList());
        Assert.Equal([1, 2, 3, 4, 5], new EmpiricalUniform<int>([1, 2, 3, 4, 5]).SampleNoRepetition(new PcgRandom(1), 5));
    }

    [Fact]
    public void Bounds_include_their_ends_unless_told_to_exclude_them()
    {
        var r = new PcgRandom(1);
        Assert.Equal(0.0, new BoundedContinuous(CONST(0.0), lower: 0).Sample(r));
        Assert.Equal(0.0, new BoundedContinuous(CONST(0.0), upper: 0).Sample(r));
        Assert.False(POS(CONST(0.0), ntries: 3).TrySample(r, out _));
        Assert.False(NEG(CONST(0.0), ntries: 3).TrySample(r, out _));
        Assert.False(POS(CONST(0), ntries: 3).TrySample(r, out _));
        Assert.Equal(0, new BoundedDiscrete(CONST(0), lower: 0, upper: 0).Sample(r));
        Assert.False(POS(CONST(TimeSpan.Zero), ntries: 3).TrySample(r, out _));
    }

    [Fact]
    public void A_normal_without_spread_is_its_mean_and_takes_nothing_from_the_stream()
    {
        var r = new PcgRandom(4);
        Assert.Equal(5.0, N(5, 0).Sample(r));
        Assert.Equal(5 * S, N(5 * S, TimeSpan.Zero).Sample(r));
        Assert.Equal(new PcgRandom(4).NextDouble(), r.NextDouble());
    }

    private static void Same(IDistribution<TimeSpan> duration, IDistribution<double> seconds) =>
        Draws(duration.Sample, seconds.Sample);

    /// <summary>Fifty draws from the same stream agree within two ticks of the clock (2 x 100 ns): a duration is a bound plus an offset, each rounded to the tick.</summary>
    private static void Draws(Func<IRandom, TimeSpan> duration, Func<IRandom, double> seconds)
    {
        var a = new PcgRandom(1);
        var b = new PcgRandom(1);
        for (int i = 0; i < 50; i++)
        {
            double expected = seconds(b);
            Assert.Equal(expected, duration(a).TotalSeconds, 2e-7 * Math.Max(1, Math.Abs(expected)));
        }
    }

    private static void Moments(TimeSpan mean, TimeSpan sd, double expectedMean, double expectedSd)
    {
        Assert.Equal(expectedMean, mean.TotalSeconds, 1e-7);
        Assert.Equal(expectedSd, sd.TotalSeconds, 1e-7);
    }

    /// <summary>A stream that always gives the same uniform number.</summary>
    private sealed class FixedRandom(double value) : IRandom
    {
        public int Next() => 0;

        public int Next(int upperBound) => 0;

        public int Next(int lowerBound, int upperBound) => lowerBound;

        public double NextDouble() => value;

        public void Reinitialise(int seed) { }
    }
}

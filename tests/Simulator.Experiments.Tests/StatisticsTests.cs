using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

public class StatisticsTests
{
    [Theory]
    [InlineData(8.348123, 0.09299, "8.348 ± 0.093")]
    [InlineData(1234.5678, 12.34, "1235 ± 12")]
    [InlineData(0.41853, 0.003175, "0.4185 ± 0.0032")]
    [InlineData(12.25, 0.1123, "12.25 ± 0.11")]
    [InlineData(5.0, 0.0, "5")]
    [InlineData(7.123456, double.NaN, "7.123")]
    public void An_estimate_shows_the_digits_its_interval_supports(double mean, double halfWidth, string shown)
    {
        var metric = new ShownMetric("x", null, v => v);
        Assert.Equal(shown, metric.Estimate(mean, halfWidth));
    }

    [Fact]
    public void Student_t_interval_matches_hand_computed_values()
    {
        var s = Summary.Of(new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 });
        Assert.Equal(8, s.N);
        Assert.Equal(5, s.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), s.StdDev, 12);
        // t(7, 0.975) = 2.364624252 from the tables; half-width = t * sd / sqrt(8) = 1.78748...
        Assert.Equal(2.364624252 * Math.Sqrt(32.0 / 7) / Math.Sqrt(8), s.HalfWidth, 8);
        Assert.Equal(5 - s.HalfWidth, s.Low, 12);
    }

    [Fact]
    public void NaN_values_are_left_out_and_tiny_samples_have_no_interval()
    {
        var s = Summary.Of(new[] { 1.0, double.NaN, 3.0 });
        Assert.Equal(2, s.N);
        Assert.Equal(2, s.Mean);
        Assert.True(double.IsNaN(Summary.Of(new[] { 4.0 }).HalfWidth));
        Assert.True(double.IsNaN(Summary.Of(Array.Empty<double>()).Mean));
    }

    [Fact]
    public void Paired_intervals_recover_a_known_difference_that_unpaired_noise_would_hide()
    {
        // Baselines vary a lot between replications; the strategy adds exactly 3 plus small noise.
        var rng = new Random(9);
        var baseline = Enumerable.Range(0, 30).ToDictionary(r => r, _ => 100 + 40 * rng.NextDouble());
        var strategy = baseline.ToDictionary(kv => kv.Key, kv => kv.Value + 3 + 0.5 * (rng.NextDouble() - 0.5));
        var p = PairedSummary.Of(strategy, baseline);
        Assert.Equal(30, p.Difference.N);
        Assert.InRange(3.0, p.Difference.Low, p.Difference.High);
        Assert.True(p.Difference.Low > 2.8 && p.Difference.High < 3.2);
        Assert.Equal(p.Difference.Mean / baseline.Values.Average(), p.RelativeGain, 12);
        // Unpaired, the interval of the strategy alone is far wider than the difference.
        Assert.True(Summary.Of(strategy.Values).HalfWidth > 10 * p.Difference.HalfWidth);
    }

    [Fact]
    public void A_relative_gain_has_the_sign_of_the_difference_and_none_against_a_zero_baseline()
    {
        var below = new Dictionary<int, double> { [0] = -2, [1] = -2 };
        Assert.Equal(0.5, PairedSummary.Of(new Dictionary<int, double> { [0] = -1, [1] = -1 }, below).RelativeGain, 12);
        Assert.Equal(-0.5, PairedSummary.Of(new Dictionary<int, double> { [0] = -3, [1] = -3 }, below).RelativeGain, 12);
        Assert.Equal(0.5, PairedSummary.Of(new Dictionary<int, double> { [0] = 3, [1] = 3 }, new Dictionary<int, double> { [0] = 2, [1] = 2 }).RelativeGain, 12);
        Assert.True(double.IsNaN(PairedSummary.Of(new Dictionary<int, double> { [0] = 3, [1] = 3 }, new Dictionary<int, double> { [0] = 0, [1] = 0 }).RelativeGain));
    }

    [Fact]
    public void An_interval_is_narrow_relative_to_the_size_of_its_mean_whatever_its_sign()
    {
        var positive = Summary.Of(new[] { 9.0, 10, 11 });
        var negative = Summary.Of(new[] { -9.0, -10, -11 });
        Assert.Equal(positive.HalfWidth, negative.HalfWidth, 12);
        double share = positive.HalfWidth / 10;
        Assert.True(positive.NarrowWithin(share) && negative.NarrowWithin(share));
        Assert.False(positive.NarrowWithin(0.99 * share) || negative.NarrowWithin(0.99 * share));
    }

    [Fact]
    public void A_replication_NaN_on_either_side_is_left_out_of_the_pairing()
    {
        var p = PairedSummary.Of(new Dictionary<int, double> { [0] = 5, [1] = double.NaN, [2] = 9 }, new Dictionary<int, double> { [0] = 4, [1] = 6, [2] = double.NaN });
        Assert.Equal(1, p.Difference.N);
        Assert.Equal(1, p.Difference.Mean);
        Assert.Equal(4, p.BaselineMean);
    }

    [Fact]
    public void Pairing_uses_only_replications_present_on_both_sides()
    {
        var p = PairedSummary.Of(new Dictionary<int, double> { [0] = 5, [1] = 7, [2] = 9 }, new Dictionary<int, double> { [1] = 6, [2] = 6, [3] = 100 });
        Assert.Equal(2, p.Difference.N);
        Assert.Equal(2, p.Difference.Mean);
        Assert.Equal(6, p.BaselineMean);
    }
}

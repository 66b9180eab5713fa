using CsCheck;
using Simulator.Edge;

namespace Simulator.Edge.Tests;

public class LatencyHistogramTests
{
    [Fact]
    public void The_binned_cdf_brackets_the_exact_one_within_half_a_percent()
    {
        // Against the sorted sample: at every bin edge the fraction is the exact share of values at or below
        // it, and every value's bin edge lies within 0.5 % above it.
        Gen.Double[0, 50].Array[1, 400].Sample(values =>
        {
            var histogram = new LatencyHistogram();
            foreach (double v in values) histogram.Add(v);
            var sorted = values.Order().ToArray();
            var cdf = histogram.Cdf();
            foreach (var (edge, fraction) in cdf)
                if (Math.Abs(fraction - sorted.Count(v => v <= edge) / (double)sorted.Length) > 1e-12) return false;
            foreach (double v in values)
            {
                var (edge, _) = cdf.First(c => c.Latency >= v);
                if (v > LatencyHistogram.Smallest && edge > v * LatencyHistogram.Ratio * (1 + 1e-9)) return false;
            }
            return histogram.Count == values.Length && Math.Abs(histogram.Mean - values.Average()) <= 1e-12 * Math.Max(1, values.Average()) && cdf[^1].Fraction == 1;
        }, iter: 200);
    }

    [Fact]
    public void A_value_next_to_an_edge_falls_on_its_own_side()
    {
        // The logarithm that finds a bin is off by a rounding error near an edge: 1.0050000000000001e-6, one ulp above
        // the edge 1.005e-6, was once counted at or below it (CsCheck found it among the sample's fractions).
        var values = new List<double> { 1.0050000000000001e-6 };
        foreach (int bin in new[] { 1, 2, 7, 100, 1000, 2770, 5000, 5525 })
        {
            double edge = LatencyHistogram.Edge(bin);
            values.AddRange([Math.BitDecrement(edge), edge, Math.BitIncrement(edge)]);
        }
        foreach (double v in values)
        {
            var histogram = new LatencyHistogram();
            histogram.Add(v);
            var (latency, fraction) = Assert.Single(histogram.Cdf());
            Assert.True(latency >= v, $"{v:R} is counted at or below {latency:R}");
            Assert.True(latency <= v * LatencyHistogram.Ratio, $"{v:R} is counted at {latency:R}, more than a bin above it");
            Assert.Equal(1.0, fraction);
        }
    }

    [Fact]
    public void Its_quantiles_are_the_exact_ones_within_its_bins()
    {
        // Against MathNet's R7 quantile of the same sample: the order statistics around (n - 1) p move at most to their
        // bins' edges, so the quantile stays within a bin's 0.5 % (and 1 us near 0).
        Gen.Select(Gen.Double[0, 50].Array[1, 400], Gen.Double[0, 1]).Sample((values, p) =>
        {
            var histogram = new LatencyHistogram();
            foreach (double v in values) histogram.Add(v);
            double exact = MathNet.Numerics.Statistics.ArrayStatistics.QuantileCustomInplace(values.ToArray(), p, MathNet.Numerics.Statistics.QuantileDefinition.R7);
            double estimate = histogram.Quantile(p);
            return Math.Abs(estimate - exact) <= (LatencyHistogram.Ratio - 1) * exact + LatencyHistogram.Smallest;
        }, iter: 500);
        Assert.True(double.IsNaN(new LatencyHistogram().Quantile(0.95)));
    }

    [Fact]
    public void Its_size_does_not_grow_with_the_samples()
    {
        var histogram = new LatencyHistogram();
        for (int i = 0; i < 1_000_000; i++) histogram.Add(0.001 * (i % 5000));
        Assert.True(histogram.Cdf().Count < 2000);
        Assert.Equal(1_000_000, histogram.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Add(double.NaN));
    }
}

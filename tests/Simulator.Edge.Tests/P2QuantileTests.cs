using Simulator.Edge;

namespace Simulator.Edge.Tests;

public class P2QuantileTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void Streamed_quantiles_of_exponential_samples_are_close_to_the_exact_ones(double p)
    {
        var rng = new Random(12);
        var estimate = new P2Quantile(p);
        var all = new double[200_000];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = Draw.Exponential(rng, 1.0);
            estimate.Add(all[i]);
        }
        Array.Sort(all);
        double exact = all[(int)(p * (all.Length - 1))];
        Assert.InRange(estimate.Value, exact * 0.98, exact * 1.02);
        Assert.InRange(estimate.Value, -Math.Log(1 - p) * 0.97, -Math.Log(1 - p) * 1.03); // the closed form
    }

    [Fact]
    public void Up_to_five_observations_the_quantile_is_exact()
    {
        var q = new P2Quantile(0.5);
        Assert.True(double.IsNaN(q.Value));
        foreach (var x in new[] { 5.0, 1, 3 }) q.Add(x);
        Assert.Equal(3, q.Value);
    }
}

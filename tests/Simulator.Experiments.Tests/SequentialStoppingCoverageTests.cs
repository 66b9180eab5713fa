using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace Simulator.Experiments.Tests;

/// <summary>
/// How often sequential stopping's 95 % intervals hold the true mean, measured on worlds whose mean is known: a run's
/// primary metric stood in for by draws of a normal, an exponential and a Bernoulli variable, replications added one at
/// a time until <see cref="Summary.NarrowWithin"/> the target, as the runner adds them. The oracle is the same interval
/// from a fixed number of replications, as many as the rule took on average.
/// </summary>
public class SequentialStoppingCoverageTests(ITestOutputHelper output)
{
    private const int Trials = 6_000;

    /// <summary>A world: a draw, its true mean, and its coefficient of variation, from which a target is set for a size.</summary>
    private sealed record World(string Name, Func<Random, double> Draw, double Mean, double Variation);

    private static readonly World[] Worlds =
    [
        new("normal, 20 % spread", r => 1 + 0.2 * Normal.Sample(r, 0, 1), 1, 0.2),
        new("exponential", r => -Math.Log(1 - r.NextDouble()), 1, 1),
        new("Bernoulli, p = 0.3", r => r.NextDouble() < 0.3 ? 1 : 0, 0.3, Math.Sqrt(0.7 / 0.3)),
    ];

    /// <summary>The share of <see cref="Trials"/> stopped intervals that hold the mean, and the replications they took on average.</summary>
    private static (double Coverage, double Replications) Sequential(World world, double target, int min, int seed)
    {
        var rng = new Random(seed);
        int held = 0;
        long taken = 0;
        for (int t = 0; t < Trials; t++)
        {
            var values = new List<double>();
            while (values.Count < min) values.Add(world.Draw(rng));
            var summary = Summary.Of(values);
            while (!summary.NarrowWithin(target) && values.Count < 1_000)
            {
                values.Add(world.Draw(rng));
                summary = Summary.Of(values);
            }
            if (summary.Low <= world.Mean && world.Mean <= summary.High) held++;
            taken += values.Count;
        }
        return ((double)held / Trials, (double)taken / Trials);
    }

    private static double Fixed(World world, int n, int seed)
    {
        var rng = new Random(seed);
        int held = 0;
        for (int t = 0; t < Trials; t++)
        {
            var summary = Summary.Of(Enumerable.Range(0, n).Select(_ => world.Draw(rng)).ToArray());
            if (summary.Low <= world.Mean && world.Mean <= summary.High) held++;
        }
        return (double)held / Trials;
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public void From_the_least_minimum_the_stopped_intervals_cover_as_a_fixed_count_does_and_from_two_they_do_not(int size)
    {
        foreach (var world in Worlds)
        {
            // The target that needs about `size` replications: 1.96 times the spread over the root of the size.
            double target = 1.96 * world.Variation / Math.Sqrt(size);
            var (floor, floorTook) = Sequential(world, target, ExperimentKeys.LeastMin, 1);
            var (two, twoTook) = Sequential(world, target, 2, 2);
            double oracle = Fixed(world, (int)Math.Round(floorTook), 3);
            output.WriteLine($"{world.Name}, target {target:P1}: fixed {oracle:F3}; from {ExperimentKeys.LeastMin} {floor:F3} ({floorTook:F1} replications); from 2 {two:F3} ({twoTook:F1})");
            // Stopping on the interval costs little coverage once the first check has 10 replications behind it ...
            Assert.InRange(floor, oracle - 0.025, oracle + 0.015);
            // ... and much from 2, where a few replications that agree by chance stop the run.
            Assert.True(two < oracle - 0.04, $"{world.Name}: from 2, {two:F3} against {oracle:F3} fixed");
        }
    }

    [Fact]
    public void The_minimum_below_the_floor_is_refused_with_the_reason()
    {
        var ex = Assert.Throws<ConfigException>(() => Quickstart.Read(["replications={min: 5, max: 40, ci_half_width: 5%}"]));
        Assert.Contains("'min' must be a whole number from 10 to 1,000,000, not 5: sequential stopping checks the interval after every replication", ex.Message);
        Assert.Equal(10, Quickstart.Read(["replications={min: 10, max: 40, ci_half_width: 5%}"]).Replications.Min);
    }
}

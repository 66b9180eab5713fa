using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Edge.Tests.Network;

/// <summary>The requests' context features: the paper's one scaled direction, and the latent task types a learner can read.</summary>
public class ContextModelTests
{
    [Fact]
    public void The_papers_contexts_are_one_direction_scaled_by_the_request_index_plus_one()
    {
        var world = new PaperContext(6).Draw(4, new RandomStreams(3));
        var (first, type, accuracy) = world.Request(0, new RandomStreams(3));
        Assert.All(first, c => Assert.InRange(c, 0, 100));
        Assert.Equal(-1, type);
        Assert.Null(accuracy);
        Assert.Empty(world.Informative);
        foreach (int j in new[] { 1, 4, 99 })
        {
            var features = world.Request(j, new RandomStreams(3)).Features;
            for (int i = 0; i < first.Length; i++) Assert.Equal((j + 1) * first[i], features[i], 12);
        }
    }

    [Fact]
    public void Latent_types_show_in_their_informative_features_and_fix_each_models_accuracy()
    {
        const int features = 10, types = 3, informative = 4, requests = 20_000;
        const double noise = 0.3;
        var streams = new RandomStreams(8);
        var world = new LatentContext(features, types, informative, noise, AccuracyMin: 0.5, AccuracyMax: 0.9).Draw(5, streams);
        var positions = world.Informative.ToArray();
        Assert.Equal(informative, positions.Length);
        var draws = Enumerable.Range(0, requests).Select(j => world.Request(j, streams)).ToArray();

        // Types are uniform; a type fixes every model's accuracy, drawn once from [0.5, 0.9].
        double share = 3.29 * Math.Sqrt(1.0 / types * (1 - 1.0 / types) / requests);
        Assert.All(Enumerable.Range(0, types), t => Assert.InRange(draws.Count(d => d.Type == t) / (double)requests, 1.0 / types - share, 1.0 / types + share));
        foreach (var group in draws.GroupBy(d => d.Type))
        {
            Assert.Single(group.Select(d => string.Join(",", d.Accuracy!)).Distinct());
            Assert.All(group.First().Accuracy!, a => Assert.InRange(a, 0.5, 0.9));
        }
        Assert.Equal(types, draws.Select(d => d.Accuracy![0]).Distinct().Count());

        // A feature that is not informative is N(0, 1). Informative feature number q (in position order as drawn) is
        // 1 for its type, 0 otherwise, plus N(0, 0.3^2): so over the requests of each type it has one of the two means,
        // and every informative feature is 1 for exactly one type.
        static (double Mean, double Sd) Moments(IEnumerable<double> x)
        {
            var monitor = new SampleMonitor();
            foreach (double v in x) monitor.Add(v);
            return (monitor.Mean, Math.Sqrt(monitor.SampleVariance));
        }
        foreach (int i in Enumerable.Range(0, features).Where(i => !world.Informative.Contains(i)))
        {
            var (mean, sd) = Moments(draws.Select(d => d.Features[i]));
            Assert.InRange(mean, -0.03, 0.03);
            Assert.InRange(sd, 0.97, 1.03);
        }
        var signalled = new int[types];
        foreach (int i in positions)
        {
            int ones = 0;
            foreach (var group in draws.GroupBy(d => d.Type))
            {
                var (mean, sd) = Moments(group.Select(d => d.Features[i]));
                Assert.InRange(sd, 0.28, 0.32);
                Assert.True(Math.Abs(mean) < 0.03 || Math.Abs(mean - 1) < 0.03, $"feature {i} has mean {mean} over type {group.Key}");
                if (mean > 0.5)
                {
                    ones++;
                    signalled[group.Key]++;
                }
            }
            Assert.Equal(1, ones);
        }
        // Four informative features over three types: q mod 3 gives type 0 two of them.
        Assert.Equal(new[] { 2, 1, 1 }, signalled);
    }
}

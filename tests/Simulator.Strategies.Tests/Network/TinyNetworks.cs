using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Strategies.Tests.Network;

/// <summary>Tiny random network windows drawn by the real world generator: at most 5 requests, 3 models, 4 cloudlets.</summary>
internal static class TinyNetworks
{
    public static NetworkView Random(Random rng, CapacityRule? capacity = null, SourceRule? sources = null, double alphaMax = 1)
    {
        int models = rng.Next(1, 4);
        var catalog = PfmGenerator.Build(new PfmSpec(models, rng.Next(1, models + 1)), new AffineProfile(0, 0), 0, rng);
        var spec = new NetworkWorldSpec
        {
            Cloudlets = rng.Next(1, 5),
            MaxCopies = rng.Next(1, 3),
            Edges = rng.Next(2) == 0 ? new RandomConnectedEdges() : new KNearestEdges(1),
            Capacity = capacity ?? (rng.Next(2) == 0 ? CapacityRule.PerRequest : CapacityRule.Aggregated),
            Sources = sources ?? (rng.Next(2) == 0 ? SourceRule.Cloudlets : SourceRule.All),
            CapacityFactor = new Interval(0, alphaMax),
            // Wide enough that the accuracy requirement and the budget remove pairs now and then.
            RequestRanges = new RequestRanges { AccuracyRequirement = new Interval(0.1, 0.9), Budget = new Interval(150, 400) },
        };
        return new NetworkView(NetworkWorld.Draw(spec, catalog, rng.Next(1, 6), new RandomStreams((ulong)rng.NextInt64())));
    }
}

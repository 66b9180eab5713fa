using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Strategies.Tests.Network;

/// <summary>Tiny random network windows drawn by the real world generator: at most 5 requests, 3 models, 4 cloudlets unless told.</summary>
internal static class TinyNetworks
{
    public static NetworkView Random(Random rng, CapacityRule? capacity = null, SourceRule? sources = null, double alphaMax = 1,
        int maxModels = 3, int maxCloudlets = 4, int maxRequests = 5, Interval? capacityGB = null)
    {
        int models = rng.Next(1, maxModels + 1);
        var catalog = PfmGenerator.Build(new PfmSpec(models, rng.Next(1, models + 1)), new AffineProfile(0, 0), 0, rng);
        var spec = new NetworkWorldSpec
        {
            Cloudlets = rng.Next(1, maxCloudlets + 1),
            MaxCopies = rng.Next(1, 3),
            Edges = rng.Next(2) == 0 ? new RandomConnectedEdges() : new KNearestEdges(1),
            Capacity = capacity ?? (rng.Next(2) == 0 ? CapacityRule.PerRequest : CapacityRule.Aggregated),
            Sources = sources ?? (rng.Next(2) == 0 ? SourceRule.Cloudlets : SourceRule.All),
            CapacityFactor = new Interval(0, alphaMax),
            CloudletRanges = capacityGB is { } gb ? new CloudletRanges { CapacityGB = gb } : new CloudletRanges(),
            // Wide enough that the accuracy requirement and the budget remove pairs now and then.
            RequestRanges = new RequestRanges { AccuracyRequirement = new Interval(0.1, 0.9), Budget = new Interval(150, 400) },
        };
        return new NetworkView(NetworkWorld.Draw(spec, catalog, rng.Next(1, maxRequests + 1), new RandomStreams((ulong)rng.NextInt64())));
    }
}

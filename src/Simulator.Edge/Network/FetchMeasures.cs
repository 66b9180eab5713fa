using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// What the fetch measured: bytes pulled from the data centre and from other cloudlets (counted requests), bytes
/// of every pull started and landed (warm-up or not: what the network sent towards the disks and delivered), the
/// seconds the counted pulls took, how often a part was already at home, and, per counted request that reached
/// its service, the wait for its parts and the accuracy of the model chosen for it.
/// </summary>
public sealed class FetchMeasures
{
    public double BytesFromDataCentre { get; internal set; }

    public double BytesFromCloudlets { get; internal set; }

    public double BytesSent { get; internal set; }

    public double BytesLanded { get; internal set; }

    /// <summary>Seconds the counted pulls took, from start to landing (the network tier's time).</summary>
    public double PullSeconds { get; internal set; }

    public long PartLookups { get; internal set; }

    public long PartHits { get; internal set; }

    /// <summary>Seconds from decision to admission of every counted request that reached its service.</summary>
    public SampleMonitor Pull { get; } = new("pull");

    public SampleMonitor Accuracy { get; } = new("accuracy");
}

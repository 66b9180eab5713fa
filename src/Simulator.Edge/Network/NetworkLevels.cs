using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// The network's levels over a traced run, as means per window (memory flat in the horizon): the requests in the
/// network, those of them whose model's parts are still being pulled, and the bytes the part stores hold, all
/// cloudlets together. The stochastic network and the network of sites keep them alike.
/// </summary>
public sealed class NetworkLevels
{
    public NetworkLevels(Simulation env, RequestPipeline pipeline, CloudletNetwork network, double windowSeconds)
    {
        InSystem = new WindowedLevel(windowSeconds);
        AwaitingParts = new WindowedLevel(windowSeconds);
        pipeline.LevelsChanged += () =>
        {
            InSystem.Set(env.NowD, pipeline.InSystem);
            AwaitingParts.Set(env.NowD, pipeline.AwaitingParts);
        };
        // Each store's bytes as last seen: a change moves the sum by the difference, without summing every store again.
        var stores = network.Stores;
        var seen = stores.Select(s => s.UsedBytes).ToArray();
        double held = seen.Sum();
        StoredBytes = new WindowedLevel(windowSeconds, held);
        for (int i = 0; i < stores.Count; i++)
        {
            int k = i;
            stores[k].BlockChanged += (_, _) =>
            {
                held += stores[k].UsedBytes - seen[k];
                seen[k] = stores[k].UsedBytes;
                StoredBytes.Set(env.NowD, held);
            };
        }
    }

    /// <summary>Requests arrived and not ended: waiting for their window, pulling, queued, in service or returning.</summary>
    public WindowedLevel InSystem { get; }

    /// <summary>Requests placed whose model's parts are still on their way.</summary>
    public WindowedLevel AwaitingParts { get; }

    /// <summary>The bytes of blocks held by the part stores, all cloudlets together.</summary>
    public WindowedLevel StoredBytes { get; }
}

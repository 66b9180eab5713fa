using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// What a traced run of the stochastic network keeps, in memory that does not grow with the horizon: the delays of
/// the counted requests served, binned, and three levels as means per window: the requests in the network, those
/// of them whose model's parts are still being pulled, and the bytes the part stores hold, all cloudlets together.
/// </summary>
public sealed class NetworkTrace
{
    public NetworkTrace(Simulation env, RequestPipeline pipeline, PlannedTermsService service, CloudletNetwork network, double windowSeconds)
    {
        InSystem = new WindowedLevel(windowSeconds);
        AwaitingParts = new WindowedLevel(windowSeconds);
        pipeline.LevelsChanged += () =>
        {
            InSystem.Set(env.NowD, pipeline.InSystem);
            AwaitingParts.Set(env.NowD, pipeline.AwaitingParts);
        };
        Delays = service.Measures.KeepDistribution();
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

    /// <summary>The delay of every counted request served (its pull, queueing, inference and transmission), binned.</summary>
    public LatencyHistogram Delays { get; }

    /// <summary>Requests arrived and not ended: waiting for their window, pulling, queued, in inference or returning.</summary>
    public WindowedLevel InSystem { get; }

    /// <summary>Requests placed whose model's parts are still on their way.</summary>
    public WindowedLevel AwaitingParts { get; }

    /// <summary>The bytes of blocks held by the part stores, all cloudlets together.</summary>
    public WindowedLevel StoredBytes { get; }
}

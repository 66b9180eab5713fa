using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>How a cloudlet's inference queue is modelled.</summary>
public enum Queueing
{
    /// <summary>The paper's constant M/G/1 wait W_h, then inference, with no interaction between requests.</summary>
    Analytic,

    /// <summary>A FIFO server per cloudlet in the simulation, service time phi_k |M_k| / f_h.</summary>
    Simulated,
}

/// <summary>The stochastic network's processes: Poisson requests at a total rate, planned every window, served by a queue of the paper's terms, pulls sharing the links or not.</summary>
public sealed record NetworkProcessSpec(double RatePerSecond, double WindowSeconds, Queueing Queueing, Contention Contention)
{
    public Inflight Inflight { get; init; } = Inflight.PullAgain;
}

/// <summary>
/// The stochastic network (network.md section 4) as the <see cref="RequestPipeline"/> runs it: users arriving over
/// the area, the network strategy's selection, the pulls, and each cloudlet's queue of the paper's terms.
/// A part already on its way to the same cloudlet from an earlier window is pulled again unless
/// <see cref="Inflight.Join"/>: the plan did not know of it, and waiting for it could take longer than planned.
/// </summary>
public sealed class StochasticNetwork
{
    /// <param name="strategy">The network strategy: an <see cref="INetworkSelector"/> or an <see cref="IOnlineSelector"/>.</param>
    /// <param name="traceWindowSeconds">Keep the levels per window of this width (<see cref="Levels"/>); null: not traced.</param>
    public StochasticNetwork(Simulation env, NetworkWorldSpec world, NetworkProcessSpec process, Catalog catalog, object strategy, PenaltySpec penalty, RandomStreams streams, double warmupSeconds,
        double? traceWindowSeconds = null)
    {
        Network = new CloudletNetwork(world, catalog, streams);
        Selection = NetworkSelection.For(strategy, process.WindowSeconds, penalty, Network, r => r.Network!, null);
        Fetch = new PartFetch(env, Network, process.Contention, process.Inflight);
        Service = process.Queueing == Queueing.Simulated ? new FifoServerService(env, Network.Cloudlets.Count) : new AnalyticQueueService(env, Network.Cloudlets);
        Pipeline = new RequestPipeline(env, warmupSeconds, new NetworkArrivals(env, Network, process.RatePerSecond, streams), Selection, Fetch, Service);
        if (traceWindowSeconds is { } width) Levels = new NetworkLevels(env, Pipeline, Network, width);
        Pipeline.Start();
    }

    /// <summary>Traced runs: the levels over time.</summary>
    public NetworkLevels? Levels { get; }

    public RequestPipeline Pipeline { get; }

    public CloudletNetwork Network { get; }

    public ISelection Selection { get; }

    public SelectionMeasures SelectionMeasures => NetworkSelection.Measures(Selection);

    public PartFetch Fetch { get; }

    public PlannedTermsService Service { get; }
}

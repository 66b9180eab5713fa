using Simulator.Edge.Network;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// <c>network</c>: the stochastic network (docs/network.md section 4): users' requests arrive over the horizon,
/// the network strategy plans every window (or a learner each request), and pulls, queues and the cloudlets'
/// part stores run in the simulation, so the realized delay is reported beside the delay planned.
/// </summary>
public sealed class NetworkKind : ScenarioKind
{
    public static readonly Metric Served = new("served", MetricUnit.Count, "Requests whose result was back by the horizon.") { Better = Better.Higher };
    public static readonly Metric Throughput = new("throughput", MetricUnit.PerSecond, "Requests served per second of the measured span.") { Better = Better.Higher };
    public static readonly Metric PlannedDelayMean = new("planned_delay_mean", MetricUnit.Seconds, "Mean delay the plan expected for a served request at decision time (the paper's terms).");
    public static readonly Metric Rounds = new("rounds", MetricUnit.Count, "Requests a learner decided, one round each (warm-up included: a learning curve starts at the first).");
    public static readonly Metric RegretPerRound = new("regret_per_round", MetricUnit.None, "Cumulative regret divided by the rounds.") { Better = Better.Lower, NonNegative = true };

    public override string Name => "network";

    public override string Description => "The stochastic network: users' requests arrive over the horizon, a network strategy plans every window (or a learner each request), and pulls, queues and the cloudlets' part stores run in the simulation.";

    public override string? Decision => "each request's model (observation: its context features, per model the delay and cost from the nearest holders; reward: minus the penalty, or minus the delay)";

    public override SectionSchema Section { get; } = NetworkSection.ScenarioSchema("scenario (kind: network)", "Requests over time over a drawn network.", new ValueKey("cloudlet", "(not in this kind)", "none", "Cloudlets that run sites make a network of sites: another kind."));

    public override MetricSet Metrics { get; } = new(new[]
    {
        RequestMeasures.Arrived, Served, RequestMeasures.Unplaced, RequestMeasures.Unfinished, Throughput,
        NetworkMeasures.MeanDelay, NetworkMeasures.DelayP95, PlannedDelayMean, NetworkMeasures.PullMean, NetworkMeasures.QueueingMean, NetworkMeasures.InferenceMean, NetworkMeasures.TransmissionMean,
        NetworkMeasures.MeanCost, NetworkMeasures.MeanAccuracy, NetworkMeasures.BytesFromDc, NetworkMeasures.BytesFromCloudlets, NetworkMeasures.StoreHitRatio, NetworkMeasures.Evictions,
        Rounds, OnlineMeasures.TotalPenalty, OnlineMeasures.Regret, RegretPerRound, OnlineMeasures.RegretExponent, OnlineMeasures.OraclePickRatio, OnlineMeasures.InformativeObserved,
    }, NetworkMeasures.MeanDelay, new[] { NetworkMeasures.MeanDelay, PlannedDelayMean, NetworkMeasures.DelayP95, NetworkMeasures.StoreHitRatio })
    {
        Explaining = new[] { NetworkMeasures.PullMean, NetworkMeasures.QueueingMean, NetworkMeasures.TransmissionMean, NetworkMeasures.BytesFromDc, NetworkMeasures.StoreHitRatio, NetworkMeasures.MeanAccuracy, RequestMeasures.Unplaced },
    };

    /// <summary>A served request's delay runs from its decision to its result: its pull, its queueing, its inference and its transmission, one after another.</summary>
    public override IReadOnlyList<PlotKind> Plots { get; } = new[]
    {
        SitePlots.LineCi, SitePlots.PairedGain, SitePlots.Bars,
        new CdfPlot("delay", new[] { RequestMeasures.Unplaced, RequestMeasures.Unfinished }),
        new BreakdownPlot("delay", new[] { (NetworkMeasures.PullMean, "pulling the model's parts"), (NetworkMeasures.QueueingMean, "queueing at the cloudlet"), (NetworkMeasures.InferenceMean, "inference"), (NetworkMeasures.TransmissionMean, "transmission") }, NetworkMeasures.MeanDelay),
        new OutcomesPlot(new[] { Served, RequestMeasures.Unplaced, RequestMeasures.Unfinished }),
        new TimeSeriesPlot(NetworkMeasures.Levels),
    };

    public override StrategySlots Strategies { get; } = new(new HashSet<StrategyKind> { StrategyKind.Network, StrategyKind.Online });

    public override IScenario Read(Section scenario, ReadContext context)
    {
        string baseDirectory = context.BaseDirectory;
        if (scenario.Has("cloudlet")) throw (scenario.Raw(ExperimentKeys.ScenarioKind) ?? scenario.Doc).Error($"cloudlets that run sites (the 'cloudlet' section) make a network of sites: use kind: {context.KindsTaking("cloudlet")}.");
        var network = new NetworkSection(scenario, baseDirectory);
        var queueing = network.Queueing(overTime: true);
        var contention = network.Contention(overTime: true);
        var (window, inflight) = network.Window(context.Length);
        var users = network.Requests;
        double rate = users.Get(NetworkKeys.Rate);
        if (users.Has(NetworkKeys.Count)) throw users.Required(NetworkKeys.Count).Error("requests over the horizon come at a 'rate'; 'count' is the one-shot window's size.");
        var world = network.World(network.UserUplink());
        return new StochasticNetworkScenario(this, network.Catalog, world, new NetworkProcessSpec(rate, window, queueing, contention) { Inflight = inflight }, network.Penalty());
    }
}

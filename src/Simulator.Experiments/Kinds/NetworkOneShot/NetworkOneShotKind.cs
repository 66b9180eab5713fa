using Simulator.Edge.Network;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// <c>network-one-shot</c>: the second paper's setting (docs/network.md section 3): each replication draws one
/// window of requests at t = 0 over a drawn network; a network strategy plans it and an evaluator independent of
/// it scores the plan, or a learner serves it one request at a time.
/// </summary>
public sealed class NetworkOneShotKind : OneRoundKind
{
    public static readonly Metric Requests = new("requests", MetricUnit.Count, "Requests in the window.");
    public static readonly Metric Placed = new("placed", MetricUnit.Count, "Requests the plan placed (a learner places every one).") { Better = Better.Higher };
    public static readonly Metric TotalDelay = new("total_delay", MetricUnit.Seconds, "Sum of the placed requests' delays; mec-lp: the LP's bound.") { Better = Better.Lower, Bound = true };
    public static readonly Metric AccuracyViolations = new("accuracy_violations", MetricUnit.Count, "Placed requests whose model misses their accuracy requirement.") { Better = Better.Lower };
    public static readonly Metric BudgetViolations = new("budget_violations", MetricUnit.Count, "Placed requests whose cost exceeds their budget.") { Better = Better.Lower };
    public static readonly Metric CapacityViolations = new("capacity_violations", MetricUnit.Count, "Cloudlets whose capacity row the plan breaks.") { Better = Better.Lower };
    public static readonly Metric LpPlottedDelay = new("lp_plotted_delay", MetricUnit.Seconds, "What the authors plot as \"LP\": the summed per-pair delay at the solution (the total delay, for an integer plan).") { Bound = true };

    /// <summary>Cumulative regret at T/16, T/8, T/4, T/2 of the window's rounds (and T: <see cref="OnlineMeasures.Regret"/>).</summary>
    public static readonly IReadOnlyList<(Metric Regret, int Divisor)> Checkpoints = new[] { 16, 8, 4, 2 }
        .Select(d => (new Metric($"regret_1_{d}", MetricUnit.None, $"Cumulative regret after the first T/{d} rounds.") { Better = Better.Lower, NonNegative = true }, d))
        .Append((OnlineMeasures.Regret, 1)).ToArray();

    public override string Name => "network-one-shot";

    public override string Description => "The second paper's setting: one window of requests at t = 0 over a drawn network of cloudlets and a data centre, planned by a network strategy and scored independently, or served one request at a time by a learner.";

    public override string? Decision => "each request's model, the window's requests one at a time as a learner serves them (observation: its context features, per model the delay and cost from the nearest holders; reward: minus the penalty, or minus the delay)";

    public override SectionSchema Section { get; } = NetworkSection.ScenarioSchema("scenario (kind: network-one-shot)", "One window of requests at t = 0 over a drawn network.", new ValueKey("cloudlet", "(not in this kind)", "none", "Cloudlets that run sites make a network of sites: another kind."));

    public override MetricSet Metrics { get; } = new(new[]
    {
        Requests, Placed, RequestMeasures.Unplaced, TotalDelay, NetworkMeasures.MeanDelay, NetworkMeasures.DelayP95,
        NetworkMeasures.PullMean, NetworkMeasures.InferenceMean, NetworkMeasures.QueueingMean, NetworkMeasures.TransmissionMean,
        NetworkMeasures.MeanCost, NetworkMeasures.MeanAccuracy, AccuracyViolations, BudgetViolations, CapacityViolations,
        NetworkMeasures.BytesFromDc, NetworkMeasures.BytesFromCloudlets, NetworkMeasures.StoreHitRatio, LpPlottedDelay,
        OnlineMeasures.TotalPenalty, OnlineMeasures.Regret, Checkpoints[0].Regret, Checkpoints[1].Regret, Checkpoints[2].Regret, Checkpoints[3].Regret,
        OnlineMeasures.RegretExponent, OnlineMeasures.OraclePickRatio, OnlineMeasures.InformativeObserved,
    }, TotalDelay, new[] { TotalDelay, NetworkMeasures.MeanCost, NetworkMeasures.MeanAccuracy, OnlineMeasures.Regret })
    {
        Explaining = new[] { NetworkMeasures.PullMean, NetworkMeasures.QueueingMean, NetworkMeasures.TransmissionMean, NetworkMeasures.BytesFromDc, NetworkMeasures.StoreHitRatio, NetworkMeasures.MeanAccuracy, RequestMeasures.Unplaced },
    };

    public override IReadOnlyList<PlotKind> Plots { get; } = new[]
    {
        SitePlots.LineCi, SitePlots.PairedGain, SitePlots.Bars,
        new RegretPlot(Checkpoints.Select(c => (c.Regret, 1.0 / c.Divisor)).ToArray(), Requests, OnlineMeasures.RegretExponent),
    };

    public override StrategySlots Strategies { get; } = new(new HashSet<StrategyKind> { StrategyKind.Network, StrategyKind.Online }) { ReportsRelaxations = true };

    public override IScenario Read(Section scenario, ReadContext context)
    {
        string baseDirectory = context.BaseDirectory;
        if (scenario.Has("cloudlet")) throw (scenario.Raw(ExperimentKeys.ScenarioKind) ?? scenario.Doc).Error($"cloudlets that run sites (the 'cloudlet' section) make a network of sites: use kind: {context.KindsTaking("cloudlet")}.");
        var network = new NetworkSection(scenario, baseDirectory);
        // One window at t = 0 has no queue to simulate and no flows over time: the paper's terms hold there.
        network.Queueing(overTime: false);
        network.Contention(overTime: false);
        var net = network.Network;
        if (net.Has(NetworkKeys.Inflight)) throw net.Required(NetworkKeys.Inflight).Error("a network-one-shot scenario is one window at t = 0, with no pull under way: 'inflight' belongs to a network whose requests arrive over time.");
        if (net.Has(NetworkKeys.Window)) throw net.Required(NetworkKeys.Window).Error("a network-one-shot scenario is one window at t = 0: 'window' belongs to a network whose requests arrive over time.");
        var users = network.Requests;
        int requests = (int)users.Get(NetworkKeys.Count);
        if (users.Has(NetworkKeys.Rate)) throw users.Required(NetworkKeys.Rate).Error("a network-one-shot window has a 'count' of requests; 'rate' belongs to a network whose requests arrive over time.");
        var world = network.World(network.UserUplink());
        network.CheckWindowSize(requests, world);
        return new NetworkOneShotScenario(this, network.Catalog, world, requests, network.Penalty("a network-one-shot window is served in the paper's terms, so every delay is the one planned: 'feedback: realized' belongs to the stochastic network, whose pulls contend and whose queues wait over time."));
    }
}

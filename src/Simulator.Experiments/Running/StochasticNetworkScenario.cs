using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// The stochastic network (<c>kind: network</c>): requests arrive over the horizon and the network strategy
/// plans every window; pulls, queues and the part stores run in the simulation (<see cref="StochasticNetwork"/>).
/// It reports the realized delay beside the delay planned at decision time: how far a plan made under the
/// paper's assumptions lies from what happens (network.md section 3, item 8).
/// </summary>
public sealed record StochasticNetworkScenario(Func<Random, Catalog> Catalog, NetworkWorldSpec World, NetworkProcessSpec Process, PenaltySpec Penalty) : IScenario
{
    public static readonly MetricSet MetricSet = new(new[]
    {
        "arrived", "served", "unplaced", "unfinished", "throughput",
        "mean_delay", "delay_p95", "planned_delay_mean", "pull_mean", "queueing_mean", "inference_mean", "transmission_mean",
        "mean_cost", "mean_accuracy", "bytes_from_dc", "bytes_from_cloudlets", "store_hit_ratio", "evictions",
        "rounds", "total_penalty", "regret", "regret_per_round", "regret_exponent", "oracle_pick_ratio", "informative_observed",
    }, "mean_delay", "Mean delay (s)", new[] { "mean_delay", "planned_delay_mean", "delay_p95", "store_hit_ratio" })
    {
        PrimaryHigherIsBetter = false,
        Explaining = new[] { "pull_mean", "queueing_mean", "transmission_mean", "bytes_from_dc", "store_hit_ratio", "mean_accuracy", "unplaced" },
    };

    public string Kind => "network";

    public IReadOnlySet<StrategyKind> Strategies { get; } = new HashSet<StrategyKind> { StrategyKind.Network, StrategyKind.Online };

    public MetricSet Metrics => MetricSet;

    public bool SimulatesTime => true;

    public bool HasSiteMetrics => false;

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var registry = strategy.Registry;
        var stream = streams.Stream("strategy:" + strategy.Label);
        var env = new Simulation();
        var catalog = Catalog(streams.Stream("network:catalog"));
        var decider = registry.KindOf(strategy.Name) == StrategyKind.Online
            ? (object)registry.CreateOnline(strategy.Name, strategy.Arguments, stream)
            : registry.CreateSelector(strategy.Name, strategy.Arguments, stream);
        var network = new StochasticNetwork(env, World, Process, catalog, decider, Penalty, streams, length.WarmupSeconds);
        env.RunD(length.HorizonSeconds);
        var p = network.Pipeline;
        var m = network.Service.Measures;
        var f = network.Fetch.Measures;
        var s = network.SelectionMeasures;
        double measured = length.MeasuredSeconds;
        var values = new double[]
        {
            p.Arrived, m.Served, p.Unplaced, p.Arrived - m.Served - p.Unplaced, m.Served / measured,
            m.Delay.Mean, m.DelayP95.Count > 0 ? m.DelayP95.Value : double.NaN, m.PlannedDelay.Mean, m.Pull.Mean, m.Queueing.Mean, m.Inference.Mean, m.Transmission.Mean,
            m.Cost.Mean, m.Accuracy.Mean, f.BytesFromDataCentre, f.BytesFromCloudlets, f.PartLookups > 0 ? (double)f.PartHits / f.PartLookups : double.NaN,
            network.Network.Stores.Sum(st => st.Evictions),
            s.Rounds > 0 ? s.Rounds : double.NaN, s.Rounds > 0 ? s.TotalPenalty : double.NaN, s.Rounds > 0 ? s.CumulativeRegret : double.NaN,
            s.Rounds > 0 ? s.CumulativeRegret / s.Rounds : double.NaN,
            LearningCurve.Exponent(s.RegretCurve.Where(c => c.Round >= 16).Select(c => ((double)c.Round, c.Regret)), 3), // R(t) from t = 16: the first rounds are noise
            s.Rounds > 0 ? (double)s.BestPicks / s.Rounds : double.NaN,
            LearningCurve.InformativeShare(network.Network.Contexts?.Informative, s.LastObserved),
        };
        var decisions = s.DecisionWallSeconds;
        return (new RunRecord(cell, values, decisions.Count > 0 ? decisions.Mean * 1000 : 0, decisions.Count > 0 ? decisions.Max * 1000 : 0), null);
    }
}

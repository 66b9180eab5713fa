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
public sealed record StochasticNetworkScenario(ScenarioKind Kind, Func<Random, Catalog> Catalog, NetworkWorldSpec World, NetworkProcessSpec Process, PenaltySpec Penalty) : IEnvironmentScenario
{
    public int? ContextFeatures => World.Context?.Features ?? 0;

    public Catalog CatalogOf(RandomStreams streams) => NetworkCatalog.Of(Catalog, streams);

    public DecisionSpace Space(RunLength length) => NetworkDecisions.Space(World, Catalog);

    public IReadOnlyList<string> Rewards => NetworkDecisions.Rewards;

    public Episode Begin(RandomStreams streams, RunLength length, string? reward = null, StrategyChoice? entry = null) =>
        NetworkEpisode.Start(Space(length), length, learner =>
        {
            var (env, network) = Build(learner, streams, length);
            return (env, () => Values(network, length));
        }, NetworkDecisions.CheckReward(reward));

    public object Policy(IPolicy policy, RunLength length, string? reward = null) => new NetworkPolicy(policy, Space(length), NetworkDecisions.CheckReward(reward));

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var (decider, process) = ExternalRuns.For(strategy, this, cell, streams, length, () => strategy.Registry.CreateNetwork(strategy.Name, strategy.Arguments, strategy.Stream(streams)));
        using var _ = process;
        var (env, network) = Build(decider, streams, length, trace);
        env.RunD(length.HorizonSeconds);
        var decisions = network.SelectionMeasures.DecisionWallSeconds;
        var record = new RunRecord(cell, Values(network, length), decisions.Count > 0 ? decisions.Mean * 1000 : 0, decisions.Count > 0 ? decisions.Max * 1000 : 0);
        return (record, network.Levels is { } levels ? RunTrace.Of(network.Service.Measures.DelayDistribution, NetworkMeasures.Traced(levels, length.HorizonSeconds)) : null);
    }

    private (Simulation Env, StochasticNetwork Network) Build(object decider, RandomStreams streams, RunLength length, bool trace = false)
    {
        var env = new Simulation();
        var catalog = CatalogOf(streams);
        return (env, new StochasticNetwork(env, World, Process, catalog, decider, Penalty, streams, length.WarmupSeconds, trace ? RunTrace.WindowSeconds(length.HorizonSeconds) : null));
    }

    private MetricValues Values(StochasticNetwork network, RunLength length)
    {
        var p = network.Pipeline;
        var m = network.Service.Measures;
        var f = network.Fetch.Measures;
        var s = network.SelectionMeasures;
        double measured = length.MeasuredSeconds;
        bool online = s.Rounds > 0;
        var values = new MetricValues(Kind.Metrics)
        {
            [RequestMeasures.Arrived] = p.Arrived,
            [NetworkKind.Served] = m.Served,
            [RequestMeasures.Unplaced] = p.Unplaced,
            [RequestMeasures.Unfinished] = p.Arrived - m.Served - p.Unplaced,
            [NetworkKind.Throughput] = m.Served / measured,
            [NetworkMeasures.MeanDelay] = m.Delay.Mean,
            [NetworkMeasures.DelayP95] = m.DelayDistribution.Quantile(0.95),
            [NetworkKind.PlannedDelayMean] = m.PlannedDelay.Mean,
            [NetworkMeasures.PullMean] = m.Pull.Mean,
            [NetworkMeasures.QueueingMean] = m.Queueing.Mean,
            [NetworkMeasures.InferenceMean] = m.Inference.Mean,
            [NetworkMeasures.TransmissionMean] = m.Transmission.Mean,
            [NetworkMeasures.MeanCost] = m.Cost.Mean,
            [NetworkMeasures.MeanAccuracy] = m.Accuracy.Mean,
            [NetworkMeasures.BytesFromDc] = f.BytesFromDataCentre,
            [NetworkMeasures.BytesFromCloudlets] = f.BytesFromCloudlets,
            [NetworkMeasures.StoreHitRatio] = f.PartLookups > 0 ? (double)f.PartHits / f.PartLookups : double.NaN,
            [NetworkMeasures.Evictions] = network.Network.Stores.Sum(st => st.Evictions),
            [NetworkKind.Rounds] = online ? s.Rounds : double.NaN,
            [OnlineMeasures.TotalPenalty] = online ? s.TotalPenalty : double.NaN,
            [OnlineMeasures.Regret] = online ? s.CumulativeRegret : double.NaN,
            [NetworkKind.RegretPerRound] = online ? s.CumulativeRegret / s.Rounds : double.NaN,
            // R(t) from t = 16: the first rounds are noise.
            [OnlineMeasures.RegretExponent] = LearningCurve.Exponent(s.RegretCurve.Where(c => c.Round >= 16).Select(c => ((double)c.Round, c.Regret)), 3),
            [OnlineMeasures.OraclePickRatio] = online ? (double)s.BestPicks / s.Rounds : double.NaN,
            [OnlineMeasures.InformativeObserved] = LearningCurve.InformativeShare(network.Network.Contexts?.Informative, s.LastObserved),
        };
        return values;
    }
}

using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// A network of PartialLoading sites at one sweep point (docs/network.md section 6): every cloudlet is a site with
/// its cell's workload, and each strategy is a pair, the network's selector and the site strategy every cloudlet
/// batches with. It reports the site's measures pooled over all cloudlets (a request that arrived in any cell counts
/// once), with the network's tier beside them: what was pulled from where, how long it took, and how often a part
/// was already on the disk. An outside policy can be the selector, paired with a site strategy as any selector is
/// (<c>{select: {external: ...}, schedule: pl-dp}</c>): it picks each request's model as in the stochastic network.
/// </summary>
public sealed record NetworkOfSitesScenario(ScenarioKind Kind, Func<Random, Catalog> Catalog, NetworkWorldSpec World, NetworkOfSitesSpec Sites, PenaltySpec Penalty) : IEnvironmentScenario
{
    public int? ContextFeatures => World.Context?.Features ?? 0;

    public Catalog CatalogOf(RandomStreams streams) => NetworkCatalog.Of(Catalog, streams);

    public DecisionSpace Space(RunLength length) => NetworkDecisions.Space(World, Catalog);

    public IReadOnlyList<string> Rewards => NetworkDecisions.Rewards;

    public Episode Begin(RandomStreams streams, RunLength length, string? reward = null, StrategyChoice? entry = null)
    {
        // ExperimentEnvironment refuses an experiment without such an entry, in the user's words.
        var schedule = entry?.Schedule ?? throw new ArgumentException("a network of sites' episode runs with the site strategy of the outside entry it is given.", nameof(entry));
        return NetworkEpisode.Start(Space(length), length, learner =>
        {
            var (env, network) = Build(learner, schedule, streams, length);
            return (env, () => Values(network, length.MeasuredSeconds));
        }, NetworkDecisions.CheckReward(reward));
    }

    public object Policy(IPolicy policy, RunLength length, string? reward = null) => new NetworkPolicy(policy, Space(length), NetworkDecisions.CheckReward(reward));

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var schedule = Schedule(strategy);
        // The selector's stream is its own, whichever site strategy it is paired with.
        var (decider, process) = ExternalRuns.For(strategy, this, cell, streams, length, () => strategy.Registry.CreateNetwork(strategy.Name, strategy.Arguments, strategy.Stream(streams)));
        using var _ = process;
        var (env, network) = Build(decider, schedule, streams, length, trace);
        env.RunD(length.HorizonSeconds);
        var sites = network.Sites.Metrics;
        var decisions = network.SelectionMeasures.DecisionWallSeconds;
        var record = new RunRecord(cell, Values(network, length.MeasuredSeconds),
            decisions.Count > 0 ? decisions.Mean * 1000 : 0, decisions.Count > 0 ? decisions.Max * 1000 : 0);
        if (!trace) return (record, null);
        var levels = SiteMeasures.Traced(sites, length.HorizonSeconds).Concat(NetworkMeasures.Traced(network.Levels!, length.HorizonSeconds)).ToDictionary();
        return (record, RunTrace.Of(sites.LatencyDistribution, levels));
    }

    /// <summary>The network of a registered pair's run, before it runs: tests look inside.</summary>
    public (Simulation Env, NetworkOfSites Network) Build(StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace = false) =>
        Build(strategy.Registry.CreateNetwork(strategy.Name, strategy.Arguments, strategy.Stream(streams)), Schedule(strategy), streams, length, trace);

    private static StrategyChoice Schedule(StrategyChoice strategy) =>
        strategy.Schedule ?? throw new InvalidOperationException($"'{strategy.Label}' is not a {{select, schedule}} pair.");

    private (Simulation Env, NetworkOfSites Network) Build(object decider, StrategyChoice schedule, RandomStreams streams, RunLength length, bool trace = false)
    {
        var env = new Simulation();
        var network = new NetworkOfSites(env, World, Sites, CatalogOf(streams), decider, Penalty, (_, cell) => schedule.Registry.Create(schedule.Name, schedule.Arguments, schedule.Stream(cell)).Scheduler,
            streams, length.WarmupSeconds, trace ? RunTrace.WindowSeconds(length.HorizonSeconds) : null);
        return (env, network);
    }

    /// <summary>
    /// The site's measures pooled over the cloudlets, with every request that arrived in a cell counted (also
    /// those the network placed nowhere or whose parts were still coming); queue and GPU levels per cloudlet.
    /// </summary>
    public MetricValues Values(NetworkOfSites network, double measuredSeconds)
    {
        var m = network.Sites.Metrics;
        var f = network.Fetch.Measures;
        var values = new MetricValues(Kind.Metrics);
        SiteMeasures.Fill(values, m, network.Pipeline, network.Network.Stores.Count, measuredSeconds);
        values[RequestMeasures.Unplaced] = network.Pipeline.Unplaced;
        values[NetworkOfSitesKind.SelectionWaitMean] = m.Selection.Mean;
        values[NetworkMeasures.PullMean] = m.Pull.Mean;
        values[NetworkOfSitesKind.PullPlacedMean] = f.Pull.Mean;
        values[NetworkMeasures.MeanAccuracy] = f.Accuracy.Mean;
        values[NetworkOfSitesKind.BytesNetwork] = f.BytesFromDataCentre + f.BytesFromCloudlets;
        values[NetworkMeasures.BytesFromDc] = f.BytesFromDataCentre;
        values[NetworkMeasures.BytesFromCloudlets] = f.BytesFromCloudlets;
        values[NetworkOfSitesKind.NetworkSeconds] = f.PullSeconds;
        values[NetworkOfSitesKind.DiskSeconds] = m.DiskSeconds;
        values[NetworkOfSitesKind.PcieSeconds] = m.PcieSeconds;
        values[NetworkMeasures.StoreHitRatio] = f.PartLookups > 0 ? (double)f.PartHits / f.PartLookups : double.NaN;
        values[NetworkMeasures.Evictions] = network.Network.Stores.Sum(s => s.Evictions);
        return values;
    }
}

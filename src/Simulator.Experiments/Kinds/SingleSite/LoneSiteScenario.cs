using Simulator.Edge;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>The first paper's world at one sweep point, simulated over the horizon: a catalog, a site and its cell's workload.</summary>
public sealed record LoneSiteScenario(ScenarioKind Kind, Catalog Catalog, SiteSpec Site, IWorkload Workload) : ITimelineScenario, IEnvironmentScenario
{
    public Catalog CatalogOf(RandomStreams streams) => Catalog;

    public int? QueuedAtOnce => Workload.RoundAtZero;

    public DecisionSpace Space(RunLength length) => Decisions(length).Space;

    private SiteDecisions Decisions(RunLength length) => new(Catalog, length.HorizonSeconds);

    public IReadOnlyList<string> Rewards { get; } = new[] { "on-time" };

    public Episode Begin(RandomStreams streams, RunLength length, string? reward = null, StrategyChoice? entry = null)
    {
        CheckReward(reward);
        return SiteEpisode.Start(Decisions(length), length, scheduler => Build(scheduler, streams, length, trace: false), site => Values(site, length));
    }

    public object Policy(IPolicy policy, RunLength length, string? reward = null)
    {
        CheckReward(reward);
        return new SitePolicy(policy, Decisions(length));
    }

    private void CheckReward(string? reward) => IEnvironmentScenario.Counted(Rewards, reward, "a site's");

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var (scheduler, process) = Scheduler(cell, strategy, streams, length);
        using var _ = process;
        var (env, site) = Build(scheduler, streams, length, trace);
        env.RunD(length.HorizonSeconds);
        var m = site.Metrics;
        var record = new RunRecord(cell, Values(site, length), m.DecisionWallSeconds.Count > 0 ? m.DecisionWallSeconds.Mean * 1000 : 0, m.DecisionWallSeconds.Count > 0 ? m.DecisionWallSeconds.Max * 1000 : 0);
        if (!trace) return (record, null);
        return (record, RunTrace.Of(m.LatencyDistribution, SiteMeasures.Traced(m, length.HorizonSeconds)));
    }

    public (RunRecord Record, SiteTimeline Timeline) Timeline(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, int rows)
    {
        var (scheduler, process) = Scheduler(cell, strategy, streams, length);
        using var _ = process;
        var (env, site) = Build(scheduler, streams, length, trace: false);
        var timeline = new SiteTimeline(site.Site, rows);
        env.RunD(length.HorizonSeconds);
        timeline.Close(env.NowD);
        return (new RunRecord(cell, Values(site, length), 0, 0), timeline);
    }

    private MetricValues Values(LoneSite site, RunLength length)
    {
        var values = new MetricValues(Kind.Metrics);
        SiteMeasures.Fill(values, site.Metrics, site.Pipeline, 1, length.MeasuredSeconds);
        return values;
    }

    /// <summary>The cell's scheduler: the registered strategy's, from its own stream, or an external policy's process (disposed by the caller).</summary>
    private (IBatchScheduler Scheduler, IDisposable? Process) Scheduler(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length) =>
        ExternalRuns.For(strategy, this, cell, streams, length, () => strategy.Registry.Create(strategy.Name, strategy.Arguments, strategy.Stream(streams)).Scheduler);

    private (Simulation Env, LoneSite Site) Build(IBatchScheduler scheduler, RandomStreams streams, RunLength length, bool trace)
    {
        var env = new Simulation();
        return (env, new LoneSite(env, Catalog, Site, scheduler, Workload, streams, length.WarmupSeconds, trace ? RunTrace.WindowSeconds(length.HorizonSeconds) : null));
    }
}

using Simulator.Edge;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// The first paper's world at one sweep point: a catalog, a site and a workload, either simulated over the
/// horizon (<c>single-site</c>) or drawn as one static round planned at t = 0 (<c>one-shot</c>).
/// </summary>
public sealed record SiteScenario(Catalog Catalog, SiteSpec Site, IWorkload Workload, bool OneShot = false) : IScenario
{
    public string Kind => OneShot ? "one-shot" : "single-site";

    public IReadOnlySet<StrategyKind> Strategies { get; } = new HashSet<StrategyKind> { StrategyKind.Site };

    public MetricSet Metrics => OneShot ? RunMetrics.OneShot : RunMetrics.Set;

    public bool SimulatesTime => !OneShot;

    public bool HasSiteMetrics => true;

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var setup = Setup(strategy, streams);
        if (OneShot) return OneShotRun.Run(cell, this, setup, streams, trace);
        var (env, site) = Build(setup, streams, length, trace);
        env.RunD(length.HorizonSeconds);
        var m = site.Metrics;
        var record = new RunRecord(cell, RunMetrics.From(m, site.Pipeline, length.MeasuredSeconds),
            m.DecisionWallSeconds.Count > 0 ? m.DecisionWallSeconds.Mean * 1000 : 0, m.DecisionWallSeconds.Count > 0 ? m.DecisionWallSeconds.Max * 1000 : 0);
        if (!trace) return (record, null);
        return (record, RunTrace.Of(m.LatencyDistribution!, m.QueueWindows!.Means(length.HorizonSeconds), m.GpuWindows!.Means(length.HorizonSeconds)));
    }

    /// <summary>The run of <see cref="Run"/> again (same streams, so the same run), with its timeline recorded: the metrics and the first <paramref name="rows"/> rows.</summary>
    public (RunRecord Record, SiteTimeline Timeline) Timeline(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, int rows)
    {
        if (OneShot) throw new InvalidOperationException("A one-shot round simulates no timeline.");
        var (env, site) = Build(Setup(strategy, streams), streams, length, trace: false);
        var timeline = new SiteTimeline(site.Site, rows);
        env.RunD(length.HorizonSeconds);
        timeline.Close(env.NowD);
        return (new RunRecord(cell, RunMetrics.From(site.Metrics, site.Pipeline, length.MeasuredSeconds), 0, 0), timeline);
    }

    private static StrategySetup Setup(StrategyChoice strategy, RandomStreams streams) =>
        strategy.Registry.Create(strategy.Name, strategy.Arguments, streams.Stream("strategy:" + strategy.Label));

    private (Simulation Env, LoneSite Site) Build(StrategySetup setup, RandomStreams streams, RunLength length, bool trace)
    {
        var site = setup.SiteFor(Site);
        var env = new Simulation();
        return (env, new LoneSite(env, Catalog, site, setup.Scheduler, Workload, streams, length.WarmupSeconds, trace ? TraceWindow(length.HorizonSeconds) : null));
    }

    /// <summary>The windows the time-series plots draw: about 120 over the horizon, of a round width.</summary>
    public static double TraceWindow(double horizonSeconds) => WindowMeans.RoundWidth(horizonSeconds, 120);
}

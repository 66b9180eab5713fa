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
        var setup = StrategyRegistry.BuiltIn.Create(strategy.Name, strategy.Arguments, streams.Stream("strategy:" + strategy.Label));
        if (OneShot) return OneShotRun.Run(cell, this, setup, streams, trace);
        var site = Site with { Sharing = setup.Sharing, Uplink = setup.UplinkFor(Site.Uplink) };
        var env = new Simulation();
        var edge = new EdgeSite(env, Catalog, site, setup.Scheduler, Workload, streams, length.WarmupSeconds, trace);
        env.RunD(length.HorizonSeconds);
        var m = edge.Metrics;
        var record = new RunRecord(cell, RunMetrics.From(m, length.HorizonSeconds - length.WarmupSeconds),
            m.DecisionWallSeconds.Count > 0 ? m.DecisionWallSeconds.Mean * 1000 : 0, m.DecisionWallSeconds.Count > 0 ? m.DecisionWallSeconds.Max * 1000 : 0);
        return (record, trace ? new RunTrace(m.Latency.Values, Steps(m.QueueLength), Steps(m.GpuBytes)) : null);
    }

    /// <summary>A monitor's levels as steps (time, value), the open one last; the site's monitors start at t = 0.</summary>
    private static IReadOnlyList<(double Time, double Value)> Steps(TimeSeriesMonitor monitor)
    {
        var series = monitor.Series.ToList();
        var steps = new List<(double, double)>(series.Count);
        for (int i = 0; i < series.Count; i++)
            if (series[i].Duration > 0 || i == series.Count - 1) steps.Add((series[i].Date, series[i].Level));
        return steps;
    }
}

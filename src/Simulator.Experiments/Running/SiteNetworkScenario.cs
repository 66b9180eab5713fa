using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// A network of PartialLoading sites (<c>kind: network</c> with a <c>cloudlet</c> section; network.md section 6):
/// every cloudlet is <see cref="Site"/> with its cell's <see cref="Workload"/>, and each strategy is a pair, the
/// network's selector and the site strategy every cloudlet batches with. It reports the site's measures over all
/// cloudlets (a request that arrived in any cell counts once), with the network's tier beside them: what was
/// pulled from where, how long it took, and how often a part was already on the disk.
/// </summary>
public sealed record SiteNetworkScenario(Func<Random, Catalog> Catalog, NetworkWorldSpec World, NetworkProcessSpec Process, PenaltySpec Penalty, SiteSpec Site, IWorkload Workload, double? StorageBytes) : IScenario
{
    /// <summary>
    /// The network's columns after the site's: outcomes it adds, the pull part (of the served requests, and of
    /// every placed request that reached its site: the served ones leave out those a long pull made expire), and the tiers.
    /// </summary>
    public static readonly string[] NetworkColumns =
    {
        "unplaced", "selection_wait_mean", "pull_mean", "pull_placed_mean", "mean_accuracy",
        "bytes_network", "bytes_from_dc", "bytes_from_cloudlets", "network_seconds", "disk_seconds", "pcie_seconds",
        "store_hit_ratio", "evictions",
    };

    public static readonly MetricSet MetricSet = RunMetrics.Set with
    {
        Names = RunMetrics.Set.Names.Concat(NetworkColumns).ToArray(),
        Headline = new[] { "throughput", "on_time_ratio", "latency_p95", "pull_mean", "mean_accuracy", "bytes_network" },
        Explaining = new[] { "pull_mean", "loading_critical_mean", "waiting_mean", "store_hit_ratio", "gpu_hit_ratio", "bytes_network", "bytes_pcie", "mean_batch_size", "expired", "unplaced" },
    };

    public string Kind => "network";

    public IReadOnlySet<StrategyKind> Strategies { get; } = new HashSet<StrategyKind> { StrategyKind.Network, StrategyKind.Online };

    public MetricSet Metrics => MetricSet;

    public bool SimulatesTime => true;

    public bool HasSiteMetrics => true;

    public bool SchedulesSites => true;

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var (env, network) = Build(strategy, streams, length, trace);
        env.RunD(length.HorizonSeconds);
        var sites = network.Sites.Metrics;
        var decisions = network.SelectionMeasures.DecisionWallSeconds;
        var record = new RunRecord(cell, Values(network, length.MeasuredSeconds),
            decisions.Count > 0 ? decisions.Mean * 1000 : 0, decisions.Count > 0 ? decisions.Max * 1000 : 0);
        if (!trace) return (record, null);
        return (record, RunTrace.Of(sites.LatencyDistribution!, sites.QueueWindows!.Means(length.HorizonSeconds), sites.GpuWindows!.Means(length.HorizonSeconds)));
    }

    /// <summary>The network of a run, before it runs: tests look inside.</summary>
    public (Simulation Env, NetworkOfSites Network) Build(StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace = false)
    {
        var registry = strategy.Registry;
        var schedule = strategy.Schedule ?? throw new InvalidOperationException($"'{strategy.Label}' is not a {{select, schedule}} pair.");
        var setup = registry.Create(schedule.Name, schedule.Arguments, new Random(0));
        var site = setup.SiteFor(Site);
        var spec = new NetworkOfSitesSpec(site, Workload, Process.WindowSeconds, Process.Contention, Process.Inflight) { StorageBytes = StorageBytes };
        // The selector's stream is its own, whichever site strategy it is paired with.
        var stream = streams.Stream("strategy:" + strategy.OwnLabel);
        var env = new Simulation();
        var catalog = Catalog(streams.Stream("network:catalog"));
        var decider = registry.KindOf(strategy.Name) == StrategyKind.Online
            ? (object)registry.CreateOnline(strategy.Name, strategy.Arguments, stream)
            : registry.CreateSelector(strategy.Name, strategy.Arguments, stream);
        var network = new NetworkOfSites(env, World, spec, catalog, decider, Penalty, (_, cell) => registry.Create(schedule.Name, schedule.Arguments, cell.Stream("strategy:" + schedule.OwnLabel)).Scheduler,
            streams, length.WarmupSeconds, trace ? SiteScenario.TraceWindow(length.HorizonSeconds) : null);
        return (env, network);
    }

    /// <summary>
    /// The site's measures pooled over the cloudlets, with every request that arrived in a cell counted (also
    /// those the network placed nowhere or whose parts were still coming); queue and GPU levels per cloudlet.
    /// </summary>
    public static double[] Values(NetworkOfSites network, double measuredSeconds)
    {
        var m = network.Sites.Metrics;
        var f = network.Fetch.Measures;
        var values = RunMetrics.From(m, network.Pipeline, measuredSeconds);
        int cloudlets = network.Network.Stores.Count;
        values[RunMetrics.Index("queue_mean")] /= cloudlets;
        values[RunMetrics.Index("gpu_memory_mean")] /= cloudlets;
        var extra = new double[]
        {
            network.Pipeline.Unplaced, m.Selection.Mean, m.Pull.Mean, f.Pull.Mean, f.Accuracy.Mean,
            f.BytesFromDataCentre + f.BytesFromCloudlets, f.BytesFromDataCentre, f.BytesFromCloudlets, f.PullSeconds, m.DiskSeconds, m.PcieSeconds,
            f.PartLookups > 0 ? (double)f.PartHits / f.PartLookups : double.NaN, network.Network.Stores.Sum(s => s.Evictions),
        };
        return values.Concat(extra).ToArray();
    }
}

using System.Globalization;
using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// <c>network-of-sites</c> (docs/network.md section 6): the network's cloudlets are PartialLoading sites, each with a
/// cell of its own; a network strategy selects each request's model and where its parts come from, and the
/// cloudlet's site batches, loads and runs it. Each strategy is a pair: the selector, and the site strategy every
/// cloudlet schedules with.
/// </summary>
public sealed class NetworkOfSitesKind : ScenarioKind
{
    public static readonly Metric SelectionWaitMean = new("selection_wait_mean", MetricUnit.Seconds, "Mean wait of a served request for the selector's window.") { Better = Better.Lower };
    public static readonly Metric PullPlacedMean = new("pull_placed_mean", MetricUnit.Seconds, "Mean wait for the model's parts of every counted request that reached its site (served or not: a long pull can make a request expire).") { Better = Better.Lower };
    public static readonly Metric BytesNetwork = new("bytes_network", MetricUnit.Bytes, "Bytes pulled over the network, from the data centre and from other cloudlets.") { Better = Better.Lower };
    public static readonly Metric NetworkSeconds = new("network_seconds", MetricUnit.Seconds, "Seconds the counted pulls took, summed (the network tier's time).");
    public static readonly Metric DiskSeconds = new("disk_seconds", MetricUnit.Seconds, "Seconds the sites' disks were busy, summed.");
    public static readonly Metric PcieSeconds = new("pcie_seconds", MetricUnit.Seconds, "Seconds the sites' PCIe links were busy, summed.");

    public override string Name => "network-of-sites";

    public override string Description => "A network whose cloudlets are sites with cells of their own: a network strategy selects each request's model and pulls its parts, and the cloudlet's site batches, loads and runs it with its site strategy.";

    public static readonly SectionSchema CellSection = new("scenario.cloudlet", "Every cloudlet's site, its cell's radio and workload, and its disk.",
        SiteSections.SiteAndCell.Append(NetworkKeys.Storage).ToArray());

    /// <summary>What every cloudlet runs: the site and its cell's workload, and its disk's room for models.</summary>
    public static readonly SectionKey Cloudlet = new("cloudlet", CellSection, "Every cloudlet's site and cell.");


    public override string? Decision => "each request's model, as the selector of a pair {select: {external: ...}, schedule: a site strategy} (observation: its context features, per model the delay and cost from the nearest holders; reward: minus the penalty, or minus the delay)";

    public override SectionSchema Section { get; } = NetworkSection.ScenarioSchema("scenario (kind: network-of-sites)", "A network whose cloudlets are sites with cells of their own.", Cloudlet);

    public override MetricSet Metrics { get; } = new(SiteMeasures.All.Concat(new[]
    {
        RequestMeasures.Unplaced, SelectionWaitMean, NetworkMeasures.PullMean, PullPlacedMean, NetworkMeasures.MeanAccuracy,
        BytesNetwork, NetworkMeasures.BytesFromDc, NetworkMeasures.BytesFromCloudlets, NetworkSeconds, DiskSeconds, PcieSeconds,
        NetworkMeasures.StoreHitRatio, NetworkMeasures.Evictions,
    }).ToArray(), SiteMeasures.Throughput, new[] { SiteMeasures.Throughput, SiteMeasures.OnTimeRatio, SiteMeasures.LatencyP95, NetworkMeasures.PullMean, NetworkMeasures.MeanAccuracy, BytesNetwork })
    {
        Explaining = new[] { NetworkMeasures.PullMean, SiteMeasures.LoadingCriticalMean, SiteMeasures.WaitingMean, NetworkMeasures.StoreHitRatio, SiteMeasures.GpuHitRatio, BytesNetwork, SiteMeasures.BytesPcie, SiteMeasures.MeanBatchSize, SiteMeasures.Expired, RequestMeasures.Unplaced },
        SpanTotals = new HashSet<Metric> { SiteMeasures.BytesDisk, SiteMeasures.BytesPcie, SiteMeasures.BytesSaved, BytesNetwork, NetworkMeasures.BytesFromDc, NetworkMeasures.BytesFromCloudlets },
    };

    /// <summary>In a network of sites a request first waits for the selector's window and its model's parts, and the network may place it nowhere.</summary>
    public override IReadOnlyList<PlotKind> Plots { get; } = new[]
    {
        SitePlots.LineCi, SitePlots.PairedGain, SitePlots.Bars, new CdfPlot("latency", SitePlots.Unserved.Prepend(RequestMeasures.Unplaced).ToArray()),
        new BreakdownPlot("latency", new[] { (SelectionWaitMean, "waiting for the selector's window"), (NetworkMeasures.PullMean, "pulling the model's parts") }.Concat(SitePlots.CriticalPath).ToArray(), SiteMeasures.LatencyMean),
        new OutcomesPlot(SitePlots.Outcomes.Append(RequestMeasures.Unplaced).ToArray()),
        SitePlots.BytesSaved,
        new TimeSeriesPlot(SiteMeasures.Levels.Select(SiteMeasures.Summed).Concat(NetworkMeasures.Levels).ToArray()),
    };

    public override StrategySlots Strategies { get; } = new(new HashSet<StrategyKind> { StrategyKind.Network, StrategyKind.Online }, new HashSet<StrategyKind> { StrategyKind.Site })
    {
        Offers = new HashSet<string> { StrategyNeeds.Sites },
        SitePath = "cloudlet.site",
    };

    public override string? TraceRefusal => "a trace records the requests and batches of one simulated site; a network of sites has many, and its traces are not built: use the cdf, timeseries and breakdown plots.";

    public override IScenario Read(Section scenario, ReadContext context)
    {
        string baseDirectory = context.BaseDirectory;
        var network = new NetworkSection(scenario, baseDirectory);
        var net = network.Network;
        if (net.Has(NetworkKeys.Queueing)) throw net.Required(NetworkKeys.Queueing).Error("in a network of sites each cloudlet's site queues and serves its requests: 'queueing' is the paper's inference model, for a network without 'cloudlet'.");
        var contention = network.Contention(overTime: true);
        var (window, inflight) = network.Window(context.Length);
        var users = network.Requests;
        foreach (var key in new Key[] { NetworkKeys.Rate, NetworkKeys.Users, NetworkKeys.Uplink, NetworkKeys.Input })
            if (users.Has(key))
                throw users.Required(key).Error($"in a network of sites requests arrive in the cloudlets' cells: their arrivals, users, radio and inputs are cloudlet.arrivals and cloudlet.uplink, not requests.{key.Name}.");
        if (users.Has(NetworkKeys.Count)) throw users.Required(NetworkKeys.Count).Error("requests over the horizon come at a 'rate'; 'count' is the one-shot window's size.");
        // A cell gives each request its user's rate: the network's own radio is not read.
        var world = network.World(new PaperRate());
        var penalty = network.Penalty("in a network of sites a request may expire at its site unserved, with no delay for a penalty to charge: 'feedback: realized' belongs to the stochastic network, whose every request is served.");
        var catalog = scenario.Unchecked(NetworkSection.CatalogKey);
        if (NetworkSection.IsPfm(scenario) && !catalog.Has(NetworkKeys.PfmProfile.Name))
            throw catalog.Doc.Error("a network of sites runs every model on the cloudlets' GPUs: a pfm catalog needs 'profile' (the inference time per batch size, with its source).");
        var cell = scenario.Child(Cloudlet);
        var probe = network.Catalog(new Random(0));
        var (site, workload) = SiteSections.ReadSiteAndWorkload(cell, probe, context);
        // The site's reader checked the probe's models; a pfm catalog's models of another replication may be larger.
        double largest = network.LargestBytes;
        long activation = probe.Models.Max(m => m.ActivationBytesPerSample);
        if (largest + activation > site.GpuBytes)
            throw (cell.Child(SiteSections.Site).Raw(SiteKeys.Gpu) ?? cell.Doc).Error(string.Create(CultureInfo.InvariantCulture,
                $"the catalog's models reach {largest / Edge.Units.GB:0.###} GB, and {activation / Edge.Units.GB:0.###} GB of activations for one request, more than the cloudlets' GPU memory of {site.GpuBytes / Edge.Units.GB:0.###} GB."));
        double? storage = cell.Has(NetworkKeys.Storage) ? cell.Get(NetworkKeys.Storage) : null;
        double room = storage ?? network.CapacityGB.Min * Edge.Units.GB;
        if (largest > room)
            throw (cell.Raw(NetworkKeys.Storage) ?? scenario.Child(NetworkKeys.Cloudlets).Raw(NetworkKeys.CloudletCapacity) ?? cell.Doc).Error(string.Create(CultureInfo.InvariantCulture,
                $"a cloudlet's disk of {room / Edge.Units.GB:0.###} GB cannot hold the catalog's largest model ({largest / Edge.Units.GB:0.###} GB): {(storage is null ? "raise cloudlets.capacity or give cloudlet.storage" : "raise cloudlet.storage")}."));
        return new NetworkOfSitesScenario(this, network.Catalog, world, new NetworkOfSitesSpec(site, workload, window, contention, inflight) { StorageBytes = storage }, penalty);
    }
}

using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary><c>single-site</c>: one edge site and its cell over simulated time (docs/site.md), the first paper's world in motion.</summary>
public sealed class SingleSiteKind : ScenarioKind
{
    public override string Name => "single-site";

    public override string Description => "One edge site and its cell over simulated time: requests arrive, a site strategy batches them, and the site loads each batch's model block by block and runs it.";

    public override string? Decision => "each time the site plans: which model's queued requests form the next batch, or wait (observation per model: queued, least slack, longest wait, GPU and RAM shares, load and upload times)";

    public override SectionSchema Section { get; } = SiteSections.ScenarioSchema("scenario (kind: single-site)", "One site and its cell over time.");

    public override MetricSet Metrics { get; } = new(SiteMeasures.All, SiteMeasures.Throughput,
        new[] { SiteMeasures.Throughput, SiteMeasures.OnTimeRatio, SiteMeasures.LatencyP95, SiteMeasures.BytesSaved })
    {
        Explaining = SiteMeasures.Explaining,
        SpanTotals = new HashSet<Metric> { SiteMeasures.BytesDisk, SiteMeasures.BytesPcie, SiteMeasures.BytesSaved },
    };

    public override IReadOnlyList<PlotKind> Plots => SitePlots.OfOneSite;

    public override StrategySlots Strategies { get; } = new(new HashSet<StrategyKind> { StrategyKind.Site }) { SitePath = "site" };

    public override string? TraceRefusal => null;

    public override IScenario Read(Section scenario, ReadContext context)
    {
        string baseDirectory = context.BaseDirectory;
        var catalog = SiteSections.ReadCatalog(scenario.Child(SiteSections.Catalog), baseDirectory);
        var (site, workload) = SiteSections.ReadSiteAndWorkload(scenario, catalog, context);
        return new LoneSiteScenario(this, catalog, site, workload);
    }
}

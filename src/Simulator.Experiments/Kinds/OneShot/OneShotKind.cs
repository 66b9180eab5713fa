using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// <c>one-shot</c>: the papers' static setting, one round of users present at t = 0, planned once by the site
/// strategy and scored by an evaluator independent of it (docs/site.md section 6).
/// </summary>
public sealed class OneShotKind : OneRoundKind
{
    /// <summary>In a round planned once, the throughput is the number of users served by their deadline.</summary>
    public static readonly Metric UsersServed = new("throughput", MetricUnit.Count, "Users of the round served by their deadline (the static problem's objective).")
    {
        Better = Better.Higher,
        Words = "users served",
    };

    public override string Name => "one-shot";

    public override string Description => "One round of users present at t = 0, as the papers' static problem: the site strategy plans it once, and an evaluator independent of it scores the plan.";

    public override string? Decision => "each batch of the round: which model's users form the next batch, or wait, which ends the round (observation as single-site's, at the time the batches so far end)";

    public override SectionSchema Section { get; } = SiteSections.ScenarioSchema("scenario (kind: one-shot)", "One round of users at t = 0 (arrivals: batch-at-zero).");

    public override MetricSet Metrics { get; } = new(SiteMeasures.All.Select(m => m == SiteMeasures.Throughput ? UsersServed : m).ToArray(), UsersServed,
        new[] { UsersServed, SiteMeasures.OnTimeRatio, SiteMeasures.LatencyP95, SiteMeasures.BytesSaved })
    {
        Explaining = SiteMeasures.Explaining,
    };

    /// <summary>A round has latencies and loading but no time passing: no time series.</summary>
    public override IReadOnlyList<PlotKind> Plots { get; } = SitePlots.OfOneSite.Where(p => p is not TimeSeriesPlot).ToArray();

    public override StrategySlots Strategies { get; } = new(new HashSet<StrategyKind> { StrategyKind.Site }) { SitePath = "site" };

    public override IScenario Read(Section scenario, ReadContext context)
    {
        string baseDirectory = context.BaseDirectory;
        var catalog = SiteSections.ReadCatalog(scenario.Child(SiteSections.Catalog), baseDirectory);
        var (site, workload) = SiteSections.ReadSiteAndWorkload(scenario, catalog, context);
        var arrivals = scenario.Child(SiteSections.Arrivals);
        if (arrivals.Get(ArrivalKeys.Process) != "batch-at-zero")
            throw (arrivals.Has(ArrivalKeys.Process) ? arrivals.Required(ArrivalKeys.Process) : arrivals.Doc).Error("a one-shot scenario is one round of users present at t = 0: it needs arrivals: {process: batch-at-zero, count: K}.");
        return new OneShotScenario(this, catalog, site, workload);
    }
}

namespace Simulator.Experiments;

/// <summary>The plots of a world whose requests a site serves, configured with the site's measures; a kind offers those its world has.</summary>
public static class SitePlots
{
    public static readonly PlotKind LineCi = new LineCiPlot();
    public static readonly PlotKind PairedGain = new PairedGainPlot();
    public static readonly PlotKind Bars = new BarsPlot();
    public static readonly PlotKind BytesSaved = new BarsPlot("bytes-saved", SiteMeasures.BytesSaved);

    /// <summary>The parts of a served request's latency along its critical path at a site, with the words the legend gives them.</summary>
    public static readonly IReadOnlyList<(Metric Part, string Words)> CriticalPath = new[]
    {
        (SiteMeasures.WaitingMean, "waiting for a batch"), (SiteMeasures.UploadCriticalMean, "upload"), (SiteMeasures.GpuWaitMean, "waiting for the GPU"),
        (SiteMeasures.LoadingCriticalMean, "loading"), (SiteMeasures.InferenceMean, "inference"), (SiteMeasures.DownlinkMean, "downlink"),
    };

    public static readonly PlotKind Breakdown = new BreakdownPlot("latency", CriticalPath, SiteMeasures.LatencyMean);

    /// <summary>What became of the requests that arrived after the warm-up at a site.</summary>
    public static readonly IReadOnlyList<Metric> Outcomes = new[] { SiteMeasures.OnTime, SiteMeasures.Late, SiteMeasures.Expired, SiteMeasures.Rejected, RequestMeasures.Unfinished };

    public static readonly PlotKind OutcomesPlot = new OutcomesPlot(Outcomes);

    /// <summary>The outcomes of a site's requests that have no latency.</summary>
    public static readonly IReadOnlyList<Metric> Unserved = new[] { SiteMeasures.Expired, SiteMeasures.Rejected, RequestMeasures.Unfinished };

    public static readonly PlotKind Cdf = new CdfPlot("latency", Unserved);

    /// <summary>Every plot of one simulated site, in the order listings show them.</summary>
    public static readonly IReadOnlyList<PlotKind> OfOneSite = new[] { LineCi, PairedGain, Bars, Cdf, Breakdown, OutcomesPlot, BytesSaved, new TimeSeriesPlot(SiteMeasures.Levels) };
}

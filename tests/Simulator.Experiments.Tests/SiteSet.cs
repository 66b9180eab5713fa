namespace Simulator.Experiments.Tests;

/// <summary>The metrics of a lone site's runs, as the single-site kind declares them.</summary>
internal static class SiteSet
{
    public static readonly MetricSet Metrics = new SingleSiteKind().Metrics;
}

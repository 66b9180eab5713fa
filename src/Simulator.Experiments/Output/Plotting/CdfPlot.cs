using System.Globalization;

namespace Simulator.Experiments;

/// <summary>
/// <c>cdf</c>: the latency (or delay) distribution of the requests served at a point, one line per strategy, pooled
/// over every replication (each replication's binned distribution, weighted by what it served). Requests that were
/// not served (the kind names those outcomes: expired, rejected, placed nowhere, or still under way at the horizon)
/// have none: the title counts what it leaves out. An axis cut short of the largest value says where, and how much
/// lies beyond.
/// </summary>
/// <param name="quantity">What is distributed, as titles and axes name it: "latency" at a site, "delay" in the network.</param>
/// <param name="unserved">The outcomes of the kind's requests that have no such value, counted in the title.</param>
public sealed class CdfPlot(string quantity, IReadOnlyList<Metric> unserved) : PlotKind("cdf")
{
    /// <summary>Where the axis is cut when the tail is long: the 99.9th percentile.</summary>
    private const double Cut = 0.999;

    public override (bool X, bool Y) LogAllowed => (true, true);

    public override string Shows => $"the {quantity} distribution of the served requests at one sweep point, per strategy";

    public override bool TakesY => false;

    public override string DefaultY(MetricSet metrics) => quantity;

    public override string Draw(ScottPlot.Plot plot, PlotContext c, PlotSpec p)
    {
        var spec = c.Spec;
        var point = c.PointAt(p);
        var traces = c.AllTraces(point);
        double largest = 0, cutAt = 0;
        long served = 0;
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            var pooled = Pooled(traces[s]);
            served += traces[s].Sum(t => t.Served);
            if (pooled.Count == 0) continue;
            largest = Math.Max(largest, pooled[^1].Latency);
            cutAt = Math.Max(cutAt, pooled.First(x => x.Fraction >= Cut).Latency);
            var (xs, ys) = c.Scale.Points(pooled.Select(x => x.Latency).ToArray(), pooled.Select(x => x.Fraction).ToArray());
            var line = plot.Add.Scatter(xs, ys);
            line.Color = c.Styles.Colour(s);
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.LegendText = c.Styles.Legend(s);
        }
        // What has none: counted over the same cells, after the warm-up.
        double Total(Metric metric) => c.Records.Where(r => r.Cell.Point == point.Index).Sum(r => r.Values[metric.Name] is var v && double.IsFinite(v) ? v : 0);
        var excluded = unserved.Select(m => (m, n: Total(m))).Where(x => x.n > 0).Select(x => $"{x.n:N0} {x.m.Words}").ToArray();
        string replications = c.Replications(point);
        plot.Title(PlotText.Wrap(PlotContext.Titled($"{quantity} CDF of the {served:N0} requests served, pooled over {replications}{(excluded.Length > 0 ? $"; not served, so not shown: {string.Join(", ", excluded)}" : "")}{c.Scale.Note}", point)));
        bool cut = largest > 1.5 * cutAt && cutAt > 0;
        if (cut) plot.Axes.SetLimitsX(c.Scale.LogX ? plot.Axes.Bottom.Min : 0, c.Scale.X(cutAt));
        plot.XLabel(cut ? string.Create(CultureInfo.InvariantCulture, $"{quantity} (s); axis cut at the 99.9th percentile, {cutAt:0.###} s (the largest: {largest:0.###} s)") : $"{quantity} (s)");
        plot.YLabel("fraction of served requests");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return $"{quantity}-cdf";
    }

    /// <summary>The replications' distributions as one: at each latency any of them has a step, the served-weighted mean of their fractions.</summary>
    internal static IReadOnlyList<(double Latency, double Fraction)> Pooled(IReadOnlyList<RunTrace> traces)
    {
        var used = traces.Where(t => t.Served > 0 && t.LatencyCdf.Count > 0).ToArray();
        long total = used.Sum(t => t.Served);
        if (total == 0) return Array.Empty<(double, double)>();
        var grid = used.SelectMany(t => t.LatencyCdf.Select(x => x.Latency)).Distinct().Order().ToArray();
        var next = new int[used.Length];
        var pooled = new (double, double)[grid.Length];
        for (int g = 0; g < grid.Length; g++)
        {
            double sum = 0;
            for (int r = 0; r < used.Length; r++)
            {
                var cdf = used[r].LatencyCdf;
                while (next[r] < cdf.Count && cdf[next[r]].Latency <= grid[g]) next[r]++;
                sum += used[r].Served * (next[r] == 0 ? 0 : cdf[next[r] - 1].Fraction);
            }
            pooled[g] = (grid[g], sum / total);
        }
        return pooled;
    }
}

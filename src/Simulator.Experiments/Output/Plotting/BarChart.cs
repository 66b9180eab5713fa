using ScottPlot;

namespace Simulator.Experiments;

/// <summary>Bars per strategy at one sweep point: one metric with its interval as whiskers, or parts stacked per strategy; the plots of one point draw with it.</summary>
internal static class BarChart
{
    /// <summary>Draws the bars; <paramref name="shownBy"/> chooses the axis unit from the tallest bar (the stack's top).</summary>
    public static ShownMetric Draw(Plot plot, PlotContext c, SweepPoint point, IReadOnlyList<Metric> metrics, Metric shownBy, IReadOnlyList<string>? legend)
    {
        var spec = c.Spec;
        bool stacked = metrics.Count > 1;
        double Mean(int s, Metric metric) => c.Summaries[(point.Index, s, metric.Name)].Mean is var m && double.IsNaN(m) ? 0 : m;
        var strategies = Enumerable.Range(0, spec.Strategies.Count).ToArray();
        // One unit for the whole plot, chosen from the tallest bar (the stack's top for stacked plots).
        var y = shownBy.Shown(strategies.Select(s => metrics.Sum(m => Mean(s, m))));
        var bars = new List<Bar>();
        foreach (int s in strategies)
        {
            double stackBase = 0;
            for (int k = 0; k < metrics.Count; k++)
            {
                var v = c.Summaries[(point.Index, s, metrics[k].Name)];
                double mean = Mean(s, metrics[k]);
                bars.Add(new Bar
                {
                    Position = s,
                    ValueBase = y.Convert(stackBase),
                    Value = y.Convert(stackBase + mean),
                    Error = !stacked && !double.IsNaN(v.HalfWidth) ? y.Convert(v.HalfWidth) : 0,
                    FillColor = Colors.Category10[(stacked ? k : s) % 10],
                });
                stackBase += mean;
            }
        }
        plot.Add.Bars(bars);
        // A pair's selector over its schedule: side by side, pair labels run into each other.
        plot.Axes.Bottom.SetTicks(strategies.Select(i => (double)i).ToArray(), spec.Strategies.Select(s => s.Schedule is null ? s.Label : $"{s.OwnLabel}\n+{s.Schedule.OwnLabel}").ToArray());
        if (legend is not null)
            for (int k = 0; k < metrics.Count; k++)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = legend[k], FillColor = Colors.Category10[k % 10] });
        plot.XLabel("strategy");
        plot.Axes.Margins(bottom: 0);
        return y;
    }
}

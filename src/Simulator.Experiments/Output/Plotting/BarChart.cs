using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// Bars per strategy: at one sweep point, one metric with its interval as whiskers or parts stacked per strategy;
/// or grouped by the values of a swept setting (a categorical sweep in one figure). A strategy's bar has its colour
/// (the legend names them); a bound's is hatched grey. Labels under the bars are wrapped to fit, or numbered (the
/// legend then says which number is which) where even wrapped they would run into each other.
/// </summary>
internal static class BarChart
{
    /// <summary>Draws the bars at one point; <paramref name="shownBy"/> chooses the axis unit from the tallest bar (the stack's top).</summary>
    public static ShownMetric Draw(Plot plot, PlotContext c, SweepPoint point, IReadOnlyList<Metric> metrics, Metric shownBy, IReadOnlyList<string>? legend, PlotSpec p)
    {
        var spec = c.Spec;
        bool stacked = metrics.Count > 1;
        double Mean(int s, Metric metric) => c.Summaries[(point.Index, s, metric.Name)].Mean is var m && double.IsNaN(m) ? 0 : m;
        var strategies = Enumerable.Range(0, spec.Strategies.Count).ToArray();
        // One unit for the whole plot, chosen from the tallest bar (the stack's top for stacked plots).
        var y = shownBy.Shown(strategies.Select(s => metrics.Sum(m => Mean(s, m))));
        var bars = new List<Bar>();
        var owners = new List<int>();
        foreach (int s in strategies)
        {
            double stackBase = 0;
            for (int k = 0; k < metrics.Count; k++)
            {
                var v = c.Summaries[(point.Index, s, metrics[k].Name)];
                double mean = Mean(s, metrics[k]);
                var bar = Bar(stackBase, stackBase + mean, !stacked ? v.HalfWidth : double.NaN, y, metrics[k], s);
                bar.Position = s;
                if (stacked) bar.FillColor = PartColour(k);
                else Style(bar, c, s);
                bars.Add(bar);
                // A stack's parts are coloured by part: no bound styling.
                owners.Add(stacked ? -1 : s);
                stackBase += mean;
            }
        }
        plot.Add.Bars(bars);
        Outline(plot, c, bars, owners);
        if (legend is not null)
            for (int k = 0; k < metrics.Count; k++)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = legend[k], FillColor = PartColour(k) });
        else
            foreach (int s in strategies) plot.Legend.ManualItems.Add(new LegendItem { LabelText = c.Styles.Legend(s), FillColor = c.Styles.Colour(s) });
        Label(plot, c, strategies.Select(s => (double)s).ToArray(), spec.Strategies.Select(s => s.Label).ToArray(), p.Width);
        plot.XLabel("strategy");
        plot.Axes.Margins(bottom: 0);
        return y;
    }

    /// <summary>Bars of one metric grouped by the values of the swept setting <paramref name="x"/> (at the point's other values), one colour per strategy.</summary>
    public static ShownMetric Grouped(Plot plot, PlotContext c, IReadOnlyList<SweepPoint> points, string x, Metric metric, PlotSpec p)
    {
        int n = c.Spec.Strategies.Count;
        var y = metric.Shown(points.SelectMany(pt => Enumerable.Range(0, n).Select(s => c.Summaries[(pt.Index, s, metric.Name)].Mean)));
        var bars = new List<Bar>();
        var owners = new List<int>();
        double width = 0.8 / n;
        for (int g = 0; g < points.Count; g++)
            for (int s = 0; s < n; s++)
            {
                var v = c.Summaries[(points[g].Index, s, metric.Name)];
                var bar = Bar(0, double.IsNaN(v.Mean) ? 0 : v.Mean, v.HalfWidth, y, metric, s);
                bar.Position = g + (s - (n - 1) / 2.0) * width;
                bar.Size = width * 0.9;
                Style(bar, c, s);
                bars.Add(bar);
                owners.Add(s);
            }
        plot.Add.Bars(bars);
        Outline(plot, c, bars, owners);
        for (int s = 0; s < n; s++) plot.Legend.ManualItems.Add(new LegendItem { LabelText = c.Styles.Legend(s), FillColor = c.Styles.Colour(s) });
        Label(plot, c, Enumerable.Range(0, points.Count).Select(g => (double)g).ToArray(), points.Select(pt => pt.Written.TryGetValue(x, out var w) ? w : pt.Labels[x]).ToArray(), p.Width);
        plot.XLabel(PlotText.Words(x));
        plot.Axes.Margins(bottom: 0);
        return y;
    }

    /// <summary>A bar from <paramref name="from"/> to <paramref name="to"/> with its whisker; an interval of a metric that cannot be negative clipped at 0.</summary>
    private static Bar Bar(double from, double to, double halfWidth, ShownMetric y, Metric metric, int strategy)
    {
        double error = double.IsNaN(halfWidth) ? 0 : halfWidth;
        // A whisker below 0 for what cannot be negative: drawn from the clip, as the interval is.
        if (metric.NonNegative && to - error < 0) error = to;
        return new Bar { ValueBase = y.Convert(from), Value = y.Convert(to), Error = y.Convert(error) - y.Convert(0) };
    }

    private static void Style(Bar bar, PlotContext c, int strategy)
    {
        bar.FillColor = c.Styles.Colour(strategy);
        if (c.Styles.Bound(strategy)) bar.FillColor = StrategyStyles.BoundColour.WithAlpha(0.25);
    }

    /// <summary>
    /// A bound's bar outlined dashed. The outline is a line of its own: SkiaSharp's SVG canvas draws no dash on a
    /// filled shape (and says so on standard error), but does on a line.
    /// </summary>
    private static void Outline(Plot plot, PlotContext c, IReadOnlyList<Bar> bars, IReadOnlyList<int> strategyOf)
    {
        for (int i = 0; i < bars.Count; i++)
        {
            if (strategyOf[i] < 0 || !c.Styles.Bound(strategyOf[i])) continue;
            var b = bars[i];
            double left = b.Position - b.Size / 2, right = b.Position + b.Size / 2;
            var outline = plot.Add.Scatter(new[] { left, left, right, right }, new[] { b.ValueBase, b.Value, b.Value, b.ValueBase });
            outline.Color = StrategyStyles.BoundColour;
            outline.LineWidth = 2;
            outline.LinePattern = LinePattern.Dashed;
            outline.MarkerShape = MarkerShape.None;
        }
    }

    private static Color PartColour(int part) => Colors.Category10[part % 10];

    /// <summary>
    /// The labels under the bars: as they are when they fit the space each has, else wrapped at their separators, else
    /// numbered 1, 2, ... with the legend saying which is which. Measured with the axis's own font.
    /// </summary>
    private static void Label(Plot plot, PlotContext c, double[] positions, string[] labels, int figureWidth)
    {
        // The data area is what the legend (right) and the left axis leave: about two thirds of the figure.
        double room = figureWidth * 0.62 / Math.Max(1, positions.Length) - 8;
        var style = plot.Axes.Bottom.TickLabelStyle;
        using var paint = Paint.NewDisposablePaint();
        double Widest(IEnumerable<string> texts) => texts.SelectMany(t => t.Split('\n')).Select(t => (double)style.Measure(t, paint).Width).DefaultIfEmpty(0).Max();
        string[] shown = labels;
        if (Widest(shown) > room) shown = labels.Select(Wrap).ToArray();
        if (Widest(shown) > room)
        {
            shown = labels.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            for (int i = 0; i < labels.Length; i++) plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{i + 1}: {labels[i]}" });
        }
        plot.Axes.Bottom.SetTicks(positions, shown);
    }

    /// <summary>A label broken after its separators ("+", "(", ",", "-") into lines of about 12 characters.</summary>
    private static string Wrap(string label)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (char ch in label)
        {
            line.Append(ch);
            if (line.Length >= 8 && ch is '+' or '(' or ',' or '-' or ' ')
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
            }
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return string.Join('\n', lines);
    }
}

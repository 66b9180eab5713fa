using System.Collections.Concurrent;
using ScottPlot;
using ScottPlot.Plottables;
using Simulator.Testing;

namespace Simulator.Experiments.Tests;

/// <summary>
/// Every figure of a shortened run of every shipped experiment, drawn and rendered: one colour per strategy in every
/// figure (and, for a built-in strategy, in every experiment), no two tick labels overlapping (by their measured
/// extents), CDFs that pool every replication, bounds drawn dashed, and no band below 0 for what cannot be negative.
/// </summary>
public class FiguresTests
{
    private static readonly string Repo = RepositoryRoot.Find();

    /// <summary>A built-in strategy's colour, as the first experiment drew it: every other must draw it so.</summary>
    private static readonly ConcurrentDictionary<string, Color> BuiltInColours = new(StringComparer.Ordinal);

    public static TheoryData<string> Experiments() => GoldenRunsTests.Experiments();

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Every_figure_keeps_its_strategies_colours_and_its_labels_apart(string file)
    {
        var spec = GoldenRunsTests.Shortened(file);
        if (spec.Plots.Count == 0) return;
        var records = new Runner(spec, 2).Run();
        var styles = new StrategyStyles(spec.Strategies);
        var seen = new Dictionary<string, Color>(StringComparer.Ordinal);
        foreach (var p in spec.Plots)
        {
            var (plot, name) = Plots.Draw(spec, records, p);
            plot.RenderInMemory(p.Width, p.Height);
            string what = $"{Path.GetFileName(file)}, {name}";
            for (int s = 0; s < spec.Strategies.Count; s++)
            {
                string label = spec.Strategies[s].Label, legend = styles.Legend(s);
                foreach (var (text, colour, pattern) in Marks(plot).Where(m => m.Label == legend || m.Label.StartsWith(label + ", ", StringComparison.Ordinal)))
                {
                    Assert.True(!seen.TryGetValue(label, out var first) || first == colour, $"{what}: {label} is {colour.ToHex()} here, {first.ToHex()} in another figure");
                    seen[label] = colour;
                    if (spec.Strategies[s].IsBound && pattern is { } linePattern) Assert.True(linePattern.Equals(LinePattern.Dashed), $"{what}: the bound {label} is not dashed");
                    if (spec.Strategies[s].External is null && spec.Strategies[s].Registry.Strategies.Any(x => x.Name == label))
                    {
                        var everywhere = BuiltInColours.GetOrAdd(label, colour);
                        Assert.True(everywhere == colour, $"{what}: the built-in {label} is {colour.ToHex()}, {everywhere.ToHex()} in another experiment");
                    }
                }
            }
            AssertTickLabelsApart(plot, plot.Axes.Bottom, horizontal: true, what);
            AssertTickLabelsApart(plot, plot.Axes.Left, horizontal: false, what);
            // A band on a logarithmic axis is drawn in logarithms: below 0 there is below 1, which it may be.
            if (!p.LogY && p.Kind.Name != "paired-gain" && !(p.Kind.Name is "line-ci" or "bars" && !spec.Metrics.Contains(p.Y)) && (p.Kind.Name != "line-ci" || spec.Metrics[p.Y].NonNegative))
                foreach (var band in plot.GetPlottables().OfType<FillY>())
                    Assert.True(band.GetAxisLimits().Bottom >= 0, $"{what}: a band reaches {band.GetAxisLimits().Bottom}, below 0");
            if (p.Kind.Name == "cdf") AssertPoolsEveryReplication(spec, records, p, plot, what);
        }
    }

    /// <summary>What the legend names and in which colour (and line pattern, for a line): lines, and the bars' legend items.</summary>
    private static IEnumerable<(string Label, Color Colour, LinePattern? Pattern)> Marks(Plot plot)
    {
        foreach (var line in plot.GetPlottables().OfType<Scatter>().Where(l => !string.IsNullOrEmpty(l.LegendText)))
            yield return (line.LegendText, line.Color, line.LinePattern);
        foreach (var item in plot.Legend.ManualItems.Where(i => !string.IsNullOrEmpty(i.LabelText)))
            yield return (item.LabelText, item.FillColor, null);
    }

    /// <summary>Each major tick label's extent, measured with the axis's font where the last render put it: none may overlap the next.</summary>
    private static void AssertTickLabelsApart(Plot plot, IAxis axis, bool horizontal, string what)
    {
        using var paint = Paint.NewDisposablePaint();
        var ticks = axis.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label) && t.Position >= axis.Min && t.Position <= axis.Max).ToArray();
        var extents = ticks.Select(t =>
        {
            var size = axis.TickLabelStyle.Measure(t.Label, paint);
            var px = plot.GetPixel(horizontal ? new Coordinates(t.Position, 0) : new Coordinates(0, t.Position));
            double centre = horizontal ? px.X : px.Y, half = (horizontal ? size.Width : size.Height) / 2;
            return (t.Label, Low: centre - half, High: centre + half);
        }).OrderBy(e => e.Low).ToArray();
        for (int i = 1; i < extents.Length; i++)
            Assert.True(extents[i].Low >= extents[i - 1].High, $"{what}: the {(horizontal ? "x" : "y")} tick labels '{extents[i - 1].Label}' and '{extents[i].Label}' overlap ({extents[i - 1].High:0.#} > {extents[i].Low:0.#} px)");
    }

    /// <summary>The CDF's title counts the requests served over every replication of its point, and says how many replications it pools.</summary>
    private static void AssertPoolsEveryReplication(ExperimentSpec spec, IReadOnlyList<RunRecord> records, PlotSpec p, Plot plot, string what)
    {
        var point = spec.Points.Single(pt => pt.Matches(p.At));
        var cells = records.Where(r => r.Cell.Point == point.Index).ToArray();
        long served = (long)cells.Sum(r => r.Values["on_time"] + r.Values["late"]);
        string title = plot.Axes.Title.Label.Text.Replace('\n', ' ');
        Assert.Contains($"the {served:N0} requests served, pooled over {cells.Max(r => r.Cell.Replication) + 1} replications", title);
    }
}

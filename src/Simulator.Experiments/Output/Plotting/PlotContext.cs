using System.Globalization;
using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// What every plot kind draws from: the experiment, its records and their summaries (with the decision time),
/// and the pieces they share: the lines of a sweep, the point a plot fixes, the replications it averages, the
/// strategy's colour, and the traced runs of a point (shared by the figures of one drawing).
/// </summary>
public sealed class PlotContext
{
    private static readonly LinePattern[] Patterns = { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
    private static readonly MarkerShape[] Shapes = { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare };

    private readonly TraceCache traces;

    public PlotContext(ExperimentSpec spec, IReadOnlyList<RunRecord> records, PlotScale? scale = null, TraceCache? traces = null)
    {
        this.traces = traces ?? new TraceCache(spec, records);
        Spec = spec;
        Records = records;
        Styles = new StrategyStyles(spec.Strategies);
        Scale = scale ?? new PlotScale(false, false);
        Summaries = ResultWriter.Summaries(spec, records).ToDictionary(x => (x.Point, x.Strategy, x.Metric), x => x.Summary);
        // Running time is machine-dependent: kept out of the tables (timing.csv), but it can be plotted.
        foreach (var g in records.GroupBy(r => (r.Cell.Point, r.Cell.Strategy)))
            Summaries[(g.Key.Point, g.Key.Strategy, Experiments.Metric.DecisionTime.Name)] = Summary.Of(g.OrderBy(r => r.Cell.Replication).Select(r => r.DecisionMsMean));
    }

    public ExperimentSpec Spec { get; }

    /// <summary>Each strategy's colour, and whether it is drawn as a bound: the same in every figure.</summary>
    public StrategyStyles Styles { get; }

    /// <summary>The axes of the plot being drawn (linear or logarithmic).</summary>
    public PlotScale Scale { get; }

    public IReadOnlyList<RunRecord> Records { get; }

    public Dictionary<(int Point, int Strategy, string Metric), Summary> Summaries { get; }

    /// <summary>A metric of the experiment's kind by name, or the decision time.</summary>
    public Metric Metric(string name) => name == Experiments.Metric.DecisionTime.Name ? Experiments.Metric.DecisionTime : Spec.Metrics[name];

    /// <summary>One line of a line plot: the points it joins (in order along x), its index and what it fixes ("" when the sweep has one setting).</summary>
    public sealed record SweepLine(int Group, string Label, SweepPoint[] Points);

    /// <summary>
    /// The points a line plot over <paramref name="x"/> draws, split into one line per value of the other swept
    /// settings that <c>at</c> does not fix, so that a sweep of two settings never zig-zags through both. Zipped
    /// settings move with x, so they split nothing: one line runs through every point.
    /// </summary>
    public SweepLine[] Lines(PlotSpec p, string x)
    {
        var others = Spec.Zip ? [] : Free(p, x);
        return Spec.Points.Where(pt => pt.Matches(p.At))
            .GroupBy(pt => string.Join("\u0001", others.Select(o => pt.Labels[o])))
            .Select((g, i) => new SweepLine(i, others.Length == 0 ? "" : PlotText.Values(others, g.First()), g.OrderBy(pt => Number(pt.Labels[x])).ToArray()))
            .ToArray();
    }

    /// <summary>"10 replications" over the points the lines draw.</summary>
    public string Replications(SweepLine[] lines)
    {
        var points = lines.SelectMany(l => l.Points.Select(pt => pt.Index)).ToHashSet();
        return PlotText.Replications(Records.Where(r => points.Contains(r.Cell.Point)));
    }

    public string Replications(SweepPoint point) => PlotText.Replications(Records.Where(r => r.Cell.Point == point.Index));

    public string Replications(IEnumerable<SweepPoint> points)
    {
        var indices = points.Select(pt => pt.Index).ToHashSet();
        return PlotText.Replications(Records.Where(r => indices.Contains(r.Cell.Point)));
    }

    public static string Named(string strategy, string line) => line.Length == 0 ? strategy : $"{strategy}, {line}";

    /// <summary>" at uplink bandwidth = 20 MHz" for the settings a plot's <c>at</c> fixes, as the file wrote them.</summary>
    /// <summary>The swept settings other than <paramref name="x"/> that <c>at</c> leaves free.</summary>
    private string[] Free(PlotSpec p, string x) => Spec.Sweep.Select(a => a.Path).Where(path => path != x && !p.At.ContainsKey(path)).ToArray();

    /// <summary>", each point with its own uplink bandwidth (zip)" when zipped settings move along x; empty otherwise.</summary>
    public string Paired(PlotSpec p, string x) =>
        Spec.Zip && Free(p, x) is { Length: > 0 } free ? $", each point with its own {string.Join(" and ", free.Select(PlotText.Words))} (zip)" : "";

    public static string Fixed(PlotSpec p) =>
        p.At.Count == 0 ? "" : " at " + string.Join(", ", p.At.Select(a => $"{PlotText.Words(a.Key)} = {a.Value}"));

    public static (double Mean, double Low, double High) Converted(Summary v, Func<double, double> convert) =>
        (convert(v.Mean), convert(Finite(v.Low, v.Mean)), convert(Finite(v.High, v.Mean)));

    /// <summary>The one sweep point a plot fixes with <c>at</c>.</summary>
    public SweepPoint PointAt(PlotSpec p) =>
        Spec.Points.FirstOrDefault(pt => pt.Matches(p.At)) ?? throw new KeyNotFoundException($"No sweep point matches at: {string.Join(", ", p.At.Select(a => $"{a.Key}={a.Value}"))}.");

    /// <summary>The title and the point's settings in words, as the file wrote them.</summary>
    public static string Titled(string title, SweepPoint point) =>
        point.Labels.Count > 0 ? $"{title} at {PlotText.Values(point.Labels.Keys, point)}" : title;

    /// <summary>The words a title gives the intervals: how they are formed, and where they are clipped.</summary>
    public static string Interval(Metric? metric) =>
        metric is { NonNegative: true } ? "Student-t 95 % interval, clipped at 0" : "Student-t 95 % interval";

    /// <summary>
    /// One strategy's means as a line over its 95 % interval as a band: the strategy's colour, the line's pattern and
    /// marker for the value of the other swept settings. A bound is a dashed grey line without a band, named as a
    /// bound; an interval of a metric that cannot be negative is clipped at 0.
    /// </summary>
    public void BandedLine(Plot plot, double[] xs, (double Mean, double Low, double High)[] stats, int strategy, int group, string label, Metric? metric = null)
    {
        var color = Styles.Colour(strategy);
        if (metric is { NonNegative: true }) stats = stats.Select(v => (v.Mean, Math.Max(0, v.Low), v.High)).ToArray();
        bool bound = Styles.Bound(strategy);
        if (!bound)
        {
            var (bx, low, high) = Scale.Band(xs, stats);
            if (bx.Length > 0)
            {
                var band = plot.Add.FillY(bx, low, high);
                band.FillColor = color.WithAlpha(0.2);
                band.LineColor = color.WithAlpha(0);
            }
        }
        var (lx, ly) = Scale.Points(xs, stats.Select(v => v.Mean).ToArray());
        var line = plot.Add.Scatter(lx, ly);
        line.Color = color;
        line.LinePattern = bound ? LinePattern.Dashed : Patterns[group % Patterns.Length];
        line.LineWidth = bound ? 2 : 1.5f;
        line.MarkerShape = bound ? MarkerShape.None : Shapes[group % Shapes.Length];
        line.LegendText = bound ? label.Replace(Spec.Strategies[strategy].Label, Styles.Legend(strategy), StringComparison.Ordinal) : label;
    }

    /// <summary>Every replication of every strategy at a point, traced (simulated again, in parallel): [strategy][replication].</summary>
    public RunTrace[][] AllTraces(SweepPoint point) => traces.All(point);

    public static double Number(string label) =>
        IsNumber(label, out double v) ? v : throw new FormatException($"'{label}' is not a number to plot along x.");

    /// <summary>Whether a swept value, as the point resolved it, can stand on a numeric axis.</summary>
    public static bool IsNumber(string label) => IsNumber(label, out _);

    private static bool IsNumber(string label, out double value) => double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static double Finite(double v, double fallback) => double.IsNaN(v) ? fallback : v;
}

using System.Globalization;
using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// The plots an experiment asks for, as PNG and SVG under plots/ (ScottPlot), each with a title, axis
/// labels with units, a legend, and 95 % intervals: <c>line-ci</c> (a metric over a swept setting, one
/// line per strategy with its interval as a band), <c>paired-gain</c> (each strategy's paired difference to the
/// baseline over a swept setting, with its paired interval and zero marked), <c>bars</c> (a metric per strategy at one point, with
/// interval whiskers), <c>breakdown</c> (the latency's parts along its critical path stacked per strategy, the measured mean marked), <c>outcomes</c> (on time, late,
/// expired, rejected and unfinished requests stacked per strategy), <c>bytes-saved</c>,
/// <c>cdf</c> (latency of every request served), <c>timeseries</c> (queue length or GPU memory over
/// time) and <c>regret</c> (a learner's cumulative regret over rounds). The last two show replication 0 of the point, run again with tracing: runs are deterministic,
/// so it is the very run whose metrics the tables hold. Line plots of a sweep over several settings draw one
/// line per strategy and value of the other settings; legends sit right of the data; axes read in units
/// (<see cref="PlotText"/>, <see cref="MetricDisplay"/>); each title says how many replications it averages.
/// </summary>
public static class Plots
{
    /// <summary>Writes every plot; returns the files written (relative to <paramref name="directory"/>) for the report.</summary>
    public static IReadOnlyList<string> WriteAll(ExperimentSpec spec, IReadOnlyList<RunRecord> records, string directory)
    {
        var files = new List<string>();
        var summaries = Summaries(spec, records);
        Directory.CreateDirectory(Path.Combine(directory, "plots"));
        for (int i = 0; i < spec.Plots.Count; i++)
        {
            var (plot, name) = Draw(spec, records, spec.Plots[i], summaries);
            string stem = $"plots/{i:00}-{name}";
            plot.SavePng(Path.Combine(directory, stem + ".png"), 900, 560);
            plot.SaveSvg(Path.Combine(directory, stem + ".svg"), 900, 560);
            files.Add(stem + ".png");
        }
        return files;
    }

    /// <summary>One plot, drawn but not saved (tests read what it holds), and its file name.</summary>
    public static (Plot Plot, string Name) Draw(ExperimentSpec spec, IReadOnlyList<RunRecord> records, PlotSpec p) => Draw(spec, records, p, Summaries(spec, records));

    private static Dictionary<(int, int, string), Summary> Summaries(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        var summaries = ResultWriter.Summaries(spec, records).ToDictionary(x => (x.Point, x.Strategy, x.Metric), x => x.Summary);
        // Running time is machine-dependent: kept out of the tables (timing.csv), but it can be plotted.
        foreach (var g in records.GroupBy(r => (r.Cell.Point, r.Cell.Strategy)))
            summaries[(g.Key.Point, g.Key.Strategy, MetricSet.DecisionTime)] = Summary.Of(g.OrderBy(r => r.Cell.Replication).Select(r => r.DecisionMsMean));
        return summaries;
    }

    private static (Plot Plot, string Name) Draw(ExperimentSpec spec, IReadOnlyList<RunRecord> records, PlotSpec p, Dictionary<(int, int, string), Summary> summaries)
    {
        var plot = new Plot();
        string name = p.Kind switch
        {
            "line-ci" => LineCi(plot, spec, p, summaries, records),
            "paired-gain" => PairedGain(plot, spec, p, records),
            "bars" => Bars(plot, spec, p, summaries, records, new[] { p.Y }),
            "breakdown" => Bars(plot, spec, p, summaries, records, Pulled(spec) ? PulledCriticalPath : CriticalPath),
            "outcomes" => Bars(plot, spec, p, summaries, records, Pulled(spec) ? PlacedOutcomes : Outcomes),
            "bytes-saved" => Bars(plot, spec, p, summaries, records, new[] { "bytes_saved" }),
            "cdf" => Cdf(plot, spec, p),
            "regret" => Regret(plot, spec, p, summaries, records),
            "timeseries" => TimeSeries(plot, spec, p),
            _ => throw new InvalidOperationException($"plot kind {p.Kind}"),
        };
        return (plot, name);
    }

    private static string LineCi(Plot plot, ExperimentSpec spec, PlotSpec p, Dictionary<(int, int, string), Summary> summaries, IReadOnlyList<RunRecord> records)
    {
        if (p.Y != MetricSet.DecisionTime) spec.Metrics.Index(p.Y);
        string x = p.X ?? throw new InvalidOperationException("A line-ci plot needs x: a swept path.");
        if (spec.Sweep.All(a => a.Path != x)) throw new KeyNotFoundException($"Plot x '{x}' is not a swept path; swept: {string.Join(", ", spec.Sweep.Select(a => a.Path))}.");
        var lines = Lines(spec, p, x);
        var series = lines.SelectMany(line => Enumerable.Range(0, spec.Strategies.Count).Select(s => (line, s, stats: line.Points.Select(pt => summaries[(pt.Index, s, p.Y)]).ToArray()))).ToArray();
        var y = MetricDisplay.For(p.Y, series.SelectMany(v => v.stats.Select(st => st.Mean)));
        var (xLabel, toX) = PlotText.Axis(x, spec.Points.Select(pt => Number(pt.Labels[x])));
        foreach (var (line, s, stats) in series)
            BandedLine(plot, line.Points.Select(pt => toX(Number(pt.Labels[x]))).ToArray(), stats.Select(v => Converted(v, y.Convert)).ToArray(), s, line.Group, Named(spec.Strategies[s].Label, line.Label));
        plot.Title(PlotText.Wrap($"{y.Words} against {PlotText.Words(x)}{Fixed(p)} (mean over {PlotText.Replications(Shown(records, lines))}, 95 % interval)"));
        plot.XLabel(xLabel);
        plot.YLabel(y.Header);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return $"{p.Y}-vs-{x.Split('.').Last()}";
    }

    /// <summary>
    /// The headline claim: each strategy's paired difference to the baseline over a swept value, the mean
    /// with its paired 95 % interval as a band, and zero marked, so a gain that includes it is seen to.
    /// </summary>
    private static string PairedGain(Plot plot, ExperimentSpec spec, PlotSpec p, IReadOnlyList<RunRecord> records)
    {
        string x = p.X!;
        var paired = ResultWriter.Paired(spec, records).Where(r => r.Metric == p.Y).ToDictionary(r => (r.Point, r.Strategy), r => r.Paired.Difference);
        var lines = Lines(spec, p, x);
        var series = lines.SelectMany(line => Enumerable.Range(0, spec.Strategies.Count).Where(s => spec.Strategies[s].Label != spec.Baseline)
            .Select(s => (line, s, shown: line.Points.Where(pt => paired.ContainsKey((pt.Index, s))).ToArray()))).ToArray();
        var y = MetricDisplay.For(p.Y, series.SelectMany(v => v.shown.Select(pt => paired[(pt.Index, v.s)].Mean)));
        var (xLabel, toX) = PlotText.Axis(x, spec.Points.Select(pt => Number(pt.Labels[x])));
        foreach (var (line, s, shown) in series)
            BandedLine(plot, shown.Select(pt => toX(Number(pt.Labels[x]))).ToArray(), shown.Select(pt => Converted(paired[(pt.Index, s)], y.Convert)).ToArray(), s, line.Group, Named(spec.Strategies[s].Label, line.Label));
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black.WithAlpha(0.6);
        zero.LinePattern = LinePattern.Dashed;
        plot.Title(PlotText.Wrap($"{y.Words} minus {spec.Baseline}'s against {PlotText.Words(x)}{Fixed(p)}, paired over the same replications (mean over {PlotText.Replications(Shown(records, lines))}, 95 % interval)"));
        plot.XLabel(xLabel);
        plot.YLabel($"difference in {y.Header}");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return $"{p.Y}-gain-vs-{x.Split('.').Last()}";
    }

    /// <summary>One line of a line plot: the points it joins (in order along x), its index and what it fixes ("" when the sweep has one setting).</summary>
    private sealed record SweepLine(int Group, string Label, SweepPoint[] Points);

    /// <summary>
    /// The points a line plot over <paramref name="x"/> draws, split into one line per value of the other swept
    /// settings that <c>at</c> does not fix, so that a sweep of two settings never zig-zags through both.
    /// </summary>
    private static SweepLine[] Lines(ExperimentSpec spec, PlotSpec p, string x)
    {
        var others = spec.Sweep.Select(a => a.Path).Where(path => path != x && !p.At.ContainsKey(path)).ToArray();
        return spec.Points.Where(pt => pt.Matches(p.At))
            .GroupBy(pt => string.Join("\u0001", others.Select(o => pt.Labels[o])))
            .Select((g, i) => new SweepLine(i, others.Length == 0 ? "" : PlotText.Values(others, g.First()), g.OrderBy(pt => Number(pt.Labels[x])).ToArray()))
            .ToArray();
    }

    private static IEnumerable<RunRecord> Shown(IReadOnlyList<RunRecord> records, SweepLine[] lines)
    {
        var points = lines.SelectMany(l => l.Points.Select(pt => pt.Index)).ToHashSet();
        return records.Where(r => points.Contains(r.Cell.Point));
    }

    private static IEnumerable<RunRecord> Shown(IReadOnlyList<RunRecord> records, SweepPoint point) => records.Where(r => r.Cell.Point == point.Index);

    private static string Named(string strategy, string line) => line.Length == 0 ? strategy : $"{strategy}, {line}";

    /// <summary>" at uplink bandwidth = 20 MHz" for the settings a plot's <c>at</c> fixes, as the file wrote them.</summary>
    private static string Fixed(PlotSpec p) =>
        p.At.Count == 0 ? "" : " at " + string.Join(", ", p.At.Select(a => $"{PlotText.Words(a.Key)} = {a.Value}"));

    private static (double Mean, double Low, double High) Converted(Summary v, Func<double, double> convert) =>
        (convert(v.Mean), convert(Finite(v.Low, v.Mean)), convert(Finite(v.High, v.Mean)));

    /// <summary>Cumulative regret R(t) at T/16, T/8, T/4, T/2 and T, one line per strategy with its 95 % band across replications.</summary>
    private static string Regret(Plot plot, ExperimentSpec spec, PlotSpec p, Dictionary<(int, int, string), Summary> summaries, IReadOnlyList<RunRecord> records)
    {
        var point = PointAt(spec, p);
        var checkpoints = new[] { ("regret_1_16", 1.0 / 16), ("regret_1_8", 1.0 / 8), ("regret_1_4", 1.0 / 4), ("regret_1_2", 1.0 / 2), ("regret", 1.0) };
        double rounds = summaries[(point.Index, 0, "requests")].Mean;
        var xs = checkpoints.Select(c => Math.Max(1, Math.Floor(rounds * c.Item2))).ToArray();
        for (int s = 0; s < spec.Strategies.Count; s++)
            BandedLine(plot, xs, checkpoints.Select(c => Converted(summaries[(point.Index, s, c.Item1)], v => v)).ToArray(), s, 0, spec.Strategies[s].Label);
        plot.Title(PlotText.Wrap(Titled($"cumulative regret R(t) (mean over {PlotText.Replications(Shown(records, point))}, 95 % interval)", point)));
        plot.XLabel("round t (requests served)");
        plot.YLabel("cumulative regret (penalty units)");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return "regret";
    }

    private static readonly LinePattern[] Patterns = { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
    private static readonly MarkerShape[] Shapes = { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare };

    /// <summary>One strategy's means as a line over its 95 % interval as a band: the strategy's colour, the line's pattern and marker for the value of the other swept settings.</summary>
    private static void BandedLine(Plot plot, double[] xs, (double Mean, double Low, double High)[] stats, int strategy, int group, string label)
    {
        var color = Colors.Category10[strategy % 10];
        var band = plot.Add.FillY(xs, stats.Select(v => v.Low).ToArray(), stats.Select(v => v.High).ToArray());
        band.FillColor = color.WithAlpha(0.2);
        band.LineColor = color.WithAlpha(0);
        var line = plot.Add.Scatter(xs, stats.Select(v => v.Mean).ToArray());
        line.Color = color;
        line.LinePattern = Patterns[group % Patterns.Length];
        line.MarkerShape = Shapes[group % Shapes.Length];
        line.LegendText = label;
    }

    /// <summary>What became of the requests that arrived after the warm-up: the outcomes plot stacks them per strategy.</summary>
    private static readonly string[] Outcomes = { "on_time", "late", "expired", "rejected", "unfinished" };

    /// <summary>The latency's parts along the critical path (they add up to the mean latency on every timeline): the breakdown stacks them.</summary>
    private static readonly string[] CriticalPath = { "waiting_mean", "upload_critical_mean", "gpu_wait_mean", "loading_critical_mean", "inference_mean", "downlink_mean" };

    private static readonly string[] CriticalPathWords = { "waiting for a batch", "upload", "waiting for the GPU", "loading", "inference", "downlink" };

    /// <summary>In a network of sites a request first waits for its model's parts, and the network may place it nowhere.</summary>
    private static readonly string[] PulledCriticalPath = CriticalPath.Prepend("pull_mean").Prepend("selection_wait_mean").ToArray();

    private static readonly string[] PlacedOutcomes = Outcomes.Append("unplaced").ToArray();

    private static bool Pulled(ExperimentSpec spec) => spec.Metrics.Names.Contains("pull_mean") && spec.Metrics.Names.Contains("waiting_mean");

    private static string Bars(Plot plot, ExperimentSpec spec, PlotSpec p, Dictionary<(int, int, string), Summary> summaries, IReadOnlyList<RunRecord> records, string[] metrics)
    {
        foreach (var m in metrics)
            if (m != MetricSet.DecisionTime) spec.Metrics.Index(m);
        var point = PointAt(spec, p);
        bool outcomes = ReferenceEquals(metrics, Outcomes) || ReferenceEquals(metrics, PlacedOutcomes), breakdown = ReferenceEquals(metrics, CriticalPath) || ReferenceEquals(metrics, PulledCriticalPath), stacked = metrics.Length > 1;
        double Mean(int s, string metric) => summaries[(point.Index, s, metric)].Mean is var m && double.IsNaN(m) ? 0 : m;
        var strategies = Enumerable.Range(0, spec.Strategies.Count).ToArray();
        // One unit for the whole plot, chosen from the tallest bar (the stack's top for stacked plots).
        var y = MetricDisplay.For(breakdown ? "latency_mean" : metrics[0], strategies.Select(s => metrics.Sum(m => Mean(s, m))));
        var toY = y.Convert;
        var bars = new List<Bar>();
        foreach (int s in strategies)
        {
            double stackBase = 0;
            for (int k = 0; k < metrics.Length; k++)
            {
                var v = summaries[(point.Index, s, metrics[k])];
                double mean = Mean(s, metrics[k]);
                bars.Add(new Bar
                {
                    Position = s,
                    ValueBase = toY(stackBase),
                    Value = toY(stackBase + mean),
                    Error = !stacked && !double.IsNaN(v.HalfWidth) ? toY(v.HalfWidth) : 0,
                    FillColor = Colors.Category10[(stacked ? k : s) % 10],
                });
                stackBase += mean;
            }
        }
        plot.Add.Bars(bars);
        if (breakdown)
        {
            // The measured mean latency over each stack: the parts add up to it, and a reader sees that they do.
            foreach (int s in strategies)
            {
                var mark = plot.Add.Line(s - 0.45, toY(Mean(s, "latency_mean")), s + 0.45, toY(Mean(s, "latency_mean")));
                mark.Color = Colors.Black;
                mark.LineWidth = 2;
                mark.LinePattern = LinePattern.Dashed;
                if (s == 0) mark.LegendText = "mean latency (measured)";
            }
        }
        // A pair's selector over its schedule: side by side, pair labels run into each other.
        plot.Axes.Bottom.SetTicks(strategies.Select(i => (double)i).ToArray(), spec.Strategies.Select(s => s.Schedule is null ? s.Label : $"{s.OwnLabel}\n+{s.Schedule.OwnLabel}").ToArray());
        if (stacked)
            for (int k = 0; k < metrics.Length; k++)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = breakdown ? (metrics[k] switch { "selection_wait_mean" => "waiting for the selector's window", "pull_mean" => "pulling the model's parts", _ => CriticalPathWords[k - (metrics.Length - CriticalPath.Length)] }) : metrics[k].Replace('_', ' '), FillColor = Colors.Category10[k % 10] });
        string replications = PlotText.Replications(Shown(records, point));
        plot.Title(PlotText.Wrap(Titled(outcomes ? $"what became of the requests (stacked means over {replications})"
            : breakdown ? $"latency along the critical path (stacked means over {replications})"
            : $"{y.Words} per strategy (mean over {replications}, 95 % interval)", point)));
        plot.XLabel("strategy");
        plot.YLabel(outcomes ? "requests arrived after the warm-up" : breakdown ? (y with { Words = "latency" }).Header : y.Header);
        if (stacked || breakdown) plot.ShowLegend(ScottPlot.Edge.Right);
        plot.Axes.Margins(bottom: 0);
        return outcomes ? "outcomes" : breakdown ? "breakdown" : metrics[0];
    }

    private static string Cdf(Plot plot, ExperimentSpec spec, PlotSpec p)
    {
        var point = PointAt(spec, p);
        var traces = Traces(spec, point);
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            var cdf = traces[s].LatencyCdf;
            if (cdf.Count == 0) continue;
            var line = plot.Add.Scatter(cdf.Select(c => c.Latency).ToArray(), cdf.Select(c => c.Fraction).ToArray());
            line.Color = Colors.Category10[s % 10];
            line.MarkerSize = 0;
            line.LegendText = spec.Strategies[s].Label;
        }
        plot.Title(PlotText.Wrap(Titled("latency CDF of served requests (replication 0, bins of 0.5 %)", point)));
        plot.XLabel("latency (s)");
        plot.YLabel("fraction of served requests");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return "latency-cdf";
    }

    private static string TimeSeries(Plot plot, ExperimentSpec spec, PlotSpec p)
    {
        var point = PointAt(spec, p);
        var traces = Traces(spec, point);
        double end = spec.HorizonSeconds, width = SiteScenario.TraceWindow(end);
        bool memory = p.Y == "gpu_memory";
        var levels = traces.Select(t => memory ? t.GpuBytes : t.QueueLength).ToArray();
        // GPU memory in the unit of what is used (not of the device's capacity): the axis spans 0 to the peak window.
        double peak = levels.SelectMany(l => l.Select(x => x.Mean)).DefaultIfEmpty(0).Max();
        var (unit, scale) = memory ? MetricDisplay.Bytes(peak) : ("", 1.0);
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            var means = levels[s];
            // A last point at the end closes the final window's step.
            var line = plot.Add.Scatter(means.Select(x => x.Start).Append(end).ToArray(), means.Select(x => x.Mean / scale).Append(means[^1].Mean / scale).ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = Colors.Category10[s % 10];
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.LegendText = spec.Strategies[s].Label;
        }
        if (spec.WarmupSeconds > 0)
        {
            var warmup = plot.Add.VerticalLine(spec.WarmupSeconds);
            warmup.Color = Colors.Black.WithAlpha(0.6);
            warmup.LinePattern = LinePattern.Dashed;
            warmup.LegendText = "end of the warm-up (not measured before)";
        }
        string every = width.ToString("0.###", CultureInfo.InvariantCulture);
        // A network of sites keeps one level for all its sites: their sum.
        string over = spec.Points[0].Scenario.SchedulesSites ? ", all cloudlets together" : "";
        plot.Title(PlotText.Wrap(Titled($"{(memory ? "GPU memory in use" : "queue length")}{over} over time, mean per {every} s (replication 0)", point)));
        plot.XLabel("simulated time (s)");
        plot.YLabel(memory ? $"GPU memory in use, {every} s mean ({unit})" : $"queued requests, {every} s mean");
        plot.Axes.SetLimitsY(0, Math.Max(peak / scale, 1e-9) * 1.08);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return p.Y;
    }

    /// <summary>Replication 0 of every strategy at a point, traced, simulated in parallel.</summary>
    private static RunTrace[] Traces(ExperimentSpec spec, SweepPoint point)
    {
        var traces = new RunTrace[spec.Strategies.Count];
        Parallel.For(0, traces.Length, s => traces[s] = Runner.Trace(spec, new Cell(point.Index, s, 0)));
        return traces;
    }

    private static SweepPoint PointAt(ExperimentSpec spec, PlotSpec p) =>
        spec.Points.FirstOrDefault(pt => pt.Matches(p.At)) ?? throw new KeyNotFoundException($"No sweep point matches at: {string.Join(", ", p.At.Select(a => $"{a.Key}={a.Value}"))}.");

    /// <summary>The title and the point's settings in words, as the file wrote them.</summary>
    private static string Titled(string title, SweepPoint point) =>
        point.Labels.Count > 0 ? $"{title} at {PlotText.Values(point.Labels.Keys, point)}" : title;

    private static double Number(string label) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new FormatException($"'{label}' is not a number to plot along x.");

    private static double Finite(double v, double fallback) => double.IsNaN(v) ? fallback : v;
}

using System.Globalization;
using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// The plots an experiment asks for, as PNG and SVG under plots/ (ScottPlot), each with a title, axis
/// labels with units, a legend, and 95 % intervals: <c>line-ci</c> (a metric over a swept setting, one
/// line per strategy with its interval as a band), <c>paired-gain</c> (each strategy's paired difference to the
/// baseline over a swept setting, with its paired interval and zero marked), <c>bars</c> (a metric per strategy at one point, with
/// interval whiskers), <c>breakdown</c> (the latency's parts stacked per strategy), <c>outcomes</c> (on time, late,
/// expired, rejected and unfinished requests stacked per strategy), <c>bytes-saved</c>,
/// <c>cdf</c> (latency of every request served) and <c>timeseries</c> (queue length or GPU memory over
/// time). The last two show replication 0 of the point, run again with tracing: runs are deterministic,
/// so it is the very run whose metrics the tables hold.
/// </summary>
public static class Plots
{

    private static readonly Dictionary<string, string> UnitOf = new(StringComparer.Ordinal)
    {
        ["throughput"] = "requests on time / s", ["on_time_ratio"] = "fraction", ["latency_mean"] = "s", ["latency_p50"] = "s",
        ["latency_p95"] = "s", ["latency_p99"] = "s", ["waiting_mean"] = "s", ["upload_mean"] = "s", ["loading_mean"] = "s",
        ["inference_mean"] = "s", ["decision_ms"] = "ms of wall clock per decision", ["total_delay"] = "s", ["mean_delay"] = "s", ["mean_cost"] = "J", ["mean_accuracy"] = "fraction", ["bytes_disk"] = "bytes", ["bytes_pcie"] = "bytes", ["bytes_saved"] = "bytes", ["mean_batch_size"] = "requests",
    };

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
            "line-ci" => LineCi(plot, spec, p, summaries),
            "paired-gain" => PairedGain(plot, spec, p, records),
            "bars" => Bars(plot, spec, p, summaries, new[] { p.Y }),
            "breakdown" => Bars(plot, spec, p, summaries, new[] { "waiting_mean", "upload_mean", "loading_mean", "inference_mean", "downlink_mean" }),
            "outcomes" => Bars(plot, spec, p, summaries, Outcomes),
            "bytes-saved" => Bars(plot, spec, p, summaries, new[] { "bytes_saved" }),
            "cdf" => Cdf(plot, spec, p),
            "regret" => Regret(plot, spec, p, summaries),
            "timeseries" => TimeSeries(plot, spec, p),
            _ => throw new InvalidOperationException($"plot kind {p.Kind}"),
        };
        return (plot, name);
    }

    private static string LineCi(Plot plot, ExperimentSpec spec, PlotSpec p, Dictionary<(int, int, string), Summary> summaries)
    {
        if (p.Y != MetricSet.DecisionTime) spec.Metrics.Index(p.Y);
        string x = p.X ?? throw new InvalidOperationException("A line-ci plot needs x: a swept path.");
        if (spec.Sweep.All(a => a.Path != x)) throw new KeyNotFoundException($"Plot x '{x}' is not a swept path; swept: {string.Join(", ", spec.Sweep.Select(a => a.Path))}.");
        var points = spec.Points.Where(pt => pt.Matches(p.At)).OrderBy(pt => Number(pt.Labels[x])).ToArray();
        for (int s = 0; s < spec.Strategies.Count; s++)
            BandedLine(plot, points.Select(pt => Number(pt.Labels[x])).ToArray(), points.Select(pt => summaries[(pt.Index, s, p.Y)]).ToArray(), s, spec.Strategies[s].Label);
        plot.Title($"{p.Y} against {x} (mean, 95 % interval)");
        plot.XLabel(AxisLabel(x));
        plot.YLabel(Label(p.Y));
        plot.ShowLegend();
        return $"{p.Y}-vs-{x.Split('.').Last()}";
    }

    /// <summary>
    /// The headline claim: each strategy's paired difference to the baseline over a swept value, the mean
    /// with its paired 95 % interval as a band, and zero marked, so a gain that includes it is seen to.
    /// </summary>
    private static string PairedGain(Plot plot, ExperimentSpec spec, PlotSpec p, IReadOnlyList<RunRecord> records)
    {
        string x = p.X!;
        var paired = ResultWriter.Paired(spec, records).Where(r => r.Metric == p.Y).ToLookup(r => r.Strategy);
        var points = spec.Points.Where(pt => pt.Matches(p.At)).OrderBy(pt => Number(pt.Labels[x])).ToArray();
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            if (spec.Strategies[s].Label == spec.Baseline) continue;
            var byPoint = paired[s].ToDictionary(r => r.Point, r => r.Paired.Difference);
            var shown = points.Where(pt => byPoint.ContainsKey(pt.Index)).ToArray();
            BandedLine(plot, shown.Select(pt => Number(pt.Labels[x])).ToArray(), shown.Select(pt => byPoint[pt.Index]).ToArray(), s, spec.Strategies[s].Label);
        }
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black.WithAlpha(0.6);
        zero.LinePattern = LinePattern.Dashed;
        plot.Title($"{p.Y} minus {spec.Baseline}'s, paired over the same replications (mean, 95 % interval)");
        plot.XLabel(AxisLabel(x));
        plot.YLabel($"difference in {Label(p.Y)}");
        plot.ShowLegend();
        return $"{p.Y}-gain-vs-{x.Split('.').Last()}";
    }

    /// <summary>Cumulative regret R(t) at T/16, T/8, T/4, T/2 and T, one line per strategy with its 95 % band across replications.</summary>
    private static string Regret(Plot plot, ExperimentSpec spec, PlotSpec p, Dictionary<(int, int, string), Summary> summaries)
    {
        var point = PointAt(spec, p);
        var checkpoints = new[] { ("regret_1_16", 1.0 / 16), ("regret_1_8", 1.0 / 8), ("regret_1_4", 1.0 / 4), ("regret_1_2", 1.0 / 2), ("regret", 1.0) };
        double rounds = summaries[(point.Index, 0, "requests")].Mean;
        var xs = checkpoints.Select(c => Math.Max(1, Math.Floor(rounds * c.Item2))).ToArray();
        for (int s = 0; s < spec.Strategies.Count; s++)
            BandedLine(plot, xs, checkpoints.Select(c => summaries[(point.Index, s, c.Item1)]).ToArray(), s, spec.Strategies[s].Label);
        plot.Title(Titled("cumulative regret R(t) (mean, 95 % interval over replications)", point));
        plot.XLabel("round t (requests served)");
        plot.YLabel("cumulative regret (penalty units)");
        plot.ShowLegend();
        return "regret";
    }

    /// <summary>One strategy's means as a line over its 95 % interval as a band, in the strategy's colour.</summary>
    private static void BandedLine(Plot plot, double[] xs, Summary[] stats, int strategy, string label)
    {
        var color = Colors.Category10[strategy % 10];
        var band = plot.Add.FillY(xs, stats.Select(v => Finite(v.Low, v.Mean)).ToArray(), stats.Select(v => Finite(v.High, v.Mean)).ToArray());
        band.FillColor = color.WithAlpha(0.2);
        band.LineColor = color.WithAlpha(0);
        var line = plot.Add.Scatter(xs, stats.Select(v => v.Mean).ToArray());
        line.Color = color;
        line.LegendText = label;
    }

    /// <summary>What became of the requests that arrived after the warm-up: the outcomes plot stacks them per strategy.</summary>
    private static readonly string[] Outcomes = { "on_time", "late", "expired", "rejected", "unfinished" };

    private static string Bars(Plot plot, ExperimentSpec spec, PlotSpec p, Dictionary<(int, int, string), Summary> summaries, string[] metrics)
    {
        foreach (var m in metrics)
            if (m != MetricSet.DecisionTime) spec.Metrics.Index(m);
        var point = PointAt(spec, p);
        var bars = new List<Bar>();
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            double stackBase = 0;
            for (int k = 0; k < metrics.Length; k++)
            {
                var v = summaries[(point.Index, s, metrics[k])];
                double mean = double.IsNaN(v.Mean) ? 0 : v.Mean;
                bars.Add(new Bar
                {
                    Position = s,
                    ValueBase = stackBase,
                    Value = stackBase + mean,
                    Error = metrics.Length == 1 && !double.IsNaN(v.HalfWidth) ? v.HalfWidth : 0,
                    FillColor = Colors.Category10[(metrics.Length == 1 ? s : k) % 10],
                });
                stackBase += mean;
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, spec.Strategies.Count).Select(i => (double)i).ToArray(), spec.Strategies.Select(s => s.Label).ToArray());
        if (metrics.Length > 1)
            for (int k = 0; k < metrics.Length; k++)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = metrics[k], FillColor = Colors.Category10[k % 10] });
        bool outcomes = ReferenceEquals(metrics, Outcomes);
        plot.Title(Titled(outcomes ? "what became of the requests (stacked means per replication)" : metrics.Length > 1 ? "latency breakdown (stacked means)" : $"{metrics[0]} per strategy (mean, 95 % interval)", point));
        plot.XLabel("strategy");
        plot.YLabel(outcomes ? "requests arrived after the warm-up" : metrics.Length > 1 ? "seconds" : Label(metrics[0]));
        if (metrics.Length > 1) plot.ShowLegend();
        plot.Axes.Margins(bottom: 0);
        return outcomes ? "outcomes" : metrics.Length > 1 ? "breakdown" : metrics[0];
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
        plot.Title(Titled("latency CDF of served requests (replication 0, bins of 0.5 %)", point));
        plot.XLabel("latency (s)");
        plot.YLabel("fraction of served requests");
        plot.ShowLegend(Alignment.LowerRight);
        return "latency-cdf";
    }

    private static string TimeSeries(Plot plot, ExperimentSpec spec, PlotSpec p)
    {
        var point = PointAt(spec, p);
        var traces = Traces(spec, point);
        double end = spec.HorizonSeconds, width = SiteScenario.TraceWindow(end);
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            var trace = traces[s];
            var means = p.Y == "gpu_memory" ? trace.GpuBytes : trace.QueueLength;
            double scale = p.Y == "gpu_memory" ? 1e-6 : 1;
            // A last point at the end closes the final window's step.
            var line = plot.Add.Scatter(means.Select(x => x.Start).Append(end).ToArray(), means.Select(x => x.Mean * scale).Append(means[^1].Mean * scale).ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = Colors.Category10[s % 10];
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.LegendText = spec.Strategies[s].Label;
        }
        string every = width.ToString("0.###", CultureInfo.InvariantCulture);
        plot.Title(Titled($"{p.Y.Replace('_', ' ')} over time, mean per {every} s (replication 0)", point));
        plot.XLabel("simulated time (s)");
        plot.YLabel(p.Y == "gpu_memory" ? $"GPU memory in use, {every} s mean (MB)" : $"queued requests, {every} s mean");
        plot.ShowLegend();
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

    private static string Titled(string title, SweepPoint point)
    {
        string at = string.Join(", ", point.Labels.Select(l => $"{l.Key} = {l.Value}"));
        return at.Length > 0 ? $"{title} at {at}" : title;
    }

    private static double Number(string label) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new FormatException($"'{label}' is not a number to plot along x.");

    private static double Finite(double v, double fallback) => double.IsNaN(v) ? fallback : v;

    /// <summary>A swept setting with its SI unit: values are resolved to SI before they reach a plot.</summary>
    private static string AxisLabel(string path)
    {
        string key = path.Split('.').Last();
        string? unit = key switch
        {
            "rate" or "rate_on" or "rate_off" => "1/s",
            "deadline" or "coherence" or "horizon" => "s",
            "bandwidth" or "carrier" => "Hz",
            "memory" or "capacity" or "activation" or "result_bytes" => "bytes",
            "tx_power" => "W",
            "shadowing" => "dB",
            _ => null,
        };
        return unit is null ? path : $"{path} ({unit})";
    }

    private static string Label(string metric) => UnitOf.TryGetValue(metric, out var unit) ? $"{metric} ({unit})" : metric;
}

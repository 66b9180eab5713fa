using ScottPlot;
using ScottPlot.Plottables;

namespace Simulator.Experiments.Tests;

/// <summary>
/// Every plot kind drawn for a sweep of one setting and of two, checked for what it shows: the lines and their
/// labels (one per strategy and value of the other setting, never a zig-zag through both), the values against the
/// summaries, the legend right of the data, the axes in units and words, titles wrapped.
/// </summary>
public class PlotRenderingTests
{
    /// <summary>Every kind; those of one point at rate 20 (and, when both are swept, bandwidth 20 MHz).</summary>
    private static string Plotted(string at) => "plots=[{x: scenario.arrivals.rate, y: throughput, kind: line-ci}, {x: scenario.arrivals.rate, y: latency_p95, kind: paired-gain}, "
        + $"{{y: on_time_ratio, kind: bars, at: {at}}}, {{kind: breakdown, at: {at}}}, {{kind: outcomes, at: {at}}}, "
        + $"{{kind: bytes-saved, at: {at}}}, {{kind: cdf, at: {at}}}, {{kind: timeseries, y: gpu_memory, at: {at}}}, "
        + $"{{kind: timeseries, y: queue_length, at: {at}}}]";

    private static readonly Lazy<(ExperimentSpec Spec, IReadOnlyList<RunRecord> Records)> OneAxis =
        new(() => Run("sweep={scenario.arrivals.rate: [5 /s, 20 /s]}", "{scenario.arrivals.rate: 20}"));
    private static readonly Lazy<(ExperimentSpec Spec, IReadOnlyList<RunRecord> Records)> TwoAxes =
        new(() => Run("sweep={scenario.arrivals.rate: [5 /s, 20 /s], scenario.uplink.bandwidth: [5 MHz, 20 MHz]}", "{scenario.arrivals.rate: 20, scenario.uplink.bandwidth: 20 MHz}"));

    private static (ExperimentSpec, IReadOnlyList<RunRecord>) Run(string sweep, string at)
    {
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=20 s", "warmup=4 s", "strategies=[pl-dp, no-sharing]", sweep, Plotted(at) });
        return (spec, new Runner(spec, 2).Run());
    }

    private static Plot Draw((ExperimentSpec Spec, IReadOnlyList<RunRecord> Records) run, string kind, string? y = null, IReadOnlyDictionary<string, string>? at = null)
    {
        var p = run.Spec.Plots.First(x => x.Kind.Name == kind && (y is null || x.Y == y));
        if (at is not null) p = p with { At = at };
        return Plots.Draw(run.Spec, run.Records, p).Plot;
    }

    private static void AssertLegendOutside(Plot plot)
    {
        Assert.False(plot.Legend.IsVisible, "the legend inside the data area is hidden");
        var panel = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
        Assert.Equal(ScottPlot.Edge.Right, panel.Edge);
    }

    private static void AssertTitleWraps(Plot plot)
    {
        string title = plot.Axes.Title.Label.Text;
        Assert.All(title.Split('\n'), line => Assert.True(line.Length <= 52, $"title line of {line.Length} characters: {line}"));
        Assert.DoesNotContain("scenario.", title);
    }

    private static Dictionary<(int Point, int Strategy, string Metric), double> Means((ExperimentSpec Spec, IReadOnlyList<RunRecord> Records) run) =>
        ResultWriter.Summaries(run.Spec, run.Records).ToDictionary(x => (x.Point, x.Strategy, x.Metric), x => x.Summary.Mean);

    [Fact]
    public void A_line_plot_of_one_setting_draws_a_line_per_strategy_in_units()
    {
        var plot = Draw(OneAxis.Value, "line-ci");
        var lines = plot.GetPlottables().OfType<Scatter>().ToArray();
        Assert.Equal(new[] { "pl-dp", "no-sharing" }, lines.Select(l => l.LegendText));
        Assert.All(lines, l => Assert.Equal(new[] { 5.0, 20.0 }, l.Data.GetScatterPoints().Select(pt => pt.X)));
        Assert.Equal("arrivals rate (requests/s)", plot.Axes.Bottom.Label.Text);
        Assert.Equal("throughput (/s)", plot.Axes.Left.Label.Text);
        Assert.Contains("mean over 2 replications", plot.Axes.Title.Label.Text.Replace('\n', ' '));
        AssertLegendOutside(plot);
        AssertTitleWraps(plot);
    }

    [Fact]
    public void A_line_plot_of_two_settings_draws_a_line_per_strategy_and_value_of_the_other_never_a_zig_zag()
    {
        var run = TwoAxes.Value;
        var plot = Draw(run, "line-ci");
        var lines = plot.GetPlottables().OfType<Scatter>().ToArray();
        Assert.Equal(new[] { "pl-dp, uplink bandwidth = 5 MHz", "no-sharing, uplink bandwidth = 5 MHz", "pl-dp, uplink bandwidth = 20 MHz", "no-sharing, uplink bandwidth = 20 MHz" }, lines.Select(l => l.LegendText));
        var means = Means(run);
        foreach (var line in lines)
        {
            var xs = line.Data.GetScatterPoints().Select(pt => pt.X).ToArray();
            Assert.Equal(new[] { 5.0, 20.0 }, xs);
            int strategy = line.LegendText.StartsWith("pl-dp", StringComparison.Ordinal) ? 0 : 1;
            string bandwidth = line.LegendText.EndsWith("= 5 MHz", StringComparison.Ordinal) ? "5000000" : "20000000";
            var points = run.Spec.Points.Where(pt => pt.Labels["scenario.uplink.bandwidth"] == bandwidth).OrderBy(pt => double.Parse(pt.Labels["scenario.arrivals.rate"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(points.Select(pt => means[(pt.Index, strategy, "throughput")]), line.Data.GetScatterPoints().Select(pt => pt.Y));
        }
        // The other setting's values differ by line pattern, the strategies by colour.
        Assert.NotEqual(lines[0].LinePattern, lines[2].LinePattern);
        Assert.Equal(lines[0].Color, lines[2].Color);
        AssertLegendOutside(plot);
        AssertTitleWraps(plot);
    }

    [Fact]
    public void An_axis_reads_its_unit_from_the_swept_key_not_from_its_name()
    {
        // A downlink "rate" is bytes per second, not requests per second as an arrival rate is.
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=10 s", "warmup=2 s", "strategies=[fcfs, no-sharing]",
            "sweep={scenario.site.downlink.rate: [100 MB/s, 2 GB/s]}", "plots=[{x: scenario.site.downlink.rate, y: throughput, kind: line-ci}]" });
        Assert.Equal(UnitKind.ByteRate, spec.SweptUnits["scenario.site.downlink.rate"]);
        var plot = Draw((spec, new Runner(spec, 2).Run()), "line-ci");
        Assert.Equal("site downlink rate (GB/s)", plot.Axes.Bottom.Label.Text);
        Assert.All(plot.GetPlottables().OfType<Scatter>(), l => Assert.Equal(new[] { 0.1, 2.0 }, l.Data.GetScatterPoints().Select(pt => pt.X)));
    }

    [Fact]
    public void A_line_plot_of_zipped_settings_runs_one_line_per_strategy_through_every_point_and_names_what_moves_with_x()
    {
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=20 s", "warmup=4 s", "strategies=[pl-dp, no-sharing]", "zip=true",
            "sweep={scenario.arrivals.rate: [5 /s, 10 /s, 20 /s], scenario.uplink.bandwidth: [20 MHz, 5 MHz, 10 MHz]}",
            "plots=[{x: scenario.arrivals.rate, y: throughput, kind: line-ci}, {x: scenario.arrivals.rate, y: throughput, kind: paired-gain}]" });
        var run = (spec, new Runner(spec, 2).Run());
        var plot = Draw(run, "line-ci");
        var lines = plot.GetPlottables().OfType<Scatter>().ToArray();
        Assert.Equal(new[] { "pl-dp", "no-sharing" }, lines.Select(l => l.LegendText));
        var means = Means(run);
        for (int s = 0; s < 2; s++)
        {
            Assert.Equal(new[] { 5.0, 10.0, 20.0 }, lines[s].Data.GetScatterPoints().Select(pt => pt.X));
            Assert.Equal(spec.Points.Select(pt => means[(pt.Index, s, "throughput")]), lines[s].Data.GetScatterPoints().Select(pt => pt.Y));
        }
        Assert.Contains("each point with its own uplink bandwidth (zip)", plot.Axes.Title.Label.Text.Replace('\n', ' '));
        var gain = Draw(run, "paired-gain");
        Assert.Equal(new[] { "pl-dp" }, gain.GetPlottables().OfType<Scatter>().Where(l => l.LegendText.Length > 0).Select(l => l.LegendText));
        Assert.Contains("each point with its own uplink bandwidth (zip)", gain.Axes.Title.Label.Text.Replace('\n', ' '));
        AssertTitleWraps(plot);
    }

    [Fact]
    public void A_line_plot_whose_at_fixes_the_other_setting_draws_one_line_per_strategy_and_names_the_fixed_value()
    {
        var run = TwoAxes.Value;
        var p = run.Spec.Plots.First(x => x.Kind.Name == "line-ci") with { At = new Dictionary<string, string> { ["scenario.uplink.bandwidth"] = "5 MHz" } };
        var plot = Plots.Draw(run.Spec, run.Records, p).Plot;
        Assert.Equal(new[] { "pl-dp", "no-sharing" }, plot.GetPlottables().OfType<Scatter>().Select(l => l.LegendText));
        Assert.Contains("at uplink bandwidth = 5 MHz", plot.Axes.Title.Label.Text.Replace('\n', ' '));
        AssertTitleWraps(plot);
    }

    [Fact]
    public void The_paired_gain_of_two_settings_draws_a_line_per_other_value_in_the_metrics_unit()
    {
        var plot = Draw(TwoAxes.Value, "paired-gain");
        var lines = plot.GetPlottables().OfType<Scatter>().ToArray();
        Assert.Equal(new[] { "pl-dp, uplink bandwidth = 5 MHz", "pl-dp, uplink bandwidth = 20 MHz" }, lines.Select(l => l.LegendText));
        Assert.Matches(@"^difference in latency p95 \((ms|s)\)$", plot.Axes.Left.Label.Text);
        Assert.Equal("arrivals rate (requests/s)", plot.Axes.Bottom.Label.Text);
        AssertLegendOutside(plot);
        AssertTitleWraps(plot);
        var one = Draw(OneAxis.Value, "paired-gain");
        Assert.Equal(new[] { "pl-dp" }, one.GetPlottables().OfType<Scatter>().Select(l => l.LegendText));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bars_read_in_the_metrics_unit_at_the_point_named(bool twoAxes)
    {
        var run = twoAxes ? TwoAxes.Value : OneAxis.Value;
        var at = twoAxes ? new Dictionary<string, string> { ["scenario.arrivals.rate"] = "20", ["scenario.uplink.bandwidth"] = "5 MHz" } : null;
        var plot = Draw(run, "bars", at: at);
        var point = run.Spec.Points.First(pt => pt.Matches(at ?? run.Spec.Plots.First(p => p.Kind.Name == "bars").At));
        var bars = plot.GetPlottables().OfType<BarPlot>().Single().Bars;
        var means = Means(run);
        Assert.Equal(new[] { 0, 1 }.Select(s => 100 * means[(point.Index, s, "on_time_ratio")]), bars.Select(b => b.Value));
        Assert.Equal("on time ratio (%)", plot.Axes.Left.Label.Text);
        string title = plot.Axes.Title.Label.Text.Replace('\n', ' ');
        Assert.Contains("arrivals rate = 20 /s", title);
        if (twoAxes) Assert.Contains("uplink bandwidth = 5 MHz", title);
        AssertTitleWraps(plot);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_breakdown_stacks_the_critical_path_up_to_the_measured_mean_latency_and_marks_it(bool twoAxes)
    {
        var run = twoAxes ? TwoAxes.Value : OneAxis.Value;
        var plot = Draw(run, "breakdown");
        var point = run.Spec.Points.First(pt => pt.Matches(run.Spec.Plots.First(p => p.Kind.Name == "breakdown").At));
        var bars = plot.GetPlottables().OfType<BarPlot>().Single().Bars;
        var marks = plot.GetPlottables().OfType<LinePlot>().ToArray();
        var means = Means(run);
        bool ms = plot.Axes.Left.Label.Text.EndsWith("(ms)", StringComparison.Ordinal);
        Assert.Matches(@"^latency \((ms|s)\)$", plot.Axes.Left.Label.Text);
        for (int s = 0; s < 2; s++)
        {
            double top = bars.Where(b => b.Position == s).Max(b => b.Value), latency = means[(point.Index, s, "latency_mean")] * (ms ? 1e3 : 1);
            // The quickstart's timeline is overlap: the plain parts (upload and loading both) would stack above the latency.
            Assert.Equal(latency, top, 6);
            Assert.Equal(latency, marks[s].Start.Y, 9);
            double plain = new[] { "waiting_mean", "upload_mean", "loading_mean", "inference_mean", "downlink_mean" }.Sum(m => means[(point.Index, s, m)]) * (ms ? 1e3 : 1);
            Assert.True(plain > top, $"the plain parts {plain} should exceed the latency {top} on the overlap timeline");
        }
        Assert.Equal(new[] { "waiting for a batch", "upload", "waiting for the GPU", "loading", "inference", "downlink" }, plot.Legend.ManualItems.Select(i => i.LabelText));
        AssertLegendOutside(plot);
        AssertTitleWraps(plot);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Outcomes_and_bytes_saved_read_in_words_and_units(bool twoAxes)
    {
        var run = twoAxes ? TwoAxes.Value : OneAxis.Value;
        var outcomes = Draw(run, "outcomes");
        Assert.Equal("requests arrived after the warm-up", outcomes.Axes.Left.Label.Text);
        AssertLegendOutside(outcomes);
        AssertTitleWraps(outcomes);
        var saved = Draw(run, "bytes-saved");
        Assert.Matches(@"^bytes saved \((GB|MB|kB|B)\)$", saved.Axes.Left.Label.Text);
        Assert.All(saved.GetPlottables().OfType<BarPlot>().Single().Bars, b => Assert.True(b.Value < 1e6, $"{b.Value}: raw bytes, not the unit named"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Traced_plots_draw_a_line_per_strategy_mark_the_warm_up_and_scale_memory_to_what_is_used(bool twoAxes)
    {
        var run = twoAxes ? TwoAxes.Value : OneAxis.Value;
        var cdf = Draw(run, "cdf");
        Assert.Equal(new[] { "pl-dp", "no-sharing" }, cdf.GetPlottables().OfType<Scatter>().Select(l => l.LegendText));
        AssertLegendOutside(cdf);
        var memory = Draw(run, "timeseries", "gpu_memory");
        var lines = memory.GetPlottables().OfType<Scatter>().ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(4, Assert.Single(memory.GetPlottables().OfType<VerticalLine>()).X);
        // The axis spans 0 to the highest window's interval (the band over the replications), and a little more.
        double peak = lines.SelectMany(l => l.Data.GetScatterPoints()).Max(pt => pt.Y);
        double highest = Math.Max(peak, memory.GetPlottables().OfType<FillY>().Select(b => b.GetAxisLimits().Top).DefaultIfEmpty(0).Max());
        var limits = memory.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom);
        Assert.InRange(limits.Top, highest, highest * 1.1);
        Assert.Matches(@"\((GB|MB)\)$", memory.Axes.Left.Label.Text);
        Assert.InRange(peak, 1, 1000);
        AssertLegendOutside(memory);
        var queue = Draw(run, "timeseries", "queue_length");
        Assert.Equal(2, queue.GetPlottables().OfType<Scatter>().Count());
        AssertTitleWraps(queue);
    }

    [Theory]
    [InlineData("sweep={scenario.requests.context.model: [latent, paper]}", "{scenario.requests.context.model: latent}")]
    [InlineData("sweep={scenario.requests.context.model: [latent, paper], scenario.requests.count: [30, 40]}", "{scenario.requests.context.model: latent, scenario.requests.count: 40}")]
    public void The_regret_plot_draws_a_line_per_learner_over_rounds_with_its_band(string sweep, string at)
    {
        string file = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online.yaml");
        var sets = new List<string> { "replications=2", "strategies=[mec-egreedy, mec-oracle]", sweep, $"plots=[{{kind: regret, at: {at}}}]" };
        if (!sweep.Contains("scenario.requests.count", StringComparison.Ordinal)) sets.Add("scenario.requests.count=30");
        var spec = ExperimentReader.Read(file, sets);
        var records = new Runner(spec, 2).Run();
        var plot = Plots.Draw(spec, records, spec.Plots.Single()).Plot;
        var lines = plot.GetPlottables().OfType<Scatter>().ToArray();
        // Log-log axes: the learner's line and band, its fitted t^a dotted; the oracle a bound, dashed, without a band.
        Assert.Equal("mec-egreedy", lines[0].LegendText);
        Assert.Matches(@"^mec-egreedy: fit t\^\d\.\d\d$", lines[1].LegendText);
        Assert.Equal(ScottPlot.LinePattern.Dotted, lines[1].LinePattern);
        Assert.Equal("mec-oracle (bound)", lines[2].LegendText);
        Assert.Equal(ScottPlot.LinePattern.Dashed, lines[2].LinePattern);
        Assert.Single(plot.GetPlottables().OfType<FillY>());
        // The oracle's regret is 0 at every checkpoint: no logarithm, so left out, and the title says so.
        Assert.Empty(lines[2].Data.GetScatterPoints());
        Assert.Equal("round t (requests served)", plot.Axes.Bottom.Label.Text);
        string title = plot.Axes.Title.Label.Text.Replace('\n', ' ');
        Assert.Contains("values at or below 0 left out of the logarithmic axis", title);
        Assert.Contains("requests context model = latent", title);
        Assert.Contains("mean over 2 replications", title);
        AssertLegendOutside(plot);
        AssertTitleWraps(plot);
    }
}

using ScottPlot;
using ScottPlot.Plottables;

namespace Simulator.Experiments.Tests.Network;

/// <summary>
/// <c>kind: network</c> draws the figures of a world over time: its delay's distribution and parts, what became of its
/// requests, and its levels with the warm-up check, each read off the traced runs of the cells it ran.
/// </summary>
public class StochasticNetworkFiguresTests
{
    /// <summary>The shipped stochastic network, made small: 12 cloudlets at 1 request/s for 4 minutes, fair-share links.</summary>
    private static ExperimentSpec Read(string plots = "plots=[{kind: cdf}, {kind: breakdown}, {kind: outcomes}, {kind: timeseries}, {kind: timeseries, y: stored_bytes}, {kind: timeseries, y: awaiting_parts}]") => ExperimentReader.Read(
        Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-stochastic.yaml"),
        new[]
        {
            "seed=7", "replications=3", "horizon=240 s", "warmup=60 s", "sweep=null", "scenario.network.contention=fair-share", "scenario.network.window=5 s",
            "scenario.network.cloudlets=12", "scenario.catalog.models=8", "scenario.catalog.families=2", "scenario.requests.rate=1 /s",
            "strategies=[mec-ilp, mec-nonshare]", plots,
        });

    private static readonly Lazy<(ExperimentSpec Spec, IReadOnlyList<RunRecord> Records)> Ran = new(() =>
    {
        var spec = Read();
        return (spec, new Runner(spec, 2).Run());
    });

    private static double Mean(IReadOnlyList<RunRecord> records, ExperimentSpec spec, int strategy, string metric) =>
        records.Where(r => r.Cell.Strategy == strategy).Average(r => r.Values[spec.Metrics.Index(metric)]);

    [Fact]
    public void A_traced_run_is_the_same_run_with_its_delays_and_levels_kept()
    {
        var (spec, records) = Ran.Value;
        foreach (var record in records)
        {
            var trace = Runner.Trace(spec, record.Cell);
            Assert.Equal(record.Values["served"], trace.Served);
            Assert.Equal(record.Values["mean_delay"], trace.LatencyMean, 1e-9 * record.Values["mean_delay"]);
            Assert.Equal(NetworkMeasures.Levels.Select(l => l.Name).Order(), trace.Levels.Keys.Order());
            // 120 windows of 2 s; the stores start with the initial placement, so their bytes are never 0.
            Assert.All(NetworkMeasures.Levels, l => Assert.Equal(120, trace.Of(l).Count));
            Assert.All(trace.Of(NetworkMeasures.StoredBytes), w => Assert.True(w.Mean > 1e9, $"{w.Mean} B at {w.Start} s"));
            Assert.True(trace.Of(NetworkMeasures.InNetwork).Average(w => w.Mean) > trace.Of(NetworkMeasures.AwaitingParts).Average(w => w.Mean), "those awaiting parts are some of those in the network");
        }
    }

    [Fact]
    public void The_delay_figures_add_up_to_the_measured_means_and_count_the_requests_served()
    {
        var (spec, records) = Ran.Value;
        PlotSpec Of(string kind) => spec.Plots.First(p => p.Kind.Name == kind);
        var breakdown = Plots.Draw(spec, records, Of("breakdown")).Plot;
        var bars = breakdown.GetPlottables().OfType<BarPlot>().Single().Bars;
        bool ms = breakdown.Axes.Left.Label.Text.EndsWith("(ms)", StringComparison.Ordinal);
        Assert.Matches(@"^delay \((ms|s)\)$", breakdown.Axes.Left.Label.Text);
        Assert.Equal(new[] { "pulling the model's parts", "queueing at the cloudlet", "inference", "transmission" }, breakdown.Legend.ManualItems.Select(i => i.LabelText));
        for (int s = 0; s < 2; s++)
            Assert.Equal(Mean(records, spec, s, "mean_delay") * (ms ? 1e3 : 1), bars.Where(b => b.Position == s).Max(b => b.Value), 6);

        var outcomes = Plots.Draw(spec, records, Of("outcomes")).Plot;
        var stacks = outcomes.GetPlottables().OfType<BarPlot>().Single().Bars;
        for (int s = 0; s < 2; s++)
            Assert.Equal(Mean(records, spec, s, "arrived"), stacks.Where(b => b.Position == s).Max(b => b.Value), 6);

        var cdf = Plots.Draw(spec, records, Of("cdf")).Plot;
        Assert.Equal(new[] { "mec-ilp", "mec-nonshare" }, cdf.GetPlottables().OfType<Scatter>().Select(l => l.LegendText));
        double served = records.Sum(r => r.Values["served"]), unfinished = records.Sum(r => r.Values["unfinished"]);
        string title = cdf.Axes.Title.Label.Text.Replace('\n', ' ');
        Assert.StartsWith($"delay CDF of the {served:N0} requests served", title, StringComparison.Ordinal);
        Assert.Contains($"{unfinished:0} unfinished", title);
        Assert.StartsWith("delay (s)", cdf.Axes.Bottom.Label.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_level_is_drawn_in_its_unit_with_the_warm_up_check_under_it()
    {
        var (spec, records) = Ran.Value;
        var plots = spec.Plots.Where(p => p.Kind.Name == "timeseries").ToArray();
        Assert.Equal(new[] { "in_network", "stored_bytes", "awaiting_parts" }, plots.Select(p => p.Y));
        var requests = Plots.Drawn(spec, records, plots[0]);
        Assert.Equal("requests in the network, 2 s mean", requests.Plot.Axes.Left.Label.Text);
        Assert.Equal(60, Assert.Single(requests.Plot.GetPlottables().OfType<VerticalLine>()).X);
        Assert.StartsWith("**Warm-up check** (requests in the network): its mean over the first half of the measured period (60 s to 150 s)", requests.Caption, StringComparison.Ordinal);
        var bytes = Plots.Drawn(spec, records, plots[1]);
        Assert.Matches(@"^bytes in the part stores, 2 s mean \((GB|MB)\)$", bytes.Plot.Axes.Left.Label.Text);
        Assert.All(bytes.Plot.GetPlottables().OfType<Scatter>().SelectMany(l => l.Data.GetScatterPoints()), pt => Assert.InRange(pt.Y, 1, 1e4));
        Assert.Matches(@"^\*\*Warm-up check\*\* \(bytes in the part stores, in (GB|MB)\): ", bytes.Caption);
    }

    [Fact]
    public void A_report_without_a_time_series_says_that_its_warm_up_is_not_checked()
    {
        var (spec, records) = Ran.Value;
        const string line = "- the warm-up is not checked: a `timeseries` figure (`in_network`, `awaiting_parts`, `stored_bytes`) adds the check under it; `plot <folder> --plots <file>` draws one on these results";
        Assert.DoesNotContain("warm-up is not checked", Report.Markdown(spec, records), StringComparison.Ordinal);
        var bare = Read("plots=[{kind: cdf}]");
        Assert.Contains(line + "\n", Report.Markdown(bare, records).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_the_network_does_not_keep_is_refused_with_those_it_does()
    {
        var ex = Assert.Throws<ConfigException>(() => Read("plots=[{kind: timeseries, y: gpu_memory}]"));
        Assert.Contains("a timeseries plot of a network scenario shows in_network or awaiting_parts or stored_bytes, not 'gpu_memory'.", ex.Message);
        var typo = Assert.Throws<ConfigException>(() => Read("plots=[{kind: timeseries, y: stored_byte}]"));
        Assert.Contains("stored_bytes", typo.Message);
    }
}

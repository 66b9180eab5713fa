namespace Simulator.Cli.Tests;

/// <summary>
/// <c>plot DIR</c>: the figures drawn again from a folder's runs (a run's, or a merge's, which is a whole results folder
/// as well), from a changed plots: section, with nothing stale left. A folder whose grid is not whole (a slice, an
/// interrupted run) is refused, since figures and the report would then speak for cells that never ran.
/// </summary>
public sealed class PlotCommandTests : IDisposable
{
    private static readonly string[] Small = ["--quiet", "--replications", "2", "--set", "horizon=10 s", "--set", "warmup=2 s"];
    private readonly string root = Path.Combine(Path.GetTempPath(), $"plot-{Guid.NewGuid():N}");

    public PlotCommandTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, true);

    private string In(string name) => Path.Combine(root, name);

    private static string[] Run(string outDir, params string[] more) => ["run", "--out", outDir, .. Small, .. more];

    [Fact]
    public void Plot_redraws_a_results_folder()
    {
        Assert.Equal(0, CliHarness.Run(Run(In("run"))).Code);
        Directory.Delete(Path.Combine(In("run"), "plots"), true);
        var (code, output, error) = CliHarness.Run("plot", In("run"));
        Assert.True(code == 0, error);
        Assert.Contains("9 plot(s) and report.md written", output);
        Assert.True(File.Exists(Path.Combine(In("run"), "plots", "00-throughput-vs-rate.png")));
    }

    [Fact]
    public void A_merged_folder_is_a_whole_results_folder_and_a_slice_is_refused()
    {
        for (int i = 0; i < 2; i++) Assert.Equal(0, CliHarness.Run(Run(In($"s{i}"), "--shard", $"{i}/2")).Code);
        Assert.Equal(0, CliHarness.Run("merge", In("s0"), In("s1"), "--out", In("merged")).Code);

        var plot = CliHarness.Run("plot", In("merged"));
        Assert.True(plot.Code == 0, plot.Error);
        Assert.Contains("9 plot(s) and report.md written", plot.Output);
        // Its cell log holds the cells one plain run's holds (in another order: cells finish in parallel), with the same
        // metrics; the decision times (wall clock) and so each record's checksum are the slices' own.
        Assert.Equal(0, CliHarness.Run(Run(In("plain"))).Code);
        string[] Log(string dir) => File.ReadAllLines(Path.Combine(dir, "cells.csv")).Select(l => string.Join(",", l.Split(',')[..^4])).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Log(In("plain")), Log(In("merged")));
        // ... so a run into it finds every cell done.
        var again = CliHarness.Run(Run(In("merged")).Where(a => a != "--quiet").ToArray());
        Assert.True(again.Code == 0, again.Error);
        Assert.Contains("resumed: 24 cells found done", again.Error);

        var slice = CliHarness.Run("plot", In("s0"));
        Assert.Equal(2, slice.Code);
        Assert.Contains($"{Path.Combine(In("s0"), "cells.csv")}:1: the folder holds 12 cells and lacks 12, the first (point 0, pl-dp, replication 1): figures and the report are drawn from a whole grid.", slice.Error);
        Assert.False(Directory.Exists(Path.Combine(In("s0"), "plots")));
        Assert.False(File.Exists(Path.Combine(In("s0"), "report.md")));
    }

    [Fact]
    public void A_changed_plots_section_redraws_the_folder_without_running_and_leaves_no_stale_figure()
    {
        string experiment = Path.Combine(root, "e.yaml");
        string Text(string plots) => $"""
            name: redraw
            seed: 3
            replications: 2
            horizon: 20 s
            warmup: 2 s
            scenario:
              catalog: {"{"}name: two-resnet50-clusters{"}"}
              site: {"{"}disk: hdd-7200, gpu: {"{"}device: rtx4090{"}"}{"}"}
              uplink: {"{"}bandwidth: 20 MHz{"}"}
              arrivals: {"{"}process: poisson, rate: 10 /s{"}"}
              deadline: 2 s
            strategies: [pl-dp, fcfs]
            baseline: fcfs
            plots:
            {plots}
            """;
        File.WriteAllText(experiment, Text("  - {y: throughput, kind: bars}\n  - {kind: outcomes}"));
        string dir = Path.Combine(root, "out");
        Assert.Equal(0, CliHarness.Run("run", experiment, "--quiet", "--out", dir).Code);
        string cells = File.ReadAllText(Path.Combine(dir, "cells.csv"));
        Assert.Equal(new[] { "00-throughput.png", "00-throughput.svg", "01-outcomes.png", "01-outcomes.svg" }, Figures(dir));

        File.WriteAllText(experiment, Text("  - {y: latency_p95, kind: bars, format: [pdf], size: [600, 400], title: none}"));
        var (code, output, error) = CliHarness.Run("plot", dir, "--plots", experiment);
        Assert.True(code == 0, error);
        Assert.Contains("1 plot(s) and report.md written", output);
        Assert.Equal(new[] { "00-latency_p95.pdf" }, Figures(dir));
        Assert.StartsWith("%PDF", File.ReadAllText(Path.Combine(dir, "plots", "00-latency_p95.pdf"))[..4]);
        Assert.Contains("plots/00-latency_p95.pdf", File.ReadAllText(Path.Combine(dir, "report.md")));
        Assert.Equal(cells, File.ReadAllText(Path.Combine(dir, "cells.csv")));

        // Another configuration is refused: its runs are not the folder's.
        File.WriteAllText(experiment, Text("  - {kind: outcomes}").Replace("seed: 3", "seed: 4", StringComparison.Ordinal));
        var other = CliHarness.Run("plot", dir, "--plots", experiment);
        Assert.Equal(2, other.Code);
        Assert.Contains("resolves to another configuration", other.Error);
        Assert.Equal(new[] { "00-latency_p95.pdf" }, Figures(dir));

        // A file of plots: alone is drawn with the folder's experiment, and its errors name that file and line.
        string alone = Path.Combine(root, "figures.yaml");
        File.WriteAllText(alone, "plots:\n  - {kind: outcomes, format: [svg]}\n  - {y: latency_p59, kind: bars}\n");
        var misspelt = CliHarness.Run("plot", dir, "--plots", alone);
        Assert.Equal(2, misspelt.Code);
        Assert.StartsWith($"{alone}:3: plots[1]: unknown metric 'latency_p59'. Did you mean 'latency_p50'?", misspelt.Error);
        File.WriteAllText(alone, "plots:\n  - {kind: outcomes, format: [svg]}\n");
        (code, output, error) = CliHarness.Run("plot", dir, "--plots", alone);
        Assert.True(code == 0, error);
        Assert.Equal(new[] { "00-outcomes.svg" }, Figures(dir));
        Assert.Equal(cells, File.ReadAllText(Path.Combine(dir, "cells.csv")));
        // Plots beside other keys are neither a file of plots nor an experiment, and are refused as such.
        File.WriteAllText(alone, "plots: []\nseed: 4\n");
        var mixed = CliHarness.Run("plot", dir, "--plots", alone);
        Assert.Equal(2, mixed.Code);
        Assert.Contains("--plots takes a file that holds plots: alone, or a whole experiment; this one gives plots and seed but no name.", mixed.Error);
    }

    [Fact]
    public void A_folder_whose_sequential_stopping_started_below_todays_floor_is_still_drawn_with_a_caution()
    {
        string[] sequential = ["--quiet", "--set", "horizon=10 s", "--set", "warmup=2 s", "--set", "sweep={scenario.arrivals.rate: [20 /s]}",
            "--set", "replications={min: 10, max: 12, ci_half_width: 90%}"];
        Assert.Equal(0, CliHarness.Run(["run", "--out", In("old"), .. sequential]).Code);
        // A folder as a build that took min: 3 wrote it: the stored overrides, and the hash they resolve to.
        string overrides = Path.Combine(In("old"), "sets.txt"), text = File.ReadAllText(overrides).Replace("{min: 10,", "{min: 3,", StringComparison.Ordinal);
        File.WriteAllText(overrides, text);
        var lines = text.Split('\n');
        var source = new Experiments.ExperimentSource(File.ReadAllText(Path.Combine(In("old"), "experiment.yaml")), Path.Combine(In("old"), "experiment.yaml"),
            lines[0]["# base directory: ".Length..], lines.Skip(1).Where(l => l.Length > 0).ToArray(), Stored: true);
        File.WriteAllText(Path.Combine(In("old"), "config.hash"), Experiments.ExperimentReader.Read(source).Hash);

        var plot = CliHarness.Run("plot", In("old"));
        Assert.True(plot.Code == 0, plot.Error);
        string line = File.ReadAllLines(Path.Combine(In("old"), "report.md")).Single(l => l.StartsWith("- sequential stopping:", StringComparison.Ordinal));
        Assert.StartsWith("- sequential stopping: replications added (from 3 to at most 12)", line);
        Assert.EndsWith("**Caution**: it started from 3, below the 10 sequential stopping now needs; from so few, replications that agree by chance stop a point, and its 95 % intervals hold the mean far less often (docs/experiments.md measures it). Run it again with `min: 10` or a fixed number of replications.", line);
        // A new run of it is refused, with the reason.
        var again = CliHarness.Run(["run", "--out", In("new"), .. sequential.Select(a => a.Replace("{min: 10,", "{min: 3,", StringComparison.Ordinal))]);
        Assert.Equal(2, again.Code);
        Assert.Contains("'min' must be a whole number from 10 to 1,000,000, not 3: sequential stopping checks the interval", again.Error);
    }

    private static string[] Figures(string dir) => Directory.GetFiles(Path.Combine(dir, "plots")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}

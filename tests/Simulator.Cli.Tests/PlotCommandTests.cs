namespace Simulator.Cli.Tests;

/// <summary><c>plot DIR</c>: the figures drawn again from a folder's runs, from a changed plots: section, with nothing stale left.</summary>
public sealed class PlotCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"plotcmd-{Guid.NewGuid():N}");

    public PlotCommandTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, true);

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
    }

    private static string[] Figures(string dir) => Directory.GetFiles(Path.Combine(dir, "plots")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}

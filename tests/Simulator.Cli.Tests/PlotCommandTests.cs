namespace Simulator.Cli.Tests;

/// <summary>
/// <c>plot</c> redraws a results folder from its cell log: a run's, or a merge's, which is a whole results folder as
/// well; a folder whose grid is not whole (a slice, an interrupted run) is refused, since figures and the report would
/// then speak for cells that never ran.
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
        string[] Log(string dir) => File.ReadAllLines(Path.Combine(dir, "cells.csv")).Select(l => string.Join(",", l.Split(',')[..^3])).Order(StringComparer.Ordinal).ToArray();
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
}

using Simulator.Cli;

namespace Simulator.Cli.Tests;

/// <summary>docs/experiments.md: one run against three shards merged, resuming, and what merge refuses.</summary>
public sealed class ShardTests : IDisposable
{
    private static readonly string[] Small = { "--quiet", "--replications", "3", "--set", "horizon=20 s", "--set", "warmup=5 s" };
    private readonly string root = Path.Combine(Path.GetTempPath(), $"shards-{Guid.NewGuid():N}");

    [Fact]
    public void Three_shards_merged_give_the_same_files_as_one_run()
    {
        Assert.Equal(0, Run(Small.Concat(new[] { "--out", Dir("whole") })));
        for (int i = 0; i < 3; i++) Assert.Equal(0, Run(Small.Concat(new[] { "--out", Dir($"s{i}"), "--shard", $"{i}/3" })));
        var (code, _, error) = CliHarness.Run("merge", Dir("s0"), Dir("s1"), Dir("s2"), "--out", Dir("merged"));
        Assert.True(code == 0, error);
        foreach (var f in new[] { "runs.csv", "summary.csv", "paired.csv", "config.resolved.yaml" })
            Assert.Equal(File.ReadAllText(Path.Combine(Dir("whole"), f)), File.ReadAllText(Path.Combine(Dir("merged"), f)));
    }

    [Fact]
    public void Network_runs_merged_from_three_shards_equal_one_run()
    {
        string experiment = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-requests.yaml");
        string[] small = { experiment, "--quiet", "--replications", "2", "--set", "scenario.network.cloudlets=30" };
        Assert.Equal(0, Run(small.Concat(new[] { "--out", Dir("nwhole") })));
        for (int i = 0; i < 3; i++) Assert.Equal(0, Run(small.Concat(new[] { "--out", Dir($"n{i}"), "--shard", $"{i}/3", "--parallel", "1" })));
        var (code, _, error) = CliHarness.Run("merge", Dir("n0"), Dir("n1"), Dir("n2"), "--out", Dir("nmerged"));
        Assert.True(code == 0, error);
        foreach (var f in new[] { "runs.csv", "summary.csv", "paired.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(Dir("nwhole"), f)), File.ReadAllText(Path.Combine(Dir("nmerged"), f)));
    }

    [Fact]
    public void Merge_refuses_missing_and_duplicate_cells_and_other_configurations()
    {
        for (int i = 0; i < 2; i++) Assert.Equal(0, Run(Small.Concat(new[] { "--out", Dir($"s{i}"), "--shard", $"{i}/2" })));
        Assert.Equal(0, Run(Small.Concat(new[] { "--out", Dir("other"), "--shard", "1/2", "--seed", "7" })));
        var missing = CliHarness.Run("merge", Dir("s0"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("cell(s) are missing", missing.Error);
        // The same cells in two folders (a slice copied) are refused; the same folder named twice is refused first.
        Copy("s1", "s1-copy");
        var duplicate = CliHarness.Run("merge", Dir("s0"), Dir("s1"), Dir("s1-copy"));
        Assert.Equal(2, duplicate.Code);
        Assert.Contains("is present 2 times", duplicate.Error);
        var twice = CliHarness.Run("merge", Dir("s0"), Dir("s1"), Dir("s1") + "/");
        Assert.Equal(2, twice.Code);
        Assert.Contains("is named 2 times; name each slice once", twice.Error);
        var other = CliHarness.Run("merge", Dir("s0"), Dir("other"));
        Assert.Equal(2, other.Code);
        Assert.Contains("belongs to another configuration", other.Error);
        // One cell short is refused as a grid short of many is.
        Copy("s1", "s1-short");
        var cells = File.ReadAllLines(Path.Combine(Dir("s1-short"), "cells.csv"));
        File.WriteAllLines(Path.Combine(Dir("s1-short"), "cells.csv"), cells[..^1]);
        var oneShort = CliHarness.Run("merge", Dir("s0"), Dir("s1-short"));
        Assert.Equal(2, oneShort.Code);
        Assert.Contains("1 cell(s) are missing, the first (point ", oneShort.Error);
        // A slice whose stored overrides were edited no longer gives its stored hash.
        Copy("s1", "s1-edited");
        string sets = Path.Combine(Dir("s1-edited"), "sets.txt");
        File.WriteAllText(sets, File.ReadAllText(sets).Replace("horizon=20 s", "horizon=21 s", StringComparison.Ordinal));
        var edited = CliHarness.Run("merge", Dir("s0"), Dir("s1-edited"));
        Assert.Equal(2, edited.Code);
        Assert.Contains("the stored experiment no longer resolves to the stored hash", edited.Error);
    }

    [Fact]
    public void A_run_with_sequential_stopping_is_not_merged()
    {
        string[] sequential = { "--quiet", "--set", "replications={min: 10, max: 10, ci_half_width: 50%}", "--set", "horizon=10 s", "--set", "warmup=2 s" };
        Assert.Equal(0, Run(sequential.Concat(new[] { "--out", Dir("seq") })));
        var merged = CliHarness.Run("merge", Dir("seq"), "--out", Dir("seq-merged"));
        Assert.Equal(2, merged.Code);
        Assert.Contains("slices of a run with sequential stopping cannot be merged: give a fixed number of replications", merged.Error);
        Assert.False(Directory.Exists(Dir("seq-merged")));
    }

    private void Copy(string from, string to)
    {
        Directory.CreateDirectory(Dir(to));
        foreach (var f in Directory.GetFiles(Dir(from))) File.Copy(f, Path.Combine(Dir(to), Path.GetFileName(f)));
    }

    [Fact]
    public void An_interrupted_run_resumes_without_running_finished_cells_again()
    {
        Assert.Equal(0, Run(Small.Concat(new[] { "--out", Dir("full") })));
        Assert.Equal(0, Run(Small.Concat(new[] { "--out", Dir("cut") })));
        string cells = Path.Combine(Dir("cut"), "cells.csv");
        var lines = File.ReadAllLines(cells);
        File.WriteAllLines(cells, lines.Take(lines.Length - 10).Append(lines[^10][..20])); // 10 cells lost, one line cut mid-way
        File.Delete(Path.Combine(Dir("cut"), "runs.csv"));
        Assert.Equal(0, Run(Small.Concat(new[] { "--out", Dir("cut") })));
        Assert.Equal(File.ReadAllText(Path.Combine(Dir("full"), "runs.csv")), File.ReadAllText(Path.Combine(Dir("cut"), "runs.csv")));
        // A folder of another configuration is refused rather than mixed.
        var clash = CliHarness.Run(Small.Prepend("run").Concat(new[] { "--out", Dir("full"), "--seed", "9" }).ToArray());
        Assert.Equal(2, clash.Code);
        Assert.Contains("another configuration", clash.Error);
        // A hash shorter than any the runner writes (a file cut by hand or by a crash elsewhere) is refused the same way.
        File.WriteAllText(Path.Combine(Dir("full"), "config.hash"), "ab\n");
        var torn = CliHarness.Run(Small.Prepend("run").Concat(new[] { "--out", Dir("full") }).ToArray());
        Assert.Equal(2, torn.Code);
        Assert.Contains("another configuration (sha256 ab...", torn.Error);
        Assert.DoesNotContain("Exception", torn.Error);
    }

    [Fact]
    public void A_second_writer_and_an_out_that_is_a_file_are_refused_at_once()
    {
        Directory.CreateDirectory(root);
        string file = Path.Combine(root, "not-a-folder");
        File.WriteAllText(file, "x");
        var onFile = CliHarness.Run(Small.Prepend("run").Concat(new[] { "--out", file }).ToArray());
        Assert.Equal(2, onFile.Code);
        Assert.Contains("--out names a file", onFile.Error);
        // A run holds the folder's lock while it writes: a second run into it stops before running a cell.
        var spec = Simulator.Experiments.Quickstart.Read();
        using (var first = Simulator.Experiments.RunStore.Open(Dir("busy"), spec))
        {
            var second = CliHarness.Run(Small.Prepend("run").Concat(new[] { "--out", Dir("busy") }).ToArray());
            Assert.Equal(2, second.Code);
            Assert.Contains("another run is writing into this folder", second.Error);
            Assert.False(File.Exists(Path.Combine(Dir("busy"), "runs.csv")));
        }
        Assert.Equal(0, Run(new[] { "--quiet", "--replications", "2", "--set", "horizon=10 s", "--set", "warmup=1 s", "--out", Dir("busy2") }));
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }

    private string Dir(string name) => Path.Combine(root, name);

    private static int Run(IEnumerable<string> args) => CliHarness.Run(args.Prepend("run").ToArray()).Code;

}

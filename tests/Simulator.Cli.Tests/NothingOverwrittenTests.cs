namespace Simulator.Cli.Tests;

/// <summary>No input is ever overwritten and nothing is written outside the results folder: the ways it could happen.</summary>
public sealed class NothingOverwrittenTests : IDisposable
{
    private static readonly string[] Small = { "--quiet", "--replications", "2", "--set", "horizon=20 s", "--set", "warmup=5 s" };
    private readonly string root = Path.Combine(Path.GetTempPath(), $"overwrite-{Guid.NewGuid():N}");

    public NothingOverwrittenTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, true);

    private string In(string name) => Path.Combine(root, name);

    [Fact]
    public void Solve_export_refuses_to_replace_the_experiment_or_any_file()
    {
        string experiment = In("window.yaml");
        File.Copy(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "tests", "Simulator.Cli.Tests", "Corpus", "experiments", "base-network.yaml"), experiment);
        byte[] before = File.ReadAllBytes(experiment);
        var onItself = CliHarness.Run("solve", experiment, "--export", experiment);
        Assert.Equal(2, onItself.Code);
        Assert.Contains("--export never replaces a file", onItself.Error);
        Assert.Equal(before, File.ReadAllBytes(experiment));
        // A new name is written, whole; the same name again is refused and the window stays as it was.
        Assert.Equal(0, CliHarness.Run("solve", experiment, "--export", In("w.json")).Code);
        byte[] window = File.ReadAllBytes(In("w.json"));
        Assert.Equal(2, CliHarness.Run("solve", experiment, "--export", In("w.json"), "--replication", "1").Code);
        Assert.Equal(window, File.ReadAllBytes(In("w.json")));
        Assert.Equal(new[] { "w.json", "window.yaml" }, Directory.GetFiles(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Catalog_write_refuses_to_replace_the_catalog_or_any_file()
    {
        string catalog = In("catalog.yaml");
        File.Copy(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "catalogs", "llama2-7b-lora.yaml"), catalog);
        byte[] before = File.ReadAllBytes(catalog);
        var onItself = CliHarness.Run("catalog", catalog, "--write", catalog);
        Assert.Equal(2, onItself.Code);
        Assert.Contains("--write never replaces a file", onItself.Error);
        Assert.Equal("", onItself.Output);
        Assert.Equal(before, File.ReadAllBytes(catalog));
        Assert.Equal(0, CliHarness.Run("catalog", catalog, "--write", In("copy.yaml")).Code);
        // The copy reads back as the same catalog.
        Assert.Equal(CliHarness.Run("catalog", catalog).Output, CliHarness.Run("catalog", In("copy.yaml")).Output);
    }

    [Fact]
    public void Slurm_scripts_of_another_split_are_refused_and_the_same_ones_written_again()
    {
        string quickstart = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "quickstart.yaml");
        Assert.Equal(0, CliHarness.Run("slurm", quickstart, "--tasks", "2", "--out", In("r")).Code);
        string shards = Path.Combine(In("r"), "slurm", "shards.sbatch");
        string written = File.ReadAllText(shards);
        Assert.Equal(0, CliHarness.Run("slurm", quickstart, "--tasks", "2", "--out", In("r")).Code);
        var other = CliHarness.Run("slurm", quickstart, "--tasks", "3", "--out", In("r"));
        Assert.Equal(2, other.Code);
        Assert.Contains("shards.sbatch exists with other contents", other.Error);
        Assert.Equal(written, File.ReadAllText(shards));
    }

    [Fact]
    public void Merge_refuses_an_out_that_is_a_slice_lies_in_one_or_holds_results()
    {
        for (int i = 0; i < 2; i++) Assert.Equal(0, CliHarness.Run(Small.Prepend("run").Concat(new[] { "--out", In($"s{i}"), "--shard", $"{i}/2" }).ToArray()).Code);
        string Snapshot(string dir) => string.Join("\n", Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}"));
        string s0 = Snapshot(In("s0")), s1 = Snapshot(In("s1"));
        foreach (var target in new[] { In("s0"), In("s1") + "/", Path.Combine(In("s0"), "merged") })
        {
            var (code, _, error) = CliHarness.Run("merge", In("s0"), In("s1"), "--out", target);
            Assert.Equal(2, code);
            Assert.Contains("merged results go to a folder of their own", error);
        }
        // A folder holding a result, or a run's own cell log (some run's, even without its results), is left as it was.
        foreach (var (folder, file) in new[] { ("done", "summary.csv"), ("log", "cells.csv") })
        {
            Directory.CreateDirectory(In(folder));
            File.WriteAllText(Path.Combine(In(folder), file), "earlier");
            var held = CliHarness.Run("merge", In("s0"), In("s1"), "--out", In(folder));
            Assert.Equal(2, held.Code);
            Assert.Contains($"already holds {file}: merge replaces nothing", held.Error);
            Assert.Equal("earlier", File.ReadAllText(Path.Combine(In(folder), file)));
        }
        Assert.Equal(s0, Snapshot(In("s0")));
        Assert.Equal(s1, Snapshot(In("s1")));
        Assert.False(Directory.Exists(Path.Combine(In("s0"), "merged")));
        // The folder that holds the slices (as a Slurm run's does) takes the merge beside them.
        Assert.Equal(0, CliHarness.Run("merge", In("s0"), In("s1"), "--out", root).Code);
        Assert.True(File.Exists(Path.Combine(root, "summary.csv")));
        Assert.Equal(s0, Snapshot(In("s0")));
        var again = CliHarness.Run("merge", In("s0"), In("s1"), "--out", root);
        Assert.Equal(2, again.Code);
        Assert.Contains("already holds config.resolved.yaml", again.Error);
    }

    [Theory]
    [InlineData("../../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("a-name-longer-than-any-file-system-allows-for-one-folder-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task A_name_that_would_leave_results_or_fail_mid_run_is_refused_before_any_folder(string name)
    {
        // Run without --out, as a child in a working folder of its own: results/<name>/ is where the run would write.
        string cwd = In("cwd");
        Directory.CreateDirectory(cwd);
        var (child, error) = CliHarness.Start(Small.Prepend("run").Concat(new[] { "--set", $"name={name}" }), cwd);
        string message = await error;
        await child.WaitForExitAsync();
        Assert.Equal(2, child.ExitCode);
        Assert.Contains("name: ", message);
        Assert.Contains("results/", message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd));
        Assert.Equal(new[] { "cwd" }, Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_resume_after_the_cell_log_was_deleted_writes_it_whole_and_resumes_again()
    {
        string[] run = Small.Prepend("run").Concat(new[] { "--out", In("r") }).ToArray();
        Assert.Equal(0, CliHarness.Run(run).Code);
        string cells = Path.Combine(In("r"), "cells.csv"), runs = File.ReadAllText(Path.Combine(In("r"), "runs.csv"));
        string header = File.ReadAllLines(cells)[0];
        File.Delete(cells);
        Assert.Equal(0, CliHarness.Run(run).Code);
        Assert.Equal(header, File.ReadAllLines(cells)[0]);
        Assert.Equal(runs, File.ReadAllText(Path.Combine(In("r"), "runs.csv")));
        // The log it wrote is one the next resume accepts: every cell is found done.
        var again = CliHarness.Run(run);
        Assert.True(again.Code == 0, again.Error);
        Assert.Equal(runs, File.ReadAllText(Path.Combine(In("r"), "runs.csv")));
    }
}

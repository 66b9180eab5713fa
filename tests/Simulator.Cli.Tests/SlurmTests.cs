using System.Diagnostics;

namespace Simulator.Cli.Tests;

/// <summary>
/// The scale-out path: `slurm` writes a job array of shards and a dependent merge job. Whatever runs them,
/// the merged results must be byte-identical to one plain run.
/// </summary>
public sealed class SlurmTests : IDisposable
{
    private static readonly string[] Small = { "--replications", "2", "--set", "horizon=30 s", "--set", "warmup=5 s" };
    private readonly string root = Path.Combine(Path.GetTempPath(), $"slurm-{Guid.NewGuid():N}");
    private readonly string experiment = Path.Combine(RepositoryRoot.Find(), "experiments", "quickstart.yaml");
    // The built apphost beside the tests, so jobs run the code under test.
    private readonly string simulator = Path.Combine(AppContext.BaseDirectory, "simulator");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }

    [Fact]
    public void The_array_and_merge_scripts_run_under_bash_reproduce_one_plain_run()
    {
        string dir = Path.Combine(root, "scripted");
        var (code, output, error) = CliHarness.Run(new[] { "slurm", experiment, "--tasks", "3", "--command", simulator, "--out", dir }.Concat(Small).ToArray());
        Assert.True(code == 0, error);
        Assert.Contains("24 runs in 3 array tasks of 1 core(s)", output);
        string shards = File.ReadAllText(Path.Combine(dir, "slurm", "shards.sbatch"));
        Assert.Contains("#SBATCH --array=0-2\n", shards);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", shards);
        Assert.Contains("--dependency=afterok:", File.ReadAllText(Path.Combine(dir, "slurm", "submit.sh")));
        Assert.Equal(0, Bash("-n", Path.Combine(dir, "slurm", "submit.sh")).Code);

        // What Slurm would do: each array task with its id, then the merge.
        for (int i = 0; i < 3; i++)
        {
            var task = Bash(Path.Combine(dir, "slurm", "shards.sbatch"), ("SLURM_ARRAY_TASK_ID", $"{i}"), ("SLURM_CPUS_PER_TASK", "1"));
            Assert.True(task.Code == 0, task.Error);
            Assert.Contains($"{i}/3: 8 runs", task.Output);
        }
        var merge = Bash(Path.Combine(dir, "slurm", "merge.sbatch"));
        Assert.True(merge.Code == 0, merge.Error);
        Assert.Contains("merged 24 runs", merge.Output);
        AssertSameAsOnePlainRun(dir);
    }

    [Fact]
    public void A_plugin_given_to_slurm_reaches_every_shard()
    {
        string dir = Path.Combine(root, "plugin");
        string[] strategies = { "--set", "strategies=[most-queued, fcfs]", "--set", "baseline=fcfs", "--set", "sweep={scenario.arrivals.rate: [10 /s]}", "--set", "plots=[]" };
        var without = CliHarness.Run(new[] { "slurm", experiment, "--tasks", "2", "--command", simulator, "--out", dir }.Concat(Small).Concat(strategies).ToArray());
        Assert.Equal(2, without.Code);
        Assert.Contains("Unknown strategy 'most-queued'", without.Error);
        var (code, _, error) = CliHarness.Run(new[] { "slurm", experiment, "--tasks", "2", "--command", simulator, "--out", dir, "--plugin", PluginTests.Sample() }.Concat(Small).Concat(strategies).ToArray());
        Assert.True(code == 0, error);
        Assert.Contains(PluginTests.Sample(), File.ReadAllText(Path.Combine(dir, "slurm", "shards.sbatch")));
        for (int i = 0; i < 2; i++)
        {
            var task = Bash(Path.Combine(dir, "slurm", "shards.sbatch"), ("SLURM_ARRAY_TASK_ID", $"{i}"), ("SLURM_CPUS_PER_TASK", "1"));
            Assert.True(task.Code == 0, task.Error);
        }
        var merge = Bash(Path.Combine(dir, "slurm", "merge.sbatch"));
        Assert.True(merge.Code == 0, merge.Error);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(dir, "runs.csv")).Count(l => l.Contains(",most-queued,", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_merge_job_refuses_when_a_shard_is_missing()
    {
        string dir = Path.Combine(root, "partial");
        Assert.Equal(0, CliHarness.Run(new[] { "slurm", experiment, "--tasks", "2", "--command", simulator, "--out", dir }.Concat(Small).ToArray()).Code);
        Assert.Equal(0, Bash(Path.Combine(dir, "slurm", "shards.sbatch"), ("SLURM_ARRAY_TASK_ID", "0")).Code);
        var merge = Bash(Path.Combine(dir, "slurm", "merge.sbatch"));
        Assert.NotEqual(0, merge.Code);
        Assert.False(File.Exists(Path.Combine(dir, "runs.csv")));
    }

    [Theory]
    [InlineData("0", "--tasks must be between 1 and the grid's 24 cells, not 0")]
    [InlineData("25", "--tasks must be between 1 and the grid's 24 cells, not 25")]
    public void A_task_count_outside_the_grid_exits_2(string tasks, string message)
    {
        var (code, _, error) = CliHarness.Run(new[] { "slurm", experiment, "--tasks", tasks, "--out", Path.Combine(root, "bad") }.Concat(Small).ToArray());
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Sequential_stopping_cannot_be_sharded()
    {
        var (code, _, error) = CliHarness.Run("slurm", experiment, "--tasks", "2", "--set", "replications={min: 10, max: 16, ci_half_width: 5%}", "--out", Path.Combine(root, "seq"));
        Assert.Equal(2, code);
        Assert.Contains("fixed number of replications", error);
    }

    /// <summary>
    /// A real one-node Slurm cluster (started by .ci/slurm-up, which .ci/run calls): sbatch runs the array,
    /// the merge job waits for it through its dependency, and the result equals one plain run.
    /// </summary>
    [SkippableFact]
    public void A_real_Slurm_cluster_runs_the_array_and_then_the_dependent_merge()
    {
        bool up = SlurmIsUp();
        if (Environment.GetEnvironmentVariable("SIMULATOR_REQUIRE_SLURM") == "1")
            Assert.True(up, "SIMULATOR_REQUIRE_SLURM=1 but no Slurm node takes jobs (run .ci/slurm-up).");
        Skip.IfNot(up, "No Slurm cluster here; .ci/run starts one with .ci/slurm-up.");

        string dir = Path.Combine(root, "cluster");
        var (code, output, error) = CliHarness.Run(new[] { "slurm", experiment, "--tasks", "3", "--command", simulator, "--out", dir, "--submit" }.Concat(Small).ToArray());
        Assert.True(code == 0, error);
        Assert.Matches(@"submitted: shards job \d+, merge job \d+", output);

        var watch = Stopwatch.StartNew();
        string mergeLog = Path.Combine(dir, "slurm", "merge.log");
        while (!(File.Exists(mergeLog) && File.ReadAllText(mergeLog).Contains("merged 24 runs", StringComparison.Ordinal)))
        {
            // A guard against a job that never runs, not a speed limit (the jobs take seconds when the node is idle).
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(10), $"the merge job did not finish in 10 minutes; logs in {dir}/slurm");
            Thread.Sleep(250);
        }
        // Slurm wrote each task's log: the shards really ran as array tasks, and each log says how far its shard got.
        for (int i = 0; i < 3; i++)
        {
            string log = File.ReadAllText(Path.Combine(dir, "slurm", $"shard-{i}.log"));
            Assert.Contains($"{i}/3: 8 runs", log);
            Assert.Contains("progress: 8/8 cells (100 %)", log);
        }
        AssertSameAsOnePlainRun(dir);
    }

    private void AssertSameAsOnePlainRun(string merged)
    {
        string plain = Path.Combine(root, "plain");
        if (!Directory.Exists(plain))
            Assert.Equal(0, CliHarness.Run(new[] { "run", experiment, "--out", plain, "--quiet" }.Concat(Small).ToArray()).Code);
        foreach (var f in new[] { "runs.csv", "summary.csv", "paired.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(plain, f)), File.ReadAllBytes(Path.Combine(merged, f)));
    }

    private static bool SlurmIsUp()
    {
        try
        {
            var (code, output, _) = Run("sinfo", new[] { "-h", "-N", "-o", "%t" });
            return code == 0 && output.Split('\n').Any(s => s.Trim() is "idle" or "mix" or "alloc");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no sinfo on the PATH
        }
    }

    private static (int Code, string Output, string Error) Bash(string script, params (string Name, string Value)[] env) =>
        Run("bash", new[] { script }, env);

    private static (int Code, string Output, string Error) Bash(string flag, string script) => Run("bash", new[] { flag, script });

    private static (int Code, string Output, string Error) Run(string program, string[] args, params (string Name, string Value)[] env)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (name, value) in env) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}

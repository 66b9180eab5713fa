using System.Globalization;
using System.Text;
using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>
/// The scripts of a Slurm run (docs/experiments.md): a job array whose task i runs
/// <c>run --shard i/N</c> into <c>shards/i</c>, and a merge job that waits for every task to succeed and
/// writes the summaries, plots and report into the results folder. Every shard reads the same file with
/// the same overrides, so merge finds one config hash, or refuses.
/// </summary>
public sealed record SlurmScripts(string Shards, string Merge, string Submit)
{
    public const string ShardsFile = "shards.sbatch", MergeFile = "merge.sbatch", SubmitFile = "submit.sh";

    /// <param name="command">How a compute node starts the simulator, as words: a path, or e.g. dotnet and a dll.</param>
    /// <param name="file">The experiment file, absolute.</param>
    /// <param name="sets">The overrides every shard applies, as path=value.</param>
    /// <param name="dir">The results folder, absolute: shards/, slurm/ and the merged results go there.</param>
    public static SlurmScripts Write(ExperimentSpec spec, IReadOnlyList<string> command, string file, IReadOnlyList<string> sets, string dir, int tasks, int cpusPerTask, string? partition, string? time)
    {
        var slurm = Path.Combine(dir, "slurm");
        string Header(string job, string log)
        {
            var h = new StringBuilder("#!/bin/bash\n");
            h.Append(CultureInfo.InvariantCulture, $"# {spec.Name}, config sha256 {spec.Hash}; written by `simulator slurm`.\n");
            h.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name={spec.Name}-{job}\n");
            h.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={log}\n");
            if (partition is not null) h.Append(CultureInfo.InvariantCulture, $"#SBATCH --partition={partition}\n");
            if (time is not null) h.Append(CultureInfo.InvariantCulture, $"#SBATCH --time={time}\n");
            return h.ToString();
        }
        string exe = string.Join(' ', command.Select(Quote));
        string setArgs = string.Concat(sets.Select(s => " --set " + Quote(s)));

        // Not --quiet: standard error is the task's log, where progress lines say how far a shard is.
        var shards = new StringBuilder(Header("shards", Path.Combine(slurm, "shard-%a.log")));
        shards.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{tasks - 1}\n");
        shards.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={cpusPerTask}\n");
        shards.Append("set -euo pipefail\n");
        shards.Append(CultureInfo.InvariantCulture,
            $"exec {exe} run {Quote(file)} --shard \"${{SLURM_ARRAY_TASK_ID}}/{tasks}\" --out {Quote(Path.Combine(dir, "shards"))}/\"${{SLURM_ARRAY_TASK_ID}}\" --parallel \"${{SLURM_CPUS_PER_TASK:-{cpusPerTask}}}\"{setArgs}\n");

        var merge = new StringBuilder(Header("merge", Path.Combine(slurm, "merge.log")));
        merge.Append("set -euo pipefail\n");
        // Every slice by name: a missing one makes merge fail loudly rather than summarise part of the grid.
        var slices = Enumerable.Range(0, tasks).Select(i => Quote(Path.Combine(dir, "shards", i.ToString(CultureInfo.InvariantCulture))));
        merge.Append(CultureInfo.InvariantCulture, $"exec {exe} merge {string.Join(' ', slices)} --out {Quote(dir)}\n");

        string submit =
            "#!/bin/bash\n" +
            "# Submits the shard array, then the merge job to run once every shard has succeeded.\n" +
            "set -euo pipefail\n" +
            "cd \"$(dirname \"$0\")\"\n" +
            $"shards=$(sbatch --parsable {ShardsFile})\n" +
            "shards=${shards%%;*}\n" +
            $"merge=$(sbatch --parsable --dependency=afterok:\"$shards\" {MergeFile})\n" +
            "merge=${merge%%;*}\n" +
            "echo \"submitted: shards job $shards, merge job $merge\"\n";

        Directory.CreateDirectory(slurm);
        var scripts = new SlurmScripts(shards.ToString(), merge.ToString(), submit);
        (string Path, string Text)[] files = [(Path.Combine(slurm, ShardsFile), scripts.Shards), (Path.Combine(slurm, MergeFile), scripts.Merge), (Path.Combine(slurm, SubmitFile), scripts.Submit)];
        // Scripts of another split would send shards that already ran into folders sliced another way.
        NewFile.WriteAll(files, "the scripts of an earlier slurm call with other tasks, options or experiment");
        if (!OperatingSystem.IsWindows())
            foreach (var (path, _) in files)
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return scripts;
    }

    /// <summary>One shell word, whatever it holds.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

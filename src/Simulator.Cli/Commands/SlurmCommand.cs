using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>
/// <c>slurm &lt;file&gt; --tasks N</c>: writes (and with <c>--submit</c> submits) a Slurm job array that runs the
/// experiment's grid in N shards, and a merge job that depends on all of them.
/// </summary>
public static partial class SlurmCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "The experiment file." };
        var options = new CommonOptions();
        var tasks = new Option<int>("--tasks") { Description = "Array tasks: shards of the (point x strategy x replication) grid.", Required = true };
        var cpus = new Option<int>("--cpus-per-task") { Description = "Cores per task; each shard runs that many replications at once.", DefaultValueFactory = _ => 1 };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's)." };
        var time = new Option<string?>("--time") { Description = "Time limit per job, in Slurm's format (e.g. 02:00:00)." };
        var exe = new Option<string?>("--command") { Description = "How compute nodes start the simulator, words split on spaces (default: this very binary)." };
        var submit = new Option<bool>("--submit") { Description = "Submit at once with sbatch (otherwise run slurm/submit.sh later)." };
        var command = new Command("slurm", "Write a Slurm job array that runs the experiment in shards, and a merge job that waits for them.")
        {
            file, tasks, cpus, partition, time, exe, submit, options.Seed, options.Replications, options.Out, options.Set, options.Plugin,
        };
        command.SetAction(result =>
        {
            var source = result.GetValue(file)!;
            var sets = options.Sets(result);
            var spec = CommonOptions.Load(source, sets);
            int n = result.GetValue(tasks), c = result.GetValue(cpus);
            if (spec.Replications.RelativeHalfWidth is not null)
                throw new FormatException("slurm needs a fixed number of replications; sequential stopping decides them as it goes (use --replications).");
            int cells = spec.AllCells(spec.Replications.Max).Count();
            if (n < 1 || n > cells) throw new FormatException($"--tasks must be between 1 and the grid's {cells} cells, not {n}.");
            if (c < 1) throw new FormatException($"--cpus-per-task must be at least 1, not {c}.");
            // What goes into an #SBATCH line is checked here: sbatch would refuse it only at submission, and a line
            // break would write a line of its own into the script.
            if (result.GetValue(time) is { } limit && !SlurmTime().IsMatch(limit))
                throw new FormatException($"--time takes Slurm's time format (minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes, days-hours:minutes:seconds, or UNLIMITED), not '{limit}'.");
            if (result.GetValue(partition) is { } name && !SlurmName().IsMatch(name))
                throw new FormatException($"--partition takes a partition's name (letters, digits, '-', '_', '.', or several separated by commas), not '{name}'.");
            string dir = Path.GetFullPath(result.GetValue(options.Out) ?? Path.Combine("results", spec.Name, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{spec.Hash[..8]}"));
            var words = result.GetValue(exe) is { } given ? given.Split(' ', StringSplitOptions.RemoveEmptyEntries) : ThisBinary();
            SlurmScripts.Write(spec, words, source.FullName, sets, dir, n, c, result.GetValue(partition), result.GetValue(time));
            string scripts = Path.Combine(dir, "slurm");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec.Name}: {cells} runs in {n} array tasks of {c} core(s); scripts in {scripts}"));
            if (!result.GetValue(submit))
            {
                output.WriteLine($"submit with: {Path.Combine(scripts, SlurmScripts.SubmitFile)}");
                return Cli.Ok;
            }
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(scripts, SlurmScripts.SubmitFile));
            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash to submit.");
            // Both streams at once: a full stderr pipe would otherwise stall a child still writing to it.
            var complaining = process.StandardError.ReadToEndAsync();
            string said = process.StandardOutput.ReadToEnd();
            string complaint = complaining.Result;
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"sbatch refused the jobs: {complaint.Trim()}");
            output.Write(said);
            output.WriteLine($"merged results will be in {dir}");
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>The words that start the running simulator again: its apphost, or dotnet and its dll.</summary>
    private static string[] ThisBinary()
    {
        string? process = Environment.ProcessPath;
        string dll = Assembly.GetExecutingAssembly().Location;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == Path.GetFileNameWithoutExtension(dll)) return new[] { process };
        return new[] { process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet", dll };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+(:\d{1,2}){0,2}|\d+-\d+(:\d{1,2}){0,2}|UNLIMITED|INFINITE)$")]
    private static partial System.Text.RegularExpressions.Regex SlurmTime();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$")]
    private static partial System.Text.RegularExpressions.Regex SlurmName();
}

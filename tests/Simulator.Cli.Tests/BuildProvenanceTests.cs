using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Simulator.Experiments;

namespace Simulator.Cli.Tests;

/// <summary>
/// Every cell a results folder logs records the simulator build that ran it, so that a folder resumed or merged across
/// builds says so in its report (and the resume says so at once) instead of mixing their numbers unseen.
/// </summary>
public sealed class BuildProvenanceTests : IDisposable
{
    private static readonly string[] Small = { "--quiet", "--replications", "2", "--set", "horizon=20 s", "--set", "warmup=5 s" };
    private readonly string root = Path.Combine(Path.GetTempPath(), $"builds-{Guid.NewGuid():N}");

    public BuildProvenanceTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, true);

    [Fact]
    public void Each_cell_records_its_build_and_a_folder_resumed_across_builds_says_how_many_runs_each_made()
    {
        string dir = Path.Combine(root, "r");
        var first = CliHarness.Run(["run", "--out", dir, .. Small]);
        Assert.True(first.Code == 0, first.Error);
        var log = File.ReadAllLines(Path.Combine(dir, "cells.csv"));
        Assert.EndsWith(",decision_ms_mean,decision_ms_max,build,check", log[0], StringComparison.Ordinal);
        // The build is the one the simulator's --version prints: the version and the commit it was built from.
        string build = SimulatorBuild.Current;
        Assert.Equal(typeof(RunCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, build);
        // Built from a clone, it names the commit.
        Assert.Matches(Directory.Exists(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), ".git")) ? @"^\d+\.\d+\.\d+\+[0-9a-f]{40}$" : @"^\d+\.\d+\.\d+", build);
        Assert.All(log.Skip(1), l => Assert.Equal(build, l.Split(',')[^2]));
        Assert.Equal(24, log.Length - 1);
        Assert.Contains($"- simulator build {build}, every run\n", File.ReadAllText(Path.Combine(dir, "report.md")).Replace("\r", "", StringComparison.Ordinal));
        string runs = File.ReadAllText(Path.Combine(dir, "runs.csv"));

        // A log of the earlier format (no build; its own checksums), with 10 of its cells still to run: it is read,
        // plotted and resumed, and the report counts the runs of each build.
        File.WriteAllLines(Path.Combine(dir, "cells.csv"), log.Take(1).Select(h => h.Replace(",build,check", ",check", StringComparison.Ordinal)).Concat(log.Skip(1).Take(14).Select(Earlier)));
        var resumed = CliHarness.Run(["run", "--out", dir, .. Small]);
        Assert.True(resumed.Code == 0, resumed.Error);
        Assert.Contains($"note: 14 of the cells found done were run by another simulator build (unrecorded) than this one ({build}); report.md names each build's runs.", resumed.Error);
        Assert.Equal(runs, File.ReadAllText(Path.Combine(dir, "runs.csv")));
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains($"- simulator builds: unrecorded (14 runs); {build} (10 runs). The folder was resumed or merged across builds: its runs agree only where the changes between the builds move no number.", report);
        // The log was rewritten in the new format before the resume appended to it: one header, a build on every line.
        var after = File.ReadAllLines(Path.Combine(dir, "cells.csv"));
        Assert.Equal(log[0], after[0]);
        Assert.Equal(new[] { "", build }, after.Skip(1).Select(l => l.Split(',')[^2]).Distinct().Order(StringComparer.Ordinal));
        // plot reads the builds from the log too.
        Assert.Equal(0, CliHarness.Run("plot", dir).Code);
        Assert.Equal(report, File.ReadAllText(Path.Combine(dir, "report.md")));
    }

    [Fact]
    public void Slices_of_two_builds_merge_with_each_cells_build_kept()
    {
        string S(int i) => Path.Combine(root, $"s{i}");
        for (int i = 0; i < 2; i++) Assert.Equal(0, CliHarness.Run(["run", "--shard", $"{i}/2", "--out", S(i), .. Small]).Code);
        // Slice 1 as a build before builds were recorded left it.
        string cells = Path.Combine(S(1), "cells.csv");
        var log = File.ReadAllLines(cells);
        File.WriteAllLines(cells, log.Take(1).Select(h => h.Replace(",build,check", ",check", StringComparison.Ordinal)).Concat(log.Skip(1).Select(Earlier)));
        string merged = Path.Combine(root, "merged");
        var merge = CliHarness.Run("merge", S(0), S(1), "--out", merged);
        Assert.True(merge.Code == 0, merge.Error);
        Assert.Contains($"- simulator builds: unrecorded (12 runs); {SimulatorBuild.Current} (12 runs). The folder was resumed or merged across builds", File.ReadAllText(Path.Combine(merged, "report.md")));
        var builds = File.ReadAllLines(Path.Combine(merged, "cells.csv")).Skip(1).Select(l => l.Split(',')).ToLookup(f => f[^2], f => (f[0], f[1], f[2]));
        Assert.Equal(File.ReadAllLines(Path.Combine(S(1), "cells.csv")).Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[1], f[2])).Order(), builds[""].Order());
        Assert.Equal(12, builds[SimulatorBuild.Current].Count());
    }

    /// <summary>A record as a log of the earlier format holds it: without its build, with the checksum of what is left.</summary>
    private static string Earlier(string line)
    {
        var f = line.Split(',');
        string fields = string.Join(",", f[..^2]);
        return fields + "," + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fields)), 0, 4);
    }
}

using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests;

/// <summary>
/// A run whose standard error is a file (a batch system's log, nohup, a pipe) says how far it is; a resumed run says what
/// it found done; a stopped run says what it kept and how to resume it.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"progress-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }

    [Fact]
    public async Task A_run_with_standard_error_in_a_file_writes_progress_lines_and_a_resumed_run_says_what_it_found()
    {
        string outDir = Path.Combine(root, "out");
        string[] args = { "run", "--replications", "3", "--set", "horizon=20 s", "--set", "warmup=2 s", "--parallel", "1", "--out", outDir };
        var (child, error) = CliHarness.Start(args);
        using (child)
        {
            string log = await error;
            await child.WaitForExitAsync();
            Assert.True(child.ExitCode == 0, log);
            var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^progress: 1/36 cells \(3 %\) in \d+ s, [\d.]+ cells/s, about \d+ s left$"));
            Assert.Contains(lines, l => l.StartsWith("progress: 36/36 cells (100 %)", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains('\u001b')); // no terminal control codes in a file
        }
        // Cut the log to its first ten cells: the next run says it found them and runs the rest.
        string cells = Path.Combine(outDir, "cells.csv");
        File.WriteAllLines(cells, File.ReadAllLines(cells).Take(11));
        var (again, againError) = CliHarness.Start(args);
        using (again)
        {
            string log = await againError;
            await again.WaitForExitAsync();
            Assert.Equal(0, again.ExitCode);
            Assert.Contains($"resumed: 10 cells found done in {outDir}; they are not run again.", log);
            Assert.Contains("progress: 36/36 cells (100 %)", log);
        }
    }

    [Fact]
    public void While_no_cell_finishes_a_line_every_half_minute_says_how_many_are_running()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var log = new StringWriter();
        using var lines = new ProgressLines(log, found: 3, threads: 2, clock);
        string[] Lines() => log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Report(0, 4);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(Lines()); // planning says nothing, and a run is not silent for long yet
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { "progress: 3/7 cells (43 %) in 30 s, 0.00 cells/s; 2 cells running, none finished in the last 30 s" }, Lines());
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("progress: 3/7 cells (43 %) in 60 s, 0.00 cells/s; 2 cells running, none finished in the last 60 s", Lines()[^1]);
        // A finished cell gives a line (the first at once, then at most one every 5 s), and the silence counts from it.
        clock.Advance(TimeSpan.FromSeconds(20));
        lines.Report(1, 4);
        Assert.Equal("progress: 4/7 cells (57 %) in 80 s, 0.01 cells/s, about 240 s left", Lines()[^1]);
        clock.Advance(TimeSpan.FromSeconds(10));
        lines.Report(2, 4);
        Assert.Equal("progress: 5/7 cells (71 %) in 90 s, 0.02 cells/s, about 90 s left", Lines()[^1]);
        int before = Lines().Length;
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(before, Lines().Length);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("progress: 5/7 cells (71 %) in 120 s, 0.02 cells/s, about 120 s left; 2 cells running, none finished in the last 30 s", Lines()[^1]);
        // With one cell left, one runs; with none left, nothing more is said but the last count.
        lines.Report(3, 4);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.EndsWith("; 1 cell running, none finished in the last 60 s", Lines()[^1]);
        lines.Report(4, 4);
        before = Lines().Length;
        clock.Advance(TimeSpan.FromSeconds(120));
        lines.Finish();
        Assert.Equal(before + 1, Lines().Length);
        Assert.StartsWith("progress: 7/7 cells (100 %) in 300 s", Lines()[^1]);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);

    [Theory]
    [InlineData(2, 130)]  // SIGINT: Ctrl+C
    [InlineData(15, 143)] // SIGTERM: a batch system's time limit, scancel
    public async Task A_stopped_run_says_how_many_cells_its_folder_keeps_and_how_to_resume_them(int signal, int exit)
    {
        if (!OperatingSystem.IsLinux()) return;
        // Without --out the run makes a new timestamped folder, which the same command would not find again.
        string work = Path.Combine(root, $"signal-{signal}"), gate = Path.Combine(work, "gate");
        Directory.CreateDirectory(gate);
        // The run's one strategy lets its first cell through and holds every later one at the gate: stopped there, it
        // has kept exactly one cell, however fast the machine.
        string[] args = { "run", "--plugin", PluginTests.Faults(), "--replications", "10", "--set", "horizon=30 s", "--set", "warmup=2 s", "--parallel", "1",
            "--set", $"strategies=[{{name: waits-at-gate, gate: {gate}, label: gated}}]", "--set", "baseline=gated" };
        var (child, error) = CliHarness.Start(args, work, defaultSignals: true);
        using (child)
        {
            while (!child.HasExited && Logged(work) < 1) await Task.Delay(20);
            Assert.False(child.HasExited, "the run ended before it could be stopped");
            Assert.Equal(0, Signal(child.Id, signal));
            string log = await error;
            await child.WaitForExitAsync();
            Assert.Equal(exit, child.ExitCode);
            var notice = Regex.Match(log, @"interrupted: (\d+) cells are kept in (\S+); the same command with --out \2 resumes \(finished cells are not run again\)\.");
            Assert.True(notice.Success, log);
            string dir = notice.Groups[2].Value;
            Assert.Equal("1", notice.Groups[1].Value);
            File.Create(Path.Combine(gate, "open")).Dispose();
            var (code, _, resumed) = CliHarness.Run(args.Concat(new[] { "--out", Path.Combine(work, dir) }).ToArray());
            Assert.Equal(0, code);
            Assert.Contains("resumed: 1 cells found done", resumed);
            // 3 rates x 1 strategy x 10 replications, and the header.
            Assert.Equal(31, File.ReadAllLines(Path.Combine(work, dir, "runs.csv")).Length);
        }
    }

    /// <summary>The cell records logged so far in the one results folder under <paramref name="work"/>.</summary>
    private static int Logged(string work) => CliHarness.CellsLogged(Directory.Exists(Path.Combine(work, "results"))
        ? Directory.GetFiles(Path.Combine(work, "results"), "cells.csv", SearchOption.AllDirectories).SingleOrDefault()
        : null);
}

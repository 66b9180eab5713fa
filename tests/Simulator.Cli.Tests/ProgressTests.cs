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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);

    [Theory]
    [InlineData(2, 130)]  // SIGINT: Ctrl+C
    [InlineData(15, 143)] // SIGTERM: a batch system's time limit, scancel
    public async Task A_stopped_run_says_how_many_cells_its_folder_keeps_and_how_to_resume_them(int signal, int exit)
    {
        if (!OperatingSystem.IsLinux()) return;
        // Without --out the run makes a new timestamped folder, which the same command would not find again.
        string work = Path.Combine(root, $"signal-{signal}");
        Directory.CreateDirectory(work);
        string[] args = { "run", "--replications", "10", "--set", "horizon=30 s", "--set", "warmup=2 s", "--parallel", "1" };
        var (child, error) = CliHarness.Start(args, work, defaultSignals: true);
        using (child)
        {
            // Stopped once it has logged a cell, wherever it then is: the run's own progress, not the clock, decides when.
            while (!child.HasExited && Logged(work) < 1) await Task.Delay(20);
            Assert.False(child.HasExited, "the run ended before it could be stopped");
            Assert.Equal(0, Signal(child.Id, signal));
            string log = await error;
            await child.WaitForExitAsync();
            Assert.Equal(exit, child.ExitCode);
            var notice = Regex.Match(log, @"interrupted: (\d+) cells are kept in (\S+); the same command with --out \2 resumes \(finished cells are not run again\)\.");
            Assert.True(notice.Success, log);
            string dir = notice.Groups[2].Value;
            int kept = int.Parse(notice.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(kept, 1, 119);
            var (code, _, resumed) = CliHarness.Run(args.Concat(new[] { "--out", Path.Combine(work, dir) }).ToArray());
            Assert.Equal(0, code);
            // A cell that finished while the process was ending is kept too, so the resume finds at least as many.
            var found = Regex.Match(resumed, @"resumed: (\d+) cells found done");
            Assert.True(found.Success && int.Parse(found.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= kept, resumed);
            Assert.Equal(121, File.ReadAllLines(Path.Combine(work, dir, "runs.csv")).Length);
        }
    }

    /// <summary>The cell records logged so far in the one results folder under <paramref name="work"/>.</summary>
    private static int Logged(string work) => CliHarness.CellsLogged(Directory.Exists(Path.Combine(work, "results"))
        ? Directory.GetFiles(Path.Combine(work, "results"), "cells.csv", SearchOption.AllDirectories).SingleOrDefault()
        : null);
}

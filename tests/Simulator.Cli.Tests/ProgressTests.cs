namespace Simulator.Cli.Tests;

/// <summary>A run whose standard error is a file (a batch system's log, nohup, a pipe) says how far it is; a resumed run says what it found done.</summary>
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
}

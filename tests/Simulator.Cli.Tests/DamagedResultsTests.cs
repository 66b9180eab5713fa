namespace Simulator.Cli.Tests;

/// <summary>
/// Results folders that went wrong: a record torn by an interruption, a row written twice, a
/// value edited by hand, a log from another version, a run killed at random moments; each resumes to the
/// uninterrupted run's files or is refused with the file and line, never a crash and never a lost cell.
/// </summary>
public sealed class DamagedResultsTests : IDisposable
{
    private static readonly string[] Small = { "--quiet", "--replications", "3", "--set", "horizon=20 s", "--set", "warmup=5 s" };
    private readonly string root = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}");

    [Fact]
    public void A_torn_last_record_and_a_doubled_row_resume_to_the_same_files()
    {
        string full = Finished("full");
        string torn = Finished("torn");
        var lines = File.ReadAllLines(Cells(torn));
        // The last record cut mid-way with no newline, and a middle row written twice.
        File.WriteAllText(Cells(torn), string.Join("\n", lines[..^1].Append(lines[5])) + "\n" + lines[^1][..(lines[^1].Length / 2)]);
        File.Delete(Path.Combine(torn, "runs.csv"));
        var (code, _, error) = Run(torn);
        Assert.True(code == 0, error);
        foreach (var f in new[] { "runs.csv", "summary.csv", "paired.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(full, f)), File.ReadAllText(Path.Combine(torn, f)));
        // The log was rewritten clean: one record per cell, each whole.
        Assert.Equal(lines.Length, File.ReadAllLines(Cells(torn)).Length);
    }

    [Theory]
    [InlineData("edit", "does not match its checksum")]
    [InlineData("conflict", "a second, different record of the cell on line 3")]
    [InlineData("header", "the cell log's header is not the one this version writes")]
    [InlineData("outside", "outside this experiment's grid")]
    [InlineData("just-outside", "outside this experiment's grid (point 0, strategy 0, replication 3)")]
    [InlineData("fields", "has 37 fields before its checksum where this experiment's records have 36")]
    [InlineData("number", "has 'x' where a number belongs")]
    public void A_damaged_log_is_refused_at_its_line_by_run_and_by_merge(string damage, string gist)
    {
        string dir = Finished(damage);
        var lines = File.ReadAllLines(Cells(dir));
        int line;
        switch (damage)
        {
            case "edit": // a hand-edited value in the middle of the log
                lines[4] = lines[4].Replace(lines[4].Split(',')[3], "999", StringComparison.Ordinal);
                line = 5;
                break;
            case "conflict": // the record of line 3 again, with another value and a valid checksum
                lines = lines.Append(Resigned(lines[2], 3, "999")).ToArray();
                line = lines.Length;
                break;
            case "header":
                lines[0] = lines[0].Replace(",check", "", StringComparison.Ordinal);
                line = 1;
                break;
            case "just-outside": // the replication after the last of the three
                lines = lines.Append(Resigned(lines.First(l => l.StartsWith("0,0,", StringComparison.Ordinal)), 2, "3")).ToArray();
                line = lines.Length;
                break;
            case "fields": // a field more, signed as a tool would
                lines[4] = Resigned(lines[4], 3, lines[4].Split(',')[3] + ",1");
                line = 5;
                break;
            case "number":
                lines[4] = Resigned(lines[4], 3, "x");
                line = 5;
                break;
            default:
                lines = lines.Append(Resigned(lines[2], 0, "77")).ToArray();
                line = lines.Length;
                break;
        }
        File.WriteAllLines(Cells(dir), lines);
        foreach (var (code, _, error) in new[] { Run(dir), CliHarness.Run("merge", dir, "--out", Path.Combine(root, damage + "-merged")) })
        {
            Assert.Equal(2, code);
            Assert.StartsWith($"{Cells(dir)}:{line}: ", error, StringComparison.Ordinal);
            Assert.Contains(gist, error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_run_killed_at_random_moments_resumes_to_the_uninterrupted_files()
    {
        // A child process is killed each time it has logged a few more cells (a seeded 3 to 8), wherever it then
        // is (between records, or in the middle of writing one), and restarted into the same folder until it
        // finishes; the files must equal one uninterrupted run's byte for byte. The kills follow the run's own
        // progress, not the clock, so a slow or loaded machine only makes it slower.
        string[] args = { "run", "--quiet", "--replications", "4", "--set", "horizon=60 s", "--set", "warmup=5 s", "--parallel", "2" };
        string whole = Path.Combine(root, "whole");
        Assert.Equal(0, CliHarness.Run(args.Concat(new[] { "--out", whole }).ToArray()).Code);
        string resumed = Path.Combine(root, "resumed");
        var rng = new Random(12);
        int kills = 0;
        for (int attempt = 0; ; attempt++)
        {
            Assert.True(attempt < 100, "the run never finished");
            int logged = Logged(resumed), target = logged + rng.Next(3, 9);
            var (child, stderr) = CliHarness.Start(args.Concat(new[] { "--out", resumed }));
            using var _ = child;
            while (!child.HasExited && Logged(resumed) < target) await Task.Delay(20);
            if (child.HasExited)
            {
                Assert.True(child.ExitCode == 0, await stderr);
                break;
            }
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            kills++;
        }
        Assert.True(kills >= 2, $"only {kills} kills: the run finished before it could be interrupted");
        foreach (var f in new[] { "runs.csv", "summary.csv", "paired.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(whole, f)), File.ReadAllText(Path.Combine(resumed, f)));
    }

    private static int Logged(string dir) => CliHarness.CellsLogged(Cells(dir));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }

    /// <summary>A record with one field changed and its checksum made to match, as a tool (not a tear) would write it.</summary>
    private static string Resigned(string record, int field, string value)
    {
        var fields = record[..record.LastIndexOf(',')].Split(',');
        fields[field] = value;
        string text = string.Join(",", fields);
        return text + "," + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 4);
    }

    private string Finished(string name)
    {
        string dir = Path.Combine(root, name);
        var (code, _, error) = Run(dir);
        Assert.True(code == 0, error);
        return dir;
    }

    private static string Cells(string dir) => Path.Combine(dir, "cells.csv");

    private static (int Code, string Output, string Error) Run(string dir) =>
        CliHarness.Run(Small.Prepend("run").Concat(new[] { "--out", dir }).ToArray());
}

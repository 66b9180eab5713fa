using System.Globalization;
using Simulator.Experiments;
using Simulator.Testing;

namespace Simulator.Cli.Tests;

/// <summary><c>solve</c> on network windows: export a replication, re-solve it, and bad window files.</summary>
public class NetworkSolveTests
{
    [Fact]
    public void An_exported_window_solves_to_the_runs_numbers_bit_for_bit()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"nw-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string experiment = Path.Combine(RepositoryRoot.Find(), "experiments", "chasing", "chasing-requests.yaml");
            string window = Path.Combine(dir, "w.json");
            var (code, _, error) = CliHarness.Run("solve", experiment, "--point", "1", "--replication", "2", "--export", window);
            Assert.True(code == 0, error);
            var spec = ExperimentReader.Read(experiment, new[] { "replications=3" });
            var record = Runner.RunCell(spec, new Cell(1, spec.Strategies.Select((s, i) => (s, i)).Single(x => x.s.Label == "mec-ilp").i, 2));
            double runTotal = record.Values[spec.Metrics.Index("total_delay")];
            (code, var output, error) = CliHarness.Run("solve", window, "--strategy", "mec-ilp");
            Assert.True(code == 0, error);
            Assert.Contains($"\"total_delay\": {runTotal.ToString("R", CultureInfo.InvariantCulture)}", output);
            Assert.Contains("\"valid\": true", output);
            (code, output, error) = CliHarness.Run("solve", window, "--compare", "mec-ilp,mec-nonshare,mec-lp");
            Assert.True(code == 0, error);
            Assert.Matches(@"mec-ilp\s+30\s+[0-9.]+\s+0\.00 %", output);
            Assert.Contains("gaps are to mec-ilp's optimum", output);
            // A name that cannot plan a window is refused before any row is written.
            (code, output, error) = CliHarness.Run("solve", window, "--compare", "mec-ilp,mec-nonshare,mec-oracle");
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains("'mec-oracle' is an online strategy; this scenario needs a network strategy", error);
            // The bound reports its mean cost and accuracy as the plans do, the run's numbers.
            var lp = Runner.RunCell(spec, new Cell(1, spec.Strategies.Select((s, i) => (s, i)).Single(x => x.s.Label == "mec-lp").i, 2));
            (code, output, error) = CliHarness.Run("solve", window, "--strategy", "mec-lp");
            Assert.True(code == 0, error);
            Assert.Contains($"\"mean_cost\": {lp.Values[spec.Metrics.Index("mean_cost")].ToString("R", CultureInfo.InvariantCulture)}", output);
            Assert.Contains($"\"mean_accuracy\": {lp.Values[spec.Metrics.Index("mean_accuracy")].ToString("R", CultureInfo.InvariantCulture)}", output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_bad_window_file_is_refused_with_its_line()
    {
        string experiment = Path.Combine(RepositoryRoot.Find(), "experiments", "chasing", "chasing-requests.yaml");
        string window = Path.Combine(Path.GetTempPath(), $"w-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, CliHarness.Run("solve", experiment, "--export", window).Code);
            var lines = File.ReadAllLines(window).ToList();
            int at = lines.FindIndex(l => l.Contains("\"capacity_bytes\"", StringComparison.Ordinal));
            lines[at] = lines[at].Replace("\"capacity_bytes\"", "\"capacity_byte\"", StringComparison.Ordinal);
            File.WriteAllLines(window, lines);
            var (code, _, error) = CliHarness.Run("solve", window);
            Assert.Equal(2, code);
            Assert.Contains($"{window}:{at + 1}:", error);
            Assert.Contains("unknown key 'capacity_byte'. Did you mean 'capacity_bytes'?", error);
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            File.Delete(window);
        }
    }
}

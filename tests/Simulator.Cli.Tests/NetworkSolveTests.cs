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

    /// <summary>
    /// The corpus window's two requests share a home, which holds m1: the 12.34 GB base and a 3.92 GB task part
    /// (m0's task part is 2.93 GB). At alpha = 1 in 17 GB, counted whole one request fits (16.26 GB, two 32.52 GB),
    /// while a part store holds both on m1 (16.26 GB once) though not m0 beside m1 (19.19 GB).
    /// </summary>
    [Theory]
    [InlineData("per-request", true)]
    [InlineData("aggregated", false)]
    [InlineData("store", true)]
    public void A_part_store_counts_the_shared_base_once_where_a_whole_count_places_one_request(string rule, bool both)
    {
        string window = Path.Combine(Path.GetTempPath(), $"w-{Guid.NewGuid():N}.json");
        try
        {
            string text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "Simulator.Cli.Tests", "Corpus", "instances", "window-good.json"))
                .Replace("\"capacity\": \"per-request\"", $"\"capacity\": \"{rule}\"", StringComparison.Ordinal)
                .Replace("\"capacity_factor\": 0.5670497424747095", "\"capacity_factor\": 1", StringComparison.Ordinal)
                .Replace("\"capacity_bytes\": 19000000000", "\"capacity_bytes\": 17000000000", StringComparison.Ordinal);
            File.WriteAllText(window, text);
            foreach (var strategy in new[] { "mec-ilp", "mec-appro", "mec-nonshare", "mec-cloud", "ready-first" })
            {
                var (code, output, error) = CliHarness.Run("solve", window, "--strategy", strategy);
                Assert.True(code == 0, error);
                Assert.Contains("\"valid\": true", output);
                Assert.Contains("\"capacity_violations\": 0", output);
                // Each strategy places both, or (counted whole) one.
                Assert.Equal(both ? 2 : 1, output.Split("\"model\": ").Length - 1);
                if (both && strategy == "mec-ilp") Assert.Equal(2, output.Split("\"model\": \"m1\"").Length - 1);
            }
        }
        finally
        {
            File.Delete(window);
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

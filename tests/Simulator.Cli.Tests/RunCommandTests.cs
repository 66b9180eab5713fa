using Simulator.Cli;

namespace Simulator.Cli.Tests;

public class RunCommandTests
{
    [Fact]
    public async Task Run_without_a_file_runs_the_quickstart_and_writes_every_result_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"qs-{Guid.NewGuid():N}");
        try
        {
            var (code, output, error) = CliHarness.Run("run", "--out", dir, "--quiet", "--replications", "3", "--set", "horizon=30 s", "--set", "warmup=5 s");
            Assert.True(code == 0, error);
            Assert.Contains("| arrivals rate | strategy | throughput (/s) |", output);
            foreach (var f in new[] { "config.resolved.yaml", "config.hash", "runs.csv", "columns.csv", "runs.parquet", "summary.csv", "paired.csv", "timing.csv", "report.md" })
                Assert.True(File.Exists(Path.Combine(dir, f)), f);
            Assert.Equal(1 + 3 * 4 * 3, File.ReadAllLines(Path.Combine(dir, "runs.csv")).Length);
            var header = File.ReadLines(Path.Combine(dir, "runs.csv")).First().Split(',');
            // columns.csv describes runs.csv column by column, with the units the Parquet file's metadata gives.
            var table = Simulator.Edge.CsvTable.Parse(File.ReadAllLines(Path.Combine(dir, "columns.csv")), "column,unit,better,definition", (line, problem) => new InvalidDataException($"columns.csv:{line}: {problem}"));
            Assert.Equal(new[] { "column", "unit", "better", "definition" }, table.Header);
            var columns = table.Rows.ToDictionary(r => r[0], r => (Unit: r[1], Better: r[2], Definition: r[3]));
            Assert.Equal(header, columns.Keys);
            Assert.Equal(("1/s", "", "A swept setting: its value at the point (a quantity in the unit given; a section as its keys resolve)."), columns["scenario.arrivals.rate"]);
            Assert.Equal(("1/s", "higher"), (columns["throughput"].Unit, columns["throughput"].Better));
            Assert.Equal(("B", "lower"), (columns["bytes_disk"].Unit, columns["bytes_disk"].Better));
            await using (var parquet = await Parquet.ParquetReader.CreateAsync(Path.Combine(dir, "runs.parquet")))
            {
                Assert.Equal(36, parquet.RowGroups.Sum(g => g.RowCount));
                Assert.Equal(header, parquet.Schema.DataFields.Select(f => f.Name));
                var units = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(parquet.CustomMetadata["units"])!;
                Assert.NotEmpty(units);
                Assert.All(units, u => Assert.Equal(u.Value, columns[u.Key].Unit));
            }
            foreach (var plot in new[] { "00-throughput-vs-rate", "01-throughput-gain-vs-rate", "03-on_time_ratio", "04-breakdown", "05-bytes_saved", "06-latency-cdf", "07-queue_length", "08-gpu_memory" })
            {
                Assert.True(new FileInfo(Path.Combine(dir, "plots", plot + ".png")).Length > 10_000, plot);
                Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "plots", plot + ".svg")));
                Assert.Contains($"plots/{plot}.png", File.ReadAllText(Path.Combine(dir, "report.md")));
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Every_shipped_paper_experiment_validates_and_says_what_it_mirrors()
    {
        var files = new[] { "partialloading", "chasing" }.SelectMany(d => Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "experiments", d), "*.yaml")).ToArray();
        Assert.True(files.Length >= 9 + 6, $"{files.Length} experiment files");
        foreach (var file in files)
        {
            var (code, output, error) = CliHarness.Run("validate", file);
            Assert.True(code == 0, $"{file}: {error}");
            Assert.StartsWith($"ok: {Path.GetFileNameWithoutExtension(file)}: ", output);
            string text = File.ReadAllText(file);
            // Each says which figure it mirrors, or that it goes beyond the paper, and what the paper reports.
            Assert.True(text.Contains("Mirrors", StringComparison.Ordinal) || text.Contains("Beyond the paper", StringComparison.Ordinal), file);
            Assert.Contains("The paper reports", text);
        }
    }

    [Theory]
    [InlineData("horizon: 600 s", "horizn: 600 s", ":9: horizn: unknown key 'horizn'. Did you mean 'horizon'?")]
    [InlineData("deadline: 2 s", "deadline: 2 MB", "scenario.deadline: '2 MB' has unit 'MB', which is not a time")]
    [InlineData("strategies: [pl-dp, pl-greedy, no-sharing, fcfs]", "strategies: [pl-dp, pl-gredy, no-sharing, fcfs]", "Unknown strategy 'pl-gredy'. Did you mean 'pl-greedy'?")]
    [InlineData("scenario.arrivals.rate: [5 /s, 10 /s, 20 /s]", "scenario.arrivals.rat: [5 /s]", "unknown key 'rat' in 'scenario.arrivals.rat'. Did you mean 'rate'?")]
    public void A_bad_experiment_exits_2_with_file_line_and_what_was_expected(string original, string replacement, string message)
    {
        string file = Path.Combine(Path.GetTempPath(), $"exp-{Guid.NewGuid():N}.yaml");
        string text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "experiments", "quickstart.yaml"));
        Assert.Contains(original, text);
        File.WriteAllText(file, text.Replace(original, replacement, StringComparison.Ordinal));
        try
        {
            var (code, output, error) = CliHarness.Run("validate", file);
            Assert.Equal(2, code);
            Assert.StartsWith(file + ":", error);
            Assert.Contains(message, error);
            Assert.Empty(output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_experiment_file_and_a_bad_set_exit_2()
    {
        Assert.Equal(2, CliHarness.Run("validate", "nope.yaml").Code);
        var (code, _, error) = CliHarness.Run("run", "--set", "scenario.site.dsk=hdd-7200", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("unknown key 'dsk'", error);
        Assert.Contains("Did you mean 'disk'?", error);
    }

    [Fact]
    public void Validate_reports_the_grid_and_the_hash()
    {
        var (code, output, _) = CliHarness.Run("validate", Path.Combine(RepositoryRoot.Find(), "experiments", "quickstart.yaml"));
        Assert.Equal(0, code);
        Assert.Matches(@"^ok: quickstart: 3 point\(s\) x 4 strategies x 20 replications; sha256 [0-9a-f]{64}", output);
    }

    [Fact]
    public void Validate_checks_every_file_given_and_reports_every_refusal()
    {
        string root = RepositoryRoot.Find(), corpus = Path.Combine(root, "tests", "Simulator.Cli.Tests", "Corpus", "experiments");
        string quickstart = Path.Combine(root, "experiments", "quickstart.yaml"), storage = Path.Combine(root, "experiments", "partialloading", "pl-storage.yaml");
        var good = CliHarness.Run("validate", quickstart, storage, "--seed", "9");
        Assert.True(good.Code == 0, good.Error);
        // Each line is the one validate gives the file alone, with the same overrides.
        Assert.Equal(new[] { CliHarness.Run("validate", quickstart, "--seed", "9").Output.Trim(), CliHarness.Run("validate", storage, "--seed", "9").Output.Trim() },
            good.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));

        var mixed = CliHarness.Run("validate", Path.Combine(corpus, "tab-indent.yaml"), quickstart, Path.Combine(corpus, "trace-missing.yaml"));
        Assert.Equal(2, mixed.Code);
        Assert.StartsWith("ok: quickstart: ", mixed.Output);
        var refusals = mixed.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(3, refusals.Length);
        Assert.EndsWith("tab-indent.yaml:7: a tab in the indentation: YAML indents with spaces.", refusals[0]);
        Assert.Contains("trace-missing.yaml:11: scenario.arrivals.file: trace file", refusals[1]);
        Assert.Equal("2 of 3 files refused.", refusals[2]);
    }

}

public class ListCommandTests
{
    [Fact]
    public void List_profiles_gives_every_value_with_its_source_and_list_metrics_every_metric_of_each_kind()
    {
        var (code, output, _) = CliHarness.Run("list", "profiles");
        Assert.Equal(0, code);
        var values = output.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Simulator.Experiments.HardwareProfiles.Shipped.Values.Count, values.Length);
        Assert.All(values, v => Assert.Matches(@"^    \w+: \S.* \(.+\)$", v));
        Assert.Contains("    rate: 200 MB/s  (docs/site.md section 2", output, StringComparison.Ordinal);
        (code, output, _) = CliHarness.Run("list", "metrics");
        Assert.Equal(0, code);
        // Each kind's block lists each of its metrics with its unit, its direction and its definition, as declared,
        // then the levels its time series shows.
        var lines = output.Split('\n');
        foreach (var kind in Simulator.Experiments.ScenarioKinds.BuiltIn.All)
        {
            var block = lines.SkipWhile(l => l != kind.Name + ":").Skip(1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).ToArray();
            var levels = kind.TimeSeries?.Levels ?? Array.Empty<Simulator.Experiments.Level>();
            Assert.Equal(kind.Metrics.Count + levels.Count, block.Length);
            for (int i = 0; i < kind.Metrics.Count; i++)
            {
                var m = kind.Metrics.Metrics[i];
                Assert.StartsWith($"    {m.Name} (", block[i], StringComparison.Ordinal);
                Assert.EndsWith($"): {m.Definition}", block[i].TrimEnd('\r'), StringComparison.Ordinal);
            }
            for (int i = 0; i < levels.Count; i++)
                Assert.Equal($"    over time (timeseries y): {levels[i].Name} ({levels[i].Unit.Symbol}): {levels[i].Definition}", block[kind.Metrics.Count + i].TrimEnd('\r'));
        }
        Assert.Contains("    over time (timeseries y): stored_bytes (B): Bytes of model blocks the cloudlets' part stores hold, all cloudlets together.", output, StringComparison.Ordinal);
        Assert.Contains("    over time (timeseries y): queue_length (count): Requests waiting at the site for a batch. Summed over the cloudlets.", output, StringComparison.Ordinal);
        Assert.Contains("    throughput (1/s, higher is better): Requests served by their deadline per second", output, StringComparison.Ordinal);
        Assert.Contains("    latency_p95 (s, lower is better): ", output, StringComparison.Ordinal);
        Assert.Contains("    total_delay (s, lower is better, a bound for a relaxation): ", output, StringComparison.Ordinal);
        Assert.Contains("    arrived (count): ", output, StringComparison.Ordinal);
    }
}

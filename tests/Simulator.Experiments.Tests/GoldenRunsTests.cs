using Simulator.Testing;

namespace Simulator.Experiments.Tests;

/// <summary>
/// Every shipped experiment, shortened (two replications, a short horizon, fewer requests or points where a
/// run is long), gives the runs.csv and summary.csv stored under Golden/ byte for byte. A change that is meant
/// to move results regenerates them (<c>GOLDEN_UPDATE=1 dotnet test --filter GoldenRunsTests</c>) and says
/// why in its commit; any other change must leave them as they are.
/// </summary>
public class GoldenRunsTests
{
    private static readonly string Repo = RepositoryRoot.Find();
    private static readonly string Golden = Path.Combine(Repo, "tests", "Simulator.Experiments.Tests", "Golden");

    /// <summary>What shortens each experiment beyond two replications and 60 s.</summary>
    private static readonly Dictionary<string, string[]> Shortening = new(StringComparer.Ordinal)
    {
        ["chasing-online-long"] = new[] { "scenario.requests.count=5000", "plots=[]" },
        ["pl-dp-vs-optimal"] = new[] { "sweep={scenario.arrivals.count: [4, 6]}", "plots=[]" },
    };

    /// <summary>A site's round of users at t = 0 (batch-at-zero arrivals), which a warm-up would leave nothing to measure.</summary>
    private static readonly HashSet<string> OneRound = new(StringComparer.Ordinal) { "pl-users-one-round" };

    public static TheoryData<string> Experiments() => new(Files());

    /// <summary>
    /// A shipped experiment, shortened: two replications, 60 s, 10 s of warm-up where its runs pass time and measure
    /// after one, and less where a run is long.
    /// </summary>
    public static ExperimentSpec Shortened(string file)
    {
        string name = Path.GetFileNameWithoutExtension(file), path = Path.Combine(Repo, file);
        bool warm = ExperimentReader.Read(path).Kind is not OneRoundKind && !OneRound.Contains(name);
        var sets = new List<string> { "replications=2", "horizon=60 s", warm ? "warmup=10 s" : "warmup=0 s" };
        if (Shortening.TryGetValue(name, out var more)) sets.AddRange(more);
        return ExperimentReader.Read(path, sets);
    }

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(Path.Combine(Repo, "experiments"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("scenario:", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Repo, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_shipped_experiment_has_its_golden_files()
    {
        var names = Files().Select(Path.GetFileNameWithoutExtension).ToArray();
        Assert.True(names.Length >= 23, $"{names.Length} shipped experiments");
        if (Environment.GetEnvironmentVariable("GOLDEN_UPDATE") == "1") return;
        foreach (var name in names)
        {
            Assert.True(File.Exists(Path.Combine(Golden, name + ".runs.csv")), $"no Golden/{name}.runs.csv");
            Assert.True(File.Exists(Path.Combine(Golden, name + ".summary.csv")), $"no Golden/{name}.summary.csv");
        }
    }

    [Theory]
    [MemberData(nameof(Experiments))]
    public void A_shortened_run_gives_the_golden_runs_and_summaries(string file)
    {
        string name = Path.GetFileNameWithoutExtension(file);
        var spec = Shortened(file);
        var records = new Runner(spec, 2).Run();
        AssertFindingsRankByThePrimaryMetricAndNeverCrownABound(spec, Report.Markdown(spec, records));
        string runs = ResultWriter.RunsCsv(spec, records), summary = ResultWriter.SummaryCsv(spec, records);
        string runsFile = Path.Combine(Golden, name + ".runs.csv"), summaryFile = Path.Combine(Golden, name + ".summary.csv");
        if (Environment.GetEnvironmentVariable("GOLDEN_UPDATE") == "1")
        {
            File.WriteAllText(runsFile, runs);
            File.WriteAllText(summaryFile, summary);
            return;
        }
        AssertSameText(File.ReadAllText(runsFile), runs, name + ".runs.csv");
        AssertSameText(File.ReadAllText(summaryFile), summary, name + ".summary.csv");
    }

    /// <summary>
    /// The findings name the winner by the experiment's primary metric, and never a strategy that reports a bound (a
    /// relaxation, an oracle): read off the text, the line "Which strategy wins" or, for a sweep of several settings, its table.
    /// </summary>
    private static void AssertFindingsRankByThePrimaryMetricAndNeverCrownABound(ExperimentSpec spec, string report)
    {
        var findings = report.Split('\n').SkipWhile(l => l != "## Findings").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToArray();
        string wins = findings.Single(l => l.Contains("**Which strategy wins**", StringComparison.Ordinal));
        string best = spec.Primary.Better == Better.Higher ? "highest" : "lowest";
        Assert.Contains($"the {best} {spec.Primary.Words}", wins);
        var header = findings.FirstOrDefault(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("| winner |", StringComparison.Ordinal));
        var named = new List<string>();
        if (header is null) named.Add(wins[(wins.IndexOf("**Which strategy wins**", StringComparison.Ordinal) + 23)..]);
        else
        {
            int column = header.Split('|').Select(c => c.Trim()).ToList().IndexOf("winner");
            named.AddRange(findings.SkipWhile(l => l != header).Skip(2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')[column].Trim()));
        }
        foreach (var bound in spec.Strategies.Where(st => st.IsBound))
            Assert.DoesNotContain(named, n => n == bound.Label || n.Contains($" {bound.Label},", StringComparison.Ordinal) || n.Contains($": {bound.Label}", StringComparison.Ordinal) || n.Contains($"; {bound.Label}", StringComparison.Ordinal));
    }

    /// <summary>Equal, or the first line that differs, both ways, so a failure says where.</summary>
    private static void AssertSameText(string expected, string actual, string what)
    {
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"{what} differs at line {line + 1} ({e.Length} lines stored, {a.Length} now):\n  stored: {(line < e.Length ? e[line] : "(end)")}\n  now:    {(line < a.Length ? a[line] : "(end)")}");
    }
}

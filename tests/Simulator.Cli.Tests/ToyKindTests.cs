using System.Text.RegularExpressions;
using Simulator.Edge;
using Simulator.Experiments;
using Simulator.Strategies;

namespace Simulator.Cli.Tests;

/// <summary>
/// A scenario kind declared here, in the test assembly, and nowhere under src/: each replication flips a coin
/// with the scenario's bias as many times as it says, and a strategy keeps the heads its name's length lets it
/// keep (a toy, deterministic per replication, common to every strategy). Loaded with --plugin, it validates,
/// runs, lists, reports and plots like a built-in kind, reading only its declaration.
/// </summary>
public sealed class CoinFlipKind : ScenarioKind
{
    public static readonly Metric Heads = new("heads", MetricUnit.Count, "Heads the strategy kept.") { Better = Better.Higher };
    public static readonly Metric HeadRatio = new("head_ratio", MetricUnit.Fraction, "Heads kept per flip.") { Better = Better.Higher };

    public override string Name => "coin-flip";

    public override string Description => "A toy: a biased coin flipped over and over; each strategy keeps some heads.";

    public static readonly IntegerKey Flips = new("flips", 100, 1, 1_000_000, "How many times the coin is flipped.");
    public static readonly NumberKey Bias = new("bias", 0.5, Domain.NonNegative, "The chance of heads.", max: 1);

    public override SectionSchema Section { get; } = new("scenario (kind: coin-flip)", "A biased coin.", ExperimentKeys.ScenarioKind, Flips, Bias);

    public override MetricSet Metrics { get; } = new(new[] { Heads, HeadRatio }, Heads, new[] { Heads, HeadRatio });

    public override IReadOnlyList<PlotKind> Plots { get; } = new PlotKind[] { new LineCiPlot(), new BarsPlot() };

    public override StrategySlots Strategies { get; } = new(new HashSet<StrategyKind> { StrategyKind.Site });

    public override IScenario Read(Section scenario, ReadContext context)
    {
        return new CoinFlips(this, (int)scenario.Get(Flips), scenario.Get(Bias));
    }

    private sealed record CoinFlips(ScenarioKind Kind, int Flips, double Bias) : IScenario
    {
        public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
        {
            // A failure of the world itself, in every cell alike: the command line reports it once.
            if (Flips == 13) throw new InvalidOperationException("the coin rolled under the table");
            var coin = streams.Stream("coin");
            int heads = Enumerable.Range(0, Flips).Count(_ => coin.NextDouble() < Bias);
            int kept = heads * Math.Min(strategy.Label.Length, 10) / 10;
            var values = new MetricValues(Kind.Metrics) { [Heads] = kept, [HeadRatio] = (double)kept / Flips };
            return (new RunRecord(cell, values, 0, 0), null);
        }
    }
}

public class ToyKindTests
{
    private const string Experiment = """
        name: toy
        seed: 3
        replications: 3
        horizon: 1 s
        scenario: {kind: coin-flip, flips: 200, bias: 0.6}
        strategies: [fcfs, pl-greedy]
        baseline: fcfs
        sweep: {scenario.bias: [0.3, 0.6]}
        plots:
          - {x: scenario.bias, y: heads, kind: line-ci}
          - {y: head_ratio, kind: bars, at: {scenario.bias: 0.6}}
        """;

    private static string Plugin => typeof(CoinFlipKind).Assembly.Location;

    /// <summary>The toy experiment written to a new file in <paramref name="folder"/>, for tests of other commands.</summary>
    public static string ExperimentFile(string folder)
    {
        string file = Path.Combine(folder, $"toy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, Experiment);
        return file;
    }

    /// <summary>Runs <paramref name="body"/> with the experiment written to toy.yaml in a folder of its own, removed after.</summary>
    private static void WithExperiment(string text, Action<string, string> body)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"toy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "toy.yaml");
            File.WriteAllText(file, text);
            body(dir, file);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_failure_in_every_cell_is_reported_once_with_its_own_message() =>
        WithExperiment(Experiment.Replace("flips: 200", "flips: 13", StringComparison.Ordinal), (dir, file) =>
        {
            var run = CliHarness.Run("run", file, "--plugin", Plugin, "--out", Path.Combine(dir, "out"), "--quiet");
            Assert.Equal(1, run.Code);
            var lines = run.Error.Trim().Split('\n');
            Assert.Equal("failed: 12 cell(s) failed and none finished; running again into the same --out retries them:", lines[0]);
            // Every cell failed alike: one line, its first cells named, and the message once.
            Assert.Equal("  point 0, fcfs, replication 0; point 0, fcfs, replication 1; point 0, fcfs, replication 2; point 0, pl-greedy, replication 0; point 0, pl-greedy, replication 1 and 7 more: InvalidOperationException: the coin rolled under the table", lines[1]);
            Assert.Single(Regex.Matches(run.Error, "rolled under the table"));
            Assert.Equal("  where point 0, fcfs, replication 0 failed:", lines[2]);
            Assert.Contains("at Simulator.Cli.Tests.CoinFlip", lines[3]);
        });

    [Fact]
    public void A_kind_declared_outside_src_validates_runs_lists_reports_and_plots() => WithExperiment(Experiment, (dir, file) =>
        {
            var validate = CliHarness.Run("validate", file, "--plugin", Plugin);
            Assert.True(validate.Code == 0, validate.Error);
            Assert.Contains("ok: toy: 2 point(s) x 2 strategies", validate.Output);

            string output = Path.Combine(dir, "out");
            var run = CliHarness.Run("run", file, "-q", "-o", output, "--plugin", Plugin);
            Assert.True(run.Code == 0, run.Error);
            var header = File.ReadLines(Path.Combine(output, "runs.csv")).First();
            Assert.Equal("point,scenario.bias,strategy,replication,heads,head_ratio", header);
            string report = File.ReadAllText(Path.Combine(output, "report.md"));
            Assert.Contains("**Which strategy wins**: pl-greedy, with the highest heads at every one of the 2 points.", report);
            Assert.Contains("| bias | strategy | heads | head ratio (%) |", report);
            Assert.True(File.Exists(Path.Combine(output, "plots", "00-heads-vs-bias.png")));
            Assert.True(File.Exists(Path.Combine(output, "plots", "01-head_ratio.png")));

            var kinds = CliHarness.Run("list", "kinds", "--plugin", Plugin);
            Assert.Contains("coin-flip: A toy: a biased coin", kinds.Output);
            Assert.Contains("    plots: line-ci, bars", kinds.Output);
            var metrics = CliHarness.Run("list", "metrics", "--plugin", Plugin);
            Assert.Contains("coin-flip:\n    heads (count, higher is better): Heads the strategy kept.", metrics.Output.Replace("\r", "", StringComparison.Ordinal));
            var strategies = CliHarness.Run("list", "strategies", "--plugin", Plugin);
            Assert.Contains("fcfs [single-site, one-shot, network-of-sites, coin-flip]", strategies.Output);

            // Its declaration is checked like a built-in one's: a plot it does not offer, a key it does not take.
            var cdf = CliHarness.Run("validate", file, "--plugin", Plugin, "-s", "plots=[{kind: cdf, at: {scenario.bias: 0.6}}]");
            Assert.Equal(2, cdf.Code);
            Assert.Contains("a coin-flip scenario has line-ci, bars plots of its metrics: heads, head_ratio.", cdf.Error);
            var key = CliHarness.Run("validate", file, "--plugin", Plugin, "-s", "scenario.biass=0.5");
            Assert.Equal(2, key.Code);
            Assert.Contains("unknown key 'biass' in 'scenario.biass'. Did you mean 'bias'?", key.Error);

            // The experiment keeps the kinds it was read with; an environment of a kind without a decision names those that have one.
            var spec = ExperimentReader.Read(file, new[] { CommonOptions.PluginSet(new[] { Plugin })! });
            Assert.Contains(spec.Kinds.All, k => k.Name == "coin-flip");
            Assert.Equal($"a coin-flip scenario has no decision an outside policy can take; kinds that have one: {string.Join(", ", spec.Kinds.Deciding)}. (Parameter 'spec')",
                Assert.Throws<ArgumentException>(() => new ExperimentEnvironment(spec)).Message);
            Assert.Equal(new[] { "single-site", "one-shot", "network-one-shot", "network", "network-of-sites" }, spec.Kinds.Deciding);

            // A plots section of its metrics is checked in the kinds of --plugin too, and drawn by plot from the folder's plugins.
            string figures = Path.Combine(dir, "figures.yaml");
            File.WriteAllText(figures, "plots:\n  - {y: heads, kind: bars, at: {scenario.bias: 0.3}}\n");
            var section = CliHarness.Run("validate", figures, "--plugin", Plugin);
            Assert.Equal((0, "ok: figures.yaml: a plots section of 1 figure, drawn by coin-flip experiments; `plot <dir> --plots` checks its x and at against a folder's sweep"), (section.Code, section.Output.Trim()));
            var builtIn = CliHarness.Run("validate", figures);
            Assert.Equal(2, builtIn.Code);
            Assert.StartsWith($"{figures}:2: plots[0]: unknown metric 'heads'.", builtIn.Error, StringComparison.Ordinal);
            var redrawn = CliHarness.Run("plot", output, "--plots", figures);
            Assert.True(redrawn.Code == 0, redrawn.Error);
            Assert.Equal(new[] { "00-heads.png", "00-heads.svg" }, Directory.GetFiles(Path.Combine(output, "plots")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        });
}

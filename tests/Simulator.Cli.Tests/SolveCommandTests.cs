using System.Text.Json;
using Simulator.Cli;
using Simulator.Experiments;
using Simulator.Strategies;

namespace Simulator.Cli.Tests;

public class SolveCommandTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Instance = Path.Combine(Root, "experiments", "instances", "small-round.yaml");

    [Fact]
    public void Solve_prints_the_plan_as_JSON_and_it_is_the_evaluators_plan()
    {
        var (code, output, error) = CliHarness.Run("solve", Instance, "--strategy", "pl-dp");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var batches = json.RootElement.GetProperty("batches").EnumerateArray().ToArray();
        var plan = new Edge.Plan(batches.Select(b => new Edge.PlannedBatch(b.GetProperty("model").GetString()!, b.GetProperty("users").EnumerateArray().Select(u => u.GetInt64()).ToArray())).ToArray());
        var view = StaticInstanceYaml.Read(Instance);
        var evaluation = PlanEvaluator.Evaluate(new StaticProblem(view), plan);
        Assert.Equal(evaluation.Served, json.RootElement.GetProperty("value").GetInt32());
        Assert.True(json.RootElement.GetProperty("feasible").GetBoolean());
        Assert.Equal(6, evaluation.Served); // the optimum, proven by CP-SAT in the comparison below
        for (int n = 0; n < batches.Length; n++)
        {
            Assert.Equal(evaluation.Timings[n].Completion, batches[n].GetProperty("completion").GetDouble());
            double share = batches[n].GetProperty("bandwidth_hz").EnumerateObject().Sum(p => p.Value.GetDouble());
            Assert.Equal(20e6, share, 3);
        }
    }

    [Fact]
    public void Compare_prints_a_row_per_strategy_with_gaps_to_the_proven_optimum()
    {
        var (code, output, error) = CliHarness.Run("solve", Instance, "--compare", "pl-dp,fcfs,no-sharing");
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^pl-dp\s+6\s+0\.0 %", lines[1]);
        Assert.Matches(@"^fcfs\s+2\s+66\.7 %", lines[2]);
        // The GPU holds b/v0 whole: sharing-blind, no-sharing keeps it (it served 5 when it reloaded it).
        Assert.Matches(@"^no-sharing\s+6\s+0\.0 %", lines[3]);
        Assert.Contains("the optimum 6, proven by CP-SAT", lines[4]);
    }

    [Theory]
    [InlineData("--strategy", "pl-dpp", "Unknown strategy 'pl-dpp'. Did you mean 'pl-dp'?")]
    [InlineData("--param", "fallback", "--param takes name=value")]
    public void Bad_options_exit_2_with_the_message_on_stderr(string option, string value, string message)
    {
        var (code, output, error) = CliHarness.Run("solve", Instance, option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Empty(output);
    }

    [Fact]
    public void The_instances_allocation_is_the_one_a_strategy_runs_with() =>
        WithInstance("allocation: optimal", "allocation: equal", file =>
        {
            double[][] Shares(params string[] args)
            {
                var (code, output, error) = CliHarness.Run(new[] { "solve", file }.Concat(args).ToArray());
                Assert.True(code == 0, error);
                using var json = JsonDocument.Parse(output);
                return json.RootElement.GetProperty("batches").EnumerateArray()
                    .Select(b => b.GetProperty("bandwidth_hz").EnumerateObject().Select(p => p.Value.GetDouble()).ToArray()).ToArray();
            }
            // The file says equal: every batch splits the band evenly.
            foreach (var batch in Shares("--strategy", "fcfs"))
                Assert.All(batch, share => Assert.Equal(20e6 / batch.Length, share, 3));
            // The band's split is the site's, not a strategy's: a parameter cannot change it.
            var (code, _, error) = CliHarness.Run("solve", file, "--strategy", "fcfs", "--param", "bandwidth=optimal");
            Assert.Equal(2, code);
            Assert.Contains("Strategy 'fcfs' has no parameter 'bandwidth'.", error);
            // With the file's optimum instead, the split is uneven.
            File.WriteAllText(file, File.ReadAllText(file).Replace("allocation: equal", "allocation: optimal", StringComparison.Ordinal));
            Assert.Contains(Shares("--strategy", "fcfs"), batch => batch.Length > 1 && batch.Max() - batch.Min() > 1e3);
        });

    [Fact]
    public void A_misspelt_key_in_an_instance_exits_2_naming_file_line_and_suggestion() =>
        WithInstance("resident: {model: b/v0}", "residnet: {model: b/v0}", file =>
        {
            var (code, _, error) = CliHarness.Run("solve", file);
            Assert.Equal(2, code);
            Assert.Matches($@"{Regex(file)}:\d+: residnet: unknown key 'residnet'\. Did you mean 'resident'\?", error);
        });

    /// <summary>Runs <paramref name="test"/> on a copy of the shipped round with one text replaced.</summary>
    private static void WithInstance(string original, string replacement, Action<string> test)
    {
        string file = Path.Combine(Path.GetTempPath(), $"round-{Guid.NewGuid():N}.yaml");
        string text = File.ReadAllText(Instance);
        Assert.Contains(original, text);
        File.WriteAllText(file, text.Replace(original, replacement, StringComparison.Ordinal));
        try
        {
            test(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_instance_exits_2()
    {
        var (code, _, error) = CliHarness.Run("solve", "no-such-file.yaml");
        Assert.Equal(2, code);
        Assert.Contains("no such instance file", error);
    }

    [Fact]
    public void List_strategies_names_every_registered_strategy()
    {
        var (code, output, _) = CliHarness.Run("list", "strategies");
        Assert.Equal(0, code);
        // Each strategy with the scenario kinds that run it: site strategies where a site plans; a relaxation only in a
        // window at t = 0; a selector that reads the sites only where cloudlets run them; the others in every network.
        foreach (var s in StrategyRegistry.BuiltIn.Strategies)
        {
            string kinds = s.Kind == StrategyKind.Site ? "single-site, one-shot, network-of-sites"
                : s.Needs is not null ? "network-of-sites"
                : s.Kind == StrategyKind.Network && s.Bound ? "network-one-shot"
                : "network-one-shot, network, network-of-sites";
            Assert.Contains($"{s.Name} [{kinds}]: ", output);
        }
        Assert.Contains("mec-ilp [network-one-shot, network, network-of-sites]: ", output);
        Assert.Contains("mec-lp [network-one-shot]: ", output);
        Assert.Contains("requested [network-of-sites]: ", output);
    }


    private static string Regex(string s) => System.Text.RegularExpressions.Regex.Escape(s);
}

namespace Simulator.Cli.Tests;

/// <summary>
/// Outside policies as strategies (<c>{external: {command, startup, timeout, label}}</c>): run by the ordinary runner with
/// replications and the baseline's paired intervals; a policy that reproduces fcfs gives fcfs's numbers; one that
/// dies, stalls, answers out of range or not in JSON fails its cells alone, with a message that says which and why.
/// </summary>
public sealed class ExternalPolicyTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"external-{Guid.NewGuid():N}");
    private static readonly string Policies = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "tests", "Simulator.Cli.Tests", "Policies");

    public ExternalPolicyTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, true);

    private string Experiment(string strategies, string timeout = "10 s")
    {
        string file = Path.Combine(root, $"e-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, $"""
            name: external
            seed: 4
            replications: 3
            horizon: 40 s
            warmup: 5 s
            scenario:
              kind: single-site
              catalog: {"{"}name: two-resnet50-clusters{"}"}
              site: {"{"}disk: hdd-7200, gpu: {"{"}device: rtx4090{"}"}{"}"}
              uplink: {"{"}bandwidth: 20 MHz{"}"}
              arrivals: {"{"}process: poisson, rate: 12 /s{"}"}
              deadline: 2 s
            strategies: {strategies.Replace("TIMEOUT", timeout, StringComparison.Ordinal)}
            baseline: fcfs
            """);
        return file;
    }

    // Start-up is wall clock on a machine the other tests load, so it gets room in every case but the one where it
    // must expire (a policy that never answers begin: any limit does).
    private static string Policy(string script, string args = "", string startup = "300 s") => $"{{external: {{command: '{Simulator.Testing.Python.Find()} {Path.Combine(Policies, script)}{args}', label: LABEL, startup: {startup}, timeout: TIMEOUT}}}}";

    [Fact]
    public void A_policy_that_decides_as_fcfs_gives_fcfs_numbers_in_the_ordinary_runner()
    {
        string file = Experiment($"[fcfs, {Policy("fcfs.py").Replace("LABEL", "fcfs-outside", StringComparison.Ordinal)}]", timeout: "120 s");
        var (code, output, error) = CliHarness.Run("run", file, "--quiet", "--out", Path.Combine(root, "out"));
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(Path.Combine(root, "out", "runs.csv"));
        var header = rows[0].Split(',');
        int strategy = Array.IndexOf(header, "strategy"), metricsFrom = Array.IndexOf(header, "arrived");
        Assert.True(metricsFrom > 0, rows[0]);
        string Metrics(string row) => string.Join(",", row.Split(',')[metricsFrom..].TakeWhile((_, i) => !header[metricsFrom + i].StartsWith("decision_ms", StringComparison.Ordinal)));
        var fcfs = rows.Skip(1).Where(r => r.Split(',')[strategy] == "fcfs").Select(Metrics).ToArray();
        var outside = rows.Skip(1).Where(r => r.Split(',')[strategy] == "fcfs-outside").Select(Metrics).ToArray();
        Assert.Equal(3, fcfs.Length);
        Assert.Equal(fcfs, outside);
        // Compared with the baseline like any strategy: the paired difference is exactly 0.
        Assert.Contains("fcfs-outside", File.ReadAllText(Path.Combine(root, "out", "paired.csv")));
        Assert.Contains("fcfs-outside", output);
    }

    [Theory]
    [InlineData("die", "exited with code 3 before answering act, at decision 5", "policy: something went wrong")]
    [InlineData("stall", "gave no answer to act within 10 s (the entry's timeout), at decision 5", "")]
    [InlineData("range", "answered action", "the actions are 0 to")]
    [InlineData("garbage", "answered thinking..., which is not a JSON message", "")]
    [InlineData("twice", "which gives 'action' twice, at decision 5", "")]
    public void A_policy_that_fails_fails_its_cell_alone_with_a_message_and_the_other_cells_are_kept(string how, string gist, string detail)
    {
        // Limits are wall clock: only the stalling cases need one that expires, and the one on decisions must still
        // leave the well-behaved replications' decisions room on a loaded machine.
        string file = Experiment($"[fcfs, {Policy("misbehaving.py", " " + how).Replace("LABEL", "flaky", StringComparison.Ordinal)}]", timeout: how == "stall" ? "10 s" : "120 s");
        string outDir = Path.Combine(root, "out-" + how);
        var (code, _, error) = CliHarness.Run("run", file, "--quiet", "--out", outDir);
        Assert.Equal(1, code);
        Assert.True(error.Contains("1 cell(s) failed", StringComparison.Ordinal), error);
        Assert.Contains("point 0, flaky, replication 1: policy 'flaky'", error);
        Assert.Contains(gist, error);
        Assert.Contains(detail, error);
        Assert.DoesNotContain("   at ", error);
        // Every other cell ran and is kept; nothing is summarised from an incomplete grid.
        var cells = File.ReadAllLines(Path.Combine(outDir, "cells.csv")).Skip(1).Select(l => l.Split(',')).Select(f => (f[1], f[2])).ToHashSet();
        Assert.Equal(5, cells.Count);
        Assert.DoesNotContain(("1", "1"), cells);
        Assert.False(File.Exists(Path.Combine(outDir, "summary.csv")));
    }

    [Fact]
    public void A_policy_is_given_a_seed_from_the_experiments_seed_the_point_and_the_replication_whatever_its_label()
    {
        string[] Seeds(string label, string seed)
        {
            string file = Experiment($"[fcfs, {Policy("misbehaving.py", " report-seed").Replace("LABEL", label, StringComparison.Ordinal)}]", timeout: "120 s");
            var (code, _, error) = CliHarness.Run("run", file, "--quiet", "--seed", seed, "--out", Path.Combine(root, $"out-seed-{Guid.NewGuid():N}"));
            Assert.Equal(1, code);
            var spec = Simulator.Experiments.ExperimentReader.Read(file, new[] { $"seed={seed}" });
            return Enumerable.Range(0, 3).Select(r =>
            {
                long expected = Simulator.Experiments.ExternalPolicy.SeedOf(Simulator.Experiments.Runner.Streams(spec, 0, r));
                Assert.InRange(expected, 0, (1L << 53) - 1);
                Assert.Contains($"point 0, {label}, replication {r}: policy '{label}' ({Simulator.Testing.Python.Find()} ", error);
                Assert.Contains($"reported an error: seed {expected} point 0 replication {r} build {Simulator.Experiments.SimulatorBuild.Current}", error);
                return expected.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }).ToArray();
        }
        var first = Seeds("one", "4");
        Assert.Equal(3, first.Distinct().Count());
        Assert.Equal(first, Seeds("another", "4"));
        Assert.Empty(first.Intersect(Seeds("one", "5")));
    }

    [Fact]
    public void A_policy_that_never_answers_begin_fails_on_its_start_up_time_not_its_decision_timeout()
    {
        // Every replication stalls, so the short limit can only expire: no well-behaved start is timed on a busy machine.
        string entry = Policy("misbehaving.py", " stall-begin", startup: "1 s").Replace("LABEL", "slow", StringComparison.Ordinal);
        string outDir = Path.Combine(root, "out-begin");
        var (code, _, error) = CliHarness.Run("run", Experiment($"[fcfs, {entry}]", timeout: "120 s"), "--quiet", "--out", outDir);
        Assert.Equal(1, code);
        Assert.True(error.Contains("3 cell(s) failed", StringComparison.Ordinal), error);
        Assert.Contains("point 0, slow, replication 2: policy 'slow'", error);
        Assert.Contains("gave no answer to begin within 1 s (the entry's start-up time), at decision 0.", error);
        // Only fcfs's three replications (strategy 0) ran and are kept.
        var cells = File.ReadAllLines(Path.Combine(outDir, "cells.csv")).Skip(1).Select(l => l.Split(',')).Select(f => $"{f[1]}/{f[2]}").Order().ToArray();
        Assert.Equal(["0/0", "0/1", "0/2"], cells);
    }

    [Theory]
    [InlineData("chasing/chasing-online.yaml", "scenario.network.cloudlets=20|scenario.requests.count=60|sweep=null", "mec-egreedy", "OUTSIDE", "least-delay")]
    [InlineData("network/sites-2x2-llama-lora.yaml", "scenario.network.cloudlets=4|horizon=90 s", "{select: mec-ilp, schedule: pl-dp}", "{select: OUTSIDE, schedule: pl-dp}", "least-delay+pl-dp")]
    public void A_policy_selects_in_the_runner_as_the_environment_driven_with_its_choices_does(string file, string shorter, string builtIn, string entry, string label)
    {
        string outside = entry.Replace("OUTSIDE", Policy("least_delay.py").Replace("LABEL", "least-delay", StringComparison.Ordinal).Replace("TIMEOUT", "120 s", StringComparison.Ordinal), StringComparison.Ordinal);
        string baseline = builtIn.StartsWith('{') ? "mec-ilp+pl-dp" : builtIn;
        string[] sets = [.. shorter.Split('|'), "replications=2", "plots=[]", $"strategies=[{builtIn}, {outside}]", $"baseline={baseline}"];
        string experiment = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", file);
        var (code, output, error) = CliHarness.Run(["run", experiment, "--quiet", "--out", Path.Combine(root, "out"), .. sets.SelectMany(s => new[] { "--set", s })]);
        Assert.True(code == 0, error);
        Assert.Contains(label, output);

        // The same rule stepped in the environment of the same experiment, in process: the same worlds, the same metrics.
        var spec = Simulator.Experiments.ExperimentReader.Read(experiment, sets);
        var rows = File.ReadAllLines(Path.Combine(root, "out", "runs.csv"));
        for (int replication = 0; replication < 2; replication++)
        {
            var episode = new Simulator.Experiments.ExperimentEnvironment(spec).Reset(replication);
            var names = episode.Space.Observation;
            var delays = Enumerable.Range(0, names.Count).Where(i => names[i].EndsWith(".delay_s", StringComparison.Ordinal)).ToArray();
            int steps = 0;
            while (!episode.Over)
            {
                var observation = episode.Observation.ToArray();
                int best = 0;
                for (int k = 1; k < delays.Length; k++)
                    if (observation[delays[k]] < observation[delays[best]]) best = k;
                episode.Step(best);
                steps++;
            }
            Assert.True(steps >= 50, $"{steps} decisions");
            AssertWritten(spec, rows, label, replication, episode.Metrics());
        }
    }

    [Fact]
    public void A_policy_plans_a_round_in_the_runner_as_the_environment_driven_with_its_choices_does()
    {
        // fcfs.py's rule on the first paper's static round: the model whose oldest user has waited longest (all waited
        // the same in a round at t = 0, so the first such model), one batch a step.
        string outside = Policy("fcfs.py").Replace("LABEL", "oldest", StringComparison.Ordinal).Replace("TIMEOUT", "120 s", StringComparison.Ordinal);
        string[] sets = ["sweep=null", "scenario.arrivals.count=10", "scenario.deadline={min: 1 s, max: 2 s}", "replications=3", "plots=[]", $"strategies=[pl-dp, {outside}]", "baseline=pl-dp"];
        string experiment = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "partialloading", "pl-dp-vs-optimal.yaml");
        var (code, output, error) = CliHarness.Run(["run", experiment, "--quiet", "--out", Path.Combine(root, "out"), .. sets.SelectMany(s => new[] { "--set", s })]);
        Assert.True(code == 0, error);
        Assert.Contains("oldest", output);
        var spec = Simulator.Experiments.ExperimentReader.Read(experiment, sets);
        var rows = File.ReadAllLines(Path.Combine(root, "out", "runs.csv"));
        for (int replication = 0; replication < 3; replication++)
        {
            var episode = new Simulator.Experiments.ExperimentEnvironment(spec).Reset(replication);
            int steps = 0;
            double rewards = 0;
            while (!episode.Over)
            {
                var observation = episode.Observation.ToArray();
                var mask = episode.Mask.ToArray();
                int wait = mask.Length - 1, best = wait;
                for (int k = 0; k < wait; k++)
                    if (mask[k] && (best == wait || observation[7 * k + 2] > observation[7 * best + 2])) best = k;
                rewards += episode.Step(best).Reward;
                steps++;
            }
            Assert.True(steps >= 2, $"{steps} batches");
            var metrics = episode.Metrics();
            Assert.Equal(rewards, metrics[spec.Primary]);
            AssertWritten(spec, rows, "oldest", replication, metrics);
        }
    }

    /// <summary>Every metric of <paramref name="label"/>'s row of runs.csv for the replication, as the episode gives it.</summary>
    private static void AssertWritten(Simulator.Experiments.ExperimentSpec spec, string[] rows, string label, int replication, Simulator.Experiments.MetricValues metrics)
    {
        var header = rows[0].Split(',');
        var row = rows.Skip(1).Select(r => r.Split(',')).Single(r => r[Array.IndexOf(header, "strategy")] == label && r[Array.IndexOf(header, "replication")] == $"{replication}");
        foreach (var metric in spec.Metrics.Metrics)
        {
            string written = row[Array.IndexOf(header, metric.Name)];
            double value = metrics[metric];
            Assert.True(double.IsNaN(value) ? written == "NaN" : written == value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), $"{metric.Name}: runs.csv '{written}', episode {value}");
        }
    }

    [Fact]
    public void Validate_finds_a_missing_program_and_a_kind_without_decisions()
    {
        var missing = CliHarness.Run("validate", Experiment("[fcfs, {external: {command: no-such-program --x}}]"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("the program 'no-such-program' is neither a file", missing.Error);
        // Every built-in kind has a decision; a kind without one (ToyKindTests' coin flips) refuses the entry.
        string round = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "partialloading", "pl-dp-vs-optimal.yaml");
        var kind = CliHarness.Run("validate", round, "--set", $"strategies=[pl-dp, {Policy("fcfs.py").Replace("LABEL", "x", StringComparison.Ordinal).Replace("TIMEOUT", "1 s", StringComparison.Ordinal)}]", "--set", "baseline=pl-dp");
        Assert.True(kind.Code == 0, kind.Error);
        var toy = CliHarness.Run("validate", ToyKindTests.ExperimentFile(root), "--plugin", typeof(CoinFlipKind).Assembly.Location, "--set", $"strategies=[fcfs, {Policy("fcfs.py").Replace("LABEL", "x", StringComparison.Ordinal).Replace("TIMEOUT", "1 s", StringComparison.Ordinal)}]");
        Assert.Equal(2, toy.Code);
        Assert.Contains("'x' is an external policy; a coin-flip scenario has no decision an outside policy can take (kinds that have one: single-site, one-shot, network-one-shot, network, network-of-sites)", toy.Error);
        // A network of sites takes one as a pair's selector, not alone.
        string sites = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "network", "sites-2x2-llama-lora.yaml");
        var alone = CliHarness.Run("validate", sites, "--set", $"strategies=[{{select: mec-ilp, schedule: pl-dp}}, {Policy("fcfs.py").Replace("LABEL", "x", StringComparison.Ordinal).Replace("TIMEOUT", "1 s", StringComparison.Ordinal)}]", "--set", "baseline=mec-ilp+pl-dp");
        Assert.Equal(2, alone.Code);
        Assert.Contains("pair the outside policy, as the selector, with the site strategy its cloudlets batch with: {select: {external: {...}}, schedule: pl-dp}", alone.Error);
        var label = CliHarness.Run("validate", Experiment("[fcfs, {external: {command: python3, label: 'a b'}}]"));
        Assert.Equal(2, label.Code);
        Assert.Contains("the label 'a b' is 1 to 60 letters", label.Error);
    }
}

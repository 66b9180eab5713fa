namespace Simulator.Cli.Tests;

/// <summary>A strategy from a user's own assembly (tests/Simulator.Plugin.Sample), loaded with --plugin: listed, validated, run, and refused with the file and line when it cannot be used.</summary>
public class PluginTests
{
    /// <summary>The sample plugin as built beside these tests (same configuration).</summary>
    internal static string Sample() => Built("Simulator.Plugin.Sample");

    /// <summary>The plugin with faults (tests/Simulator.Plugin.Faults): a constructor that refuses, a plan that throws.</summary>
    internal static string Faults() => Built("Simulator.Plugin.Faults");

    private static string Built(string project)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string dll = Path.Combine(RepositoryRoot.Find(), "tests", project, "bin", configuration, "net10.0", project + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is built with the tests (a project reference of this test project)");
        return dll;
    }

    [Fact]
    public void A_plugin_builds_against_the_abstractions_alone_which_carry_no_solver_plotting_or_yaml()
    {
        var sample = System.Reflection.AssemblyName.GetAssemblyName(Sample());
        var references = System.Reflection.Assembly.LoadFile(Sample()).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Simulator", StringComparison.Ordinal)).ToArray();
        Assert.Equal("Simulator.Plugin.Sample", sample.Name);
        Assert.Equal(new[] { "Simulator.Abstractions", "Simulator.Edge" }, references.Order(StringComparer.Ordinal));
        // What a plugin reaches through them: the world's views and interfaces, the kernel, the framework; no package.
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<System.Reflection.Assembly>(new[] { typeof(Simulator.Strategies.StrategyAttribute).Assembly, typeof(Simulator.Edge.IBatchScheduler).Assembly });
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            if (!closure.Add(assembly.GetName().Name!)) continue;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => !r.Name!.StartsWith("System", StringComparison.Ordinal) && r.Name != "netstandard"))
                pending.Push(System.Reflection.Assembly.Load(reference));
        }
        Assert.Equal(new[] { "Simulator.Abstractions", "Simulator.Edge", "Simulator.Kernel" }, closure.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_plugin_strategy_is_listed_and_runs_like_a_built_in_one()
    {
        var (code, listed, _) = CliHarness.Run("list", "strategies", "--plugin", Sample());
        Assert.Equal(0, code);
        Assert.Contains("most-queued [single-site, one-shot, network-of-sites]: Sample plugin", listed);
        Assert.Contains("fcfs [single-site, one-shot, network-of-sites]", listed);

        string output = Path.Combine(Path.GetTempPath(), $"plugin-{Guid.NewGuid():N}");
        try
        {
            var run = CliHarness.Run("run", "-q", "-o", output, "--plugin", Sample(), "-r", "2", "-s", "horizon=20 s", "-s", "warmup=2 s", "-s", "strategies=[most-queued, fcfs]",
                "-s", "baseline=fcfs", "-s", "sweep={scenario.arrivals.rate: [10 /s]}", "-s", "plots=[]");
            Assert.True(run.Code == 0, run.Error);
            var rows = File.ReadAllLines(Path.Combine(output, "runs.csv")).Skip(1).ToArray();
            Assert.Equal(2, rows.Count(r => r.Contains(",most-queued,", StringComparison.Ordinal)));
            // It served requests: its throughput column is positive in every replication.
            var header = File.ReadLines(Path.Combine(output, "runs.csv")).First().Split(',');
            int throughput = Array.IndexOf(header, "throughput");
            Assert.All(rows.Where(r => r.Contains(",most-queued,", StringComparison.Ordinal)), r => Assert.True(double.Parse(r.Split(',')[throughput], System.Globalization.CultureInfo.InvariantCulture) > 0));
            // The resolved config names the plugin (absolute) and runs again to the same cells.
            string resolved = File.ReadAllText(Path.Combine(output, "config.resolved.yaml"));
            Assert.Contains(Sample(), resolved);
            Assert.Contains("sha256", resolved);
            string again = output + "-again";
            var rerun = CliHarness.Run("run", "-q", "-o", again, Path.Combine(output, "config.resolved.yaml"));
            Assert.True(rerun.Code == 0, rerun.Error);
            Assert.Equal(File.ReadAllText(Path.Combine(output, "runs.csv")), File.ReadAllText(Path.Combine(again, "runs.csv")));
            Directory.Delete(again, true);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }

    [Fact]
    public void A_plugin_named_twice_or_a_copy_of_one_is_refused_saying_which()
    {
        var twice = CliHarness.Run("list", "strategies", "--plugin", Sample(), "--plugin", Sample());
        Assert.Equal(2, twice.Code);
        Assert.Contains($"plugin '{Sample()}' is named twice.", twice.Error);
        string copy = Path.Combine(Path.GetTempPath(), $"plugin-{Guid.NewGuid():N}.dll");
        File.Copy(Sample(), copy);
        try
        {
            var clash = CliHarness.Run("list", "strategies", "--plugin", Sample(), "--plugin", copy);
            Assert.Equal(2, clash.Code);
            Assert.Contains($"plugin '{copy}': Two strategies are named 'most-queued': MostQueuedScheduler (in {Sample()}) and MostQueuedScheduler (in {copy}).", clash.Error);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void A_plugin_finds_the_assemblies_it_depends_on_beside_it_and_shares_the_simulators_own()
    {
        // The faults plugin's words come from an assembly of its own, beside it and nowhere in the host.
        string beside = Path.Combine(Path.GetDirectoryName(Faults())!, "Simulator.Plugin.Dependency.dll");
        Assert.True(File.Exists(beside), beside);
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "Simulator.Plugin.Dependency.dll")));
        // Its folder also holds copies of the simulator's assemblies; the host's are used, or the strategy would implement another IBatchScheduler.
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(Faults())!, "Simulator.Edge.dll")));
        var (code, listed, error) = CliHarness.Run("list", "strategies", "--plugin", Faults());
        Assert.True(code == 0, error);
        Assert.Contains("throws-when-busy [single-site, one-shot, network-of-sites]", listed);
    }

    [Fact]
    public void A_plugin_strategy_that_throws_fails_its_cells_with_where_it_threw_and_the_other_cells_are_kept()
    {
        // The message is made in the plugin's own dependency (Simulator.Plugin.Dependency), so the run also shows it loads.
        RunWithFaults("throws-when-busy", "30 /s", (output, error) =>
        {
            Assert.Contains("failed: 2 cell(s) failed; the other 2 ran and are kept", error);
            // Cells that failed alike share a line.
            Assert.Matches(@"point 0, throws-when-busy, replication 0(; point 0, throws-when-busy, replication 1)?: InvalidOperationException: \d+ requests queued, more than 2\.", error);
            Assert.Matches(@"point 0, throws-when-busy, replication 1: InvalidOperationException: \d+ requests queued, more than 2\.", error);
            // Where it threw, from the strategy's own frame down to the scenario; the runner's and the framework's are left out.
            Assert.Contains("where point 0, throws-when-busy, replication 0 failed:", error);
            Assert.Contains("at Simulator.Plugin.Faults.ThrowsWhenBusyScheduler.Plan(SiteView view)", error);
            Assert.DoesNotContain("Simulator.Experiments.Runner", error);
            Assert.EndsWith("A fault in code fails again while the code is the same; a rebuilt plugin is another configuration, to run into a new --out.", error.TrimEnd());
            var cells = File.ReadAllLines(Path.Combine(output, "cells.csv")).Skip(1).Select(l => l.Split(',')).Select(f => $"{f[1]}/{f[2]}").Order().ToArray();
            Assert.Equal(new[] { "0/0", "0/1" }, cells);
            Assert.False(File.Exists(Path.Combine(output, "summary.csv")));
        });
    }

    /// <summary>Two replications of the quickstart with the faults plugin, fcfs beside <paramref name="strategy"/>, which must fail the run; its folder is checked, then removed.</summary>
    private static void RunWithFaults(string strategy, string rate, Action<string, string> check)
    {
        string output = Path.Combine(Path.GetTempPath(), $"plugin-{Guid.NewGuid():N}");
        try
        {
            var (code, _, error) = CliHarness.Run("run", "-q", "-o", output, "--plugin", Faults(), "-r", "2", "-s", "horizon=20 s", "-s", "warmup=2 s",
                "-s", $"strategies=[fcfs, {strategy}]", "-s", "baseline=fcfs", "-s", $"sweep={{scenario.arrivals.rate: [{rate}]}}", "-s", "plots=[]");
            Assert.Equal(1, code);
            check(output, error);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }

    [Theory]
    [InlineData("chasing-online.yaml", "mec-ilp", "pulls-from-nowhere returned an invalid plan: request 0: location -1 is not in the network (cloudlets 0 to 99, the data centre 100);", "and 395 more.", "0 s")]
    [InlineData("chasing-stochastic.yaml", "ready-first", "Request 0: the plan pulls from location -1, which is not in the network (cloudlets 0 to 124, the data centre 125).", "", "5 s")]
    public void A_network_plan_that_pulls_from_outside_the_network_fails_its_cells_saying_so(string experiment, string baseline, string gist, string tail, string warmup)
    {
        string output = Path.Combine(Path.GetTempPath(), $"plugin-{Guid.NewGuid():N}");
        try
        {
            // One window (network-one-shot) and windows through simulated time (network): each checks a plan before it is used.
            var (code, _, error) = CliHarness.Run("run", Path.Combine(RepositoryRoot.Find(), "experiments", "chasing", experiment), "-q", "-o", output, "--plugin", Faults(), "-r", "2",
                "-s", $"strategies=[{baseline}, pulls-from-nowhere]", "-s", $"baseline={baseline}", "-s", "sweep={}", "-s", "plots=[]", "-s", "horizon=30 s", "-s", $"warmup={warmup}");
            Assert.Equal(1, code);
            Assert.Contains("2 cell(s) failed; the other 2 ran and are kept", error);
            Assert.Contains("point 0, pulls-from-nowhere, replication 0; point 0, pulls-from-nowhere, replication 1: InvalidOperationException: " + gist, error);
            // A fault per request is not a line per request: the first five, and how many more.
            Assert.Contains(tail, error);
            Assert.True(error.Split('\n').All(line => line.Length < 1000), error);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }

    [Fact]
    public void What_a_plugin_strategy_gets_wrong_is_its_fault_even_when_the_simulator_throws_an_input_error_for_it()
    {
        // The catalog refuses an unknown model id as it would a bad file; thrown through the plugin's code, it is the plugin's bug.
        RunWithFaults("asks-for-no-model", "10 /s", (_, error) =>
        {
            Assert.Contains("point 0, asks-for-no-model, replication 0; point 0, asks-for-no-model, replication 1: CatalogException: Unknown model 'no-such-model'.", error);
            Assert.Contains("at Simulator.Plugin.Faults.AsksForNoModelScheduler.Plan(SiteView view)", error);
        });
    }

    [Fact]
    public void A_value_a_plugin_strategys_constructor_refuses_is_refused_by_validate_at_its_line_with_the_constructors_words()
    {
        var refused = CliHarness.Run("validate", "--plugin", Faults(), "-s", "strategies=[fcfs, {name: throws-when-busy, limit: 3}]", "-s", "baseline=fcfs");
        Assert.Equal(2, refused.Code);
        Assert.Contains("--set:1: strategies[1].name: Strategy 'throws-when-busy' could not be built: ArgumentOutOfRangeException: The limit must be even.", refused.Error);
        var accepted = CliHarness.Run("validate", "--plugin", Faults(), "-s", "strategies=[fcfs, {name: throws-when-busy, limit: 4}]", "-s", "baseline=fcfs");
        Assert.True(accepted.Code == 0, accepted.Error);
    }

    [Fact]
    public void Solve_plans_a_round_with_a_plugin_strategy_compares_it_and_says_which_strategy_threw_and_where()
    {
        string round = Path.Combine(RepositoryRoot.Find(), "experiments", "instances", "small-round.yaml");
        var compared = CliHarness.Run("solve", round, "--compare", "pl-dp,most-queued", "--plugin", Sample());
        Assert.True(compared.Code == 0, compared.Error);
        // Its plan is evaluated like a built-in one: the small round's optimum is 6 users, most-queued serves 2 of them.
        Assert.Matches(@"most-queued\s+2\s+66\.7 %", compared.Output);
        Assert.Contains("gaps are to the optimum 6, proven by CP-SAT.", compared.Output);

        var threw = CliHarness.Run("solve", round, "--strategy", "throws-when-busy", "--plugin", Faults());
        Assert.Equal(1, threw.Code);
        Assert.Contains("failed: strategy 'throws-when-busy' failed while planning: InvalidOperationException: 8 requests queued, more than 2.", threw.Error);
        Assert.Contains("at Simulator.Plugin.Faults.ThrowsWhenBusyScheduler.Plan(SiteView view)", threw.Error);
        Assert.DoesNotContain("Simulator.Cli.SolveCommand", threw.Error);

        var unknown = CliHarness.Run("solve", round, "--strategy", "most-queued");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("Unknown strategy 'most-queued'", unknown.Error);
    }

    [Fact]
    public void Without_the_plugin_its_strategy_is_unknown_and_a_bad_plugin_is_refused_by_validate()
    {
        var (code, _, error) = CliHarness.Run("validate", "-s", "strategies=[most-queued, fcfs]", "-s", "baseline=fcfs");
        Assert.Equal(2, code);
        Assert.Contains("Unknown strategy 'most-queued'", error);

        var missing = CliHarness.Run("validate", "--plugin", "/nonexistent/x.dll");
        Assert.Equal(2, missing.Code);
        Assert.Contains("--plugin /nonexistent/x.dll: no such file.", missing.Error);

        string notAssembly = Path.Combine(Path.GetTempPath(), $"plugin-{Guid.NewGuid():N}.dll");
        File.WriteAllText(notAssembly, "not a dll");
        try
        {
            var bad = CliHarness.Run("validate", "--plugin", notAssembly);
            Assert.Equal(2, bad.Code);
            Assert.Contains("is not a .NET assembly", bad.Error);
        }
        finally
        {
            File.Delete(notAssembly);
        }

        // An assembly without strategies (the kernel's) says so.
        string kernel = typeof(Simulator.Kernel.Simulation).Assembly.Location;
        var none = CliHarness.Run("validate", "--plugin", kernel);
        Assert.Equal(2, none.Code);
        Assert.Contains("has no class marked [Strategy(...)]", none.Error);
    }

    [Fact]
    public void A_plugin_named_in_the_file_is_found_relative_to_it_and_its_line_is_given_when_missing()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"plugin-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string quickstart = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "experiments", "quickstart.yaml"));
            File.Copy(Sample(), Path.Combine(folder, "sample.dll"));
            string file = Path.Combine(folder, "with-plugin.yaml");
            File.WriteAllText(file, "plugins: [sample.dll]\n" + quickstart.Replace("strategies: [pl-dp, pl-greedy, no-sharing, fcfs]", "strategies: [most-queued, no-sharing]"));
            var (code, _, error) = CliHarness.Run("validate", file);
            Assert.True(code == 0, error);
            File.WriteAllText(file, "plugins: [absent.dll]\n" + quickstart);
            var missing = CliHarness.Run("validate", file);
            Assert.Equal(2, missing.Code);
            Assert.Contains($"{file}:1: plugins: plugin '{Path.Combine(folder, "absent.dll")}' does not exist.", missing.Error);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}

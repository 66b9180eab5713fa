namespace Simulator.Cli.Tests;

/// <summary>config.resolved.yaml is an experiment: run again, from another folder, it reproduces the run.</summary>
public sealed class ResolvedConfigTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"resolved-{Guid.NewGuid():N}");

    [Fact]
    public void The_resolved_config_run_again_gives_byte_identical_runs()
    {
        // An experiment that names a trace by a relative path, run with overrides of every kind.
        string source = Path.Combine(root, "src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "requests.csv"), "time,model,bytes,deadline\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"{i * 0.25},c{i % 2}-resnet50/v{i % 4},300000,2\n")));
        string experiment = Path.Combine(source, "traced.yaml");
        File.WriteAllText(experiment, """
            name: traced
            seed: 3
            replications: 2
            horizon: 20 s
            scenario:
              kind: single-site
              catalog: {name: two-resnet50-clusters}
              arrivals: {process: trace, file: requests.csv}
            strategies: [pl-dp, no-sharing]
            baseline: no-sharing
            sweep: {scenario.uplink.bandwidth: [10 MHz, 20 MHz]}
            """);
        string first = Path.Combine(root, "first"), again = Path.Combine(root, "again");
        var (code, _, error) = CliHarness.Run("run", experiment, "--quiet", "--seed", "11", "--replications", "3", "--set", "scenario.site.gpu.residency=lru", "--set", "strategies=[pl-dp, fcfs, no-sharing]", "--out", first);
        Assert.True(code == 0, error);
        string resolved = Path.Combine(root, "elsewhere.yaml");
        File.Copy(Path.Combine(first, "config.resolved.yaml"), resolved);
        (code, _, error) = CliHarness.Run("run", resolved, "--quiet", "--out", again);
        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "runs.csv")), File.ReadAllText(Path.Combine(again, "runs.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(first, "summary.csv")), File.ReadAllText(Path.Combine(again, "summary.csv")));
        Assert.Contains(Path.Combine(source, "requests.csv"), File.ReadAllText(resolved), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_removed_with_tilde_is_left_out_of_the_resolved_config_which_runs_alike()
    {
        string experiment = Path.Combine(root, "small.yaml");
        Directory.CreateDirectory(root);
        File.WriteAllText(experiment, """
            name: small
            seed: 3
            replications: 2
            horizon: 10 s
            scenario:
              kind: single-site
              catalog: {name: two-resnet50-clusters}
              site: {gpu: {residency: lru}}
              arrivals: {process: poisson, rate: 5 /s}
              deadline: 2 s
            strategies: [pl-greedy, no-sharing]
            baseline: no-sharing
            """);
        string first = Path.Combine(root, "first"), again = Path.Combine(root, "again");
        var (code, _, error) = CliHarness.Run("run", experiment, "--quiet", "--set", "strategies=[pl-greedy]", "--set", "baseline=~", "--set", "scenario.site.gpu.residency=~", "--out", first);
        Assert.True(code == 0, error);
        string resolved = File.ReadAllText(Path.Combine(first, "config.resolved.yaml"));
        string tree = resolved[..resolved.IndexOf("# Every value the run used", StringComparison.Ordinal)];
        Assert.DoesNotContain("baseline:", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("residency", tree, StringComparison.Ordinal);
        Assert.Contains("# points[0].scenario.site.gpu.residency: previous-model", resolved, StringComparison.Ordinal);
        string copy = Path.Combine(root, "elsewhere.yaml");
        File.WriteAllText(copy, resolved);
        (code, _, error) = CliHarness.Run("run", copy, "--quiet", "--out", again);
        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "runs.csv")), File.ReadAllText(Path.Combine(again, "runs.csv")));
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }
}

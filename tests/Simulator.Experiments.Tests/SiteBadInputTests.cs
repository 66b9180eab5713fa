using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

/// <summary>Values that ran silently or failed only after minutes (the list) are refused when the quickstart is read with them.</summary>
public class SiteBadInputTests
{
    [Theory]
    [InlineData("scenario.deadline=0 s", "'deadline' must be above 0")]
    [InlineData("scenario.deadline={min: 3 s, max: 1 s}", "min 3 above max 1")]
    [InlineData("scenario.arrivals.input={min: -1 kB, max: 1 kB}", "'min' must be at least 0")]
    [InlineData("scenario.site.max_batch=0", "'max_batch' must be a whole number from 1")]
    [InlineData("replications=4294967298", "'replications' must be a whole number from 2 to 1,000,000")]
    [InlineData("seed=-1", "'seed' must be a whole number from 0")]
    [InlineData("horizon=1e400 s", "is longer than the 1e9 s (about 32 years) a time may be")]
    [InlineData("scenario.site.gpu.memory=2e18 B", "'2e18 B' is more than the 1 EB (1e18 B) a size may be")]
    [InlineData("replications={min: 2000000, max: 2000000, ci_half_width: 5%}", "'min' must be a whole number from 10 to 1,000,000, not 2,000,000.")]
    [InlineData("warmup=-5 s", "'warmup' must be at least 0")]
    [InlineData("scenario.uplink.bandwidth=0 MHz", "'bandwidth' must be above 0")]
    [InlineData("scenario.uplink.coherence=0 ms", "'coherence' must be above 0")]
    [InlineData("scenario.uplink.placement={min_radius: 300 m, max_radius: 250 m}", "min_radius 300 m lies beyond max_radius 250 m")]
    [InlineData("scenario.site.downlink={rate: 0 MB/s}", "'rate' must be above 0")]
    [InlineData("scenario.site.ram={capacity: -1 GB}", "'capacity' must be at least 0")]
    [InlineData("scenario.site.gpu.memory=0 GB", "'memory' must be above 0")]
    [InlineData("scenario.arrivals={process: mmpp, rate_on: 5 /s, rate_off: 1 /s, mean_on: 10 s, mean_off: -2 s}", "'mean_off' must be above 0")]
    [InlineData("scenario.arrivals.weights={nosuchmodel: 1}", "popularity weights name unknown model 'nosuchmodel'")]
    [InlineData("plots=[{x: scenario.arrivals.rate, y: throughputt}]", "unknown metric 'throughputt'. Did you mean 'throughput'?")]
    [InlineData("plots=[{x: scenario.site.disk, y: throughput}]", "plot x 'scenario.site.disk' is not a swept path")]
    [InlineData("plots=[{y: throughput, kind: bars, at: {scenario.arrivals.rate: 7}}]", "matches no sweep point")]
    [InlineData("plots=[{y: throughput, kind: bars}]", "a bars plot shows one sweep point")]
    [InlineData("plots=[{kind: regret}]", "a regret plot needs the online metrics")]
    public void The_quickstart_with_one_bad_value_is_refused_with_file_line_and_gist(string set, string gist)
    {
        // Each rate point must still exist for the rate-based plots: keep the sweep as it is.
        var ex = Assert.Throws<ConfigException>(() => Quickstart.Read(new[] { set }));
        Assert.Contains(gist, ex.Message);
        Assert.True(ex.Line >= 1, ex.Message);
        Assert.False(string.IsNullOrEmpty(ex.File));
        Assert.DoesNotContain("   at ", ex.Message);
    }

    [Fact]
    public void An_at_with_a_unit_matches_the_point_the_sweep_resolved()
    {
        var spec = Quickstart.Read(new[] { "plots=[{y: throughput, kind: bars, at: {scenario.arrivals.rate: 20 /s}}]" });
        Assert.Single(spec.Plots);
    }
}

public class PlacementTests
{
    [Fact]
    public void Grid_and_file_placement_are_reachable_from_an_experiment_and_a_placement_file_is_hashed()
    {
        var grid = (LoneSiteScenario)Quickstart.Read(new[] { "scenario.uplink.placement={kind: grid, spacing: 50 m, min_radius: 20 m, max_radius: 120 m}" }).Points[0].Scenario;
        var points = Assert.IsType<Simulator.Edge.GridPlacement>(grid.Site.Uplink.Placement);
        Assert.Equal(50, points.Spacing);
        Assert.All(points.Distances, d => Assert.InRange(d, 20, 120));
        string file = Path.Combine(Path.GetTempPath(), $"placement-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "x,y\n30,40\n-60,80\n");
        try
        {
            var spec = Quickstart.Read(new[] { $"scenario.uplink.placement={{kind: file, file: {file}}}" });
            var csv = Assert.IsType<Simulator.Edge.CsvPlacement>(((LoneSiteScenario)spec.Points[0].Scenario).Site.Uplink.Placement);
            Assert.Equal(new[] { 50.0, 100.0 }, csv.Distances);
            File.AppendAllText(file, "3,4\n");
            Assert.NotEqual(spec.Hash, Quickstart.Read(new[] { $"scenario.uplink.placement={{kind: file, file: {file}}}" }).Hash);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>The file's own value of a key that a sweep or --set replaces: never run while replaced, yet checked.</summary>
public class ReplacedValueTests
{
    private static ExperimentSpec Read(string from, string to, params string[] sets)
    {
        string text = Quickstart.Text();
        Assert.Contains(from, text);
        return ExperimentReader.Read(new ExperimentSource(text.Replace(from, to), "edited.yaml", Directory.GetCurrentDirectory(), sets));
    }

    // The quickstart sweeps the arrival rate; the residency is swept here.
    [Theory]
    [InlineData("rate: 10 /s", "rate: banana", "sweep={scenario.arrivals.rate: [5 /s, 10 /s, 20 /s]}", 18, "'banana' is not a number with a unit")]
    [InlineData("rate: 10 /s", "rate: 0 /s", "sweep={scenario.arrivals.rate: [5 /s, 10 /s, 20 /s]}", 18, "'rate' must be above 0, not 0.")]
    [InlineData("residency: previous-model", "residency: lru2", "sweep={scenario.site.gpu.residency: [lru, pin-shared]}", 16, "'lru2' is not one of previous-model, lru, pin-shared.")]
    public void A_bad_value_that_a_sweep_replaces_is_refused_at_its_line(string from, string to, string sweep, int line, string gist)
    {
        var ex = Assert.Throws<ConfigException>(() => Read(from, to, sweep, "plots=[]"));
        Assert.Contains(gist, ex.Message);
        Assert.Contains("it is the file's own and must still be valid", ex.Message);
        Assert.Equal("edited.yaml", ex.File);
        Assert.Equal(line, ex.Line);
    }

    [Fact]
    public void A_bad_value_that_a_set_replaces_is_refused_too()
    {
        var ex = Assert.Throws<ConfigException>(() => Read("deadline: 2 s", "deadline: -2 s", "scenario.deadline=2 s"));
        Assert.Contains("'deadline' must be above 0, not -2.", ex.Message);
        Assert.Equal(19, ex.Line);
    }

    [Fact]
    public void A_valid_replaced_value_changes_nothing_the_run_uses()
    {
        var asShipped = Quickstart.Read();
        var edited = Read("rate: 10 /s", "rate: 7 /s");
        Assert.Equal(asShipped.Hash, edited.Hash);
        Assert.Equal(asShipped.ResolvedText, edited.ResolvedText);
    }

    [Fact]
    public void A_range_replaced_by_one_value_is_read_as_the_value()
    {
        var spec = Read("deadline: 2 s", "deadline: {min: 3 s, max: 1 s}", "scenario.deadline=2 s");
        var scenario = Assert.IsType<LoneSiteScenario>(spec.Points[0].Scenario);
        var workload = Assert.IsType<Simulator.Edge.SyntheticWorkload>(scenario.Workload);
        Assert.Equal(2.0, Assert.IsType<Simulator.Edge.ConstantQuantity>(workload.DeadlineBudgetSeconds).Value);
    }
}

namespace Simulator.Experiments.Tests;

/// <summary>A sweep over a whole section (a {min, max} range, a catalog, the links) rather than one value.</summary>
public class SectionSweepTests
{
    private static readonly string[] DeadlineSweep = ["sweep={scenario.deadline: [{min: 1 s, max: 2 s}, 3 s]}", "plots=[]"];

    [Fact]
    public void A_swept_section_is_labelled_by_the_values_read_under_it_and_shown_as_written()
    {
        var spec = Quickstart.Read(DeadlineSweep);
        Assert.Equal(2, spec.Points.Count);
        Assert.Equal("{max: 2, min: 1}", spec.Points[0].Labels["scenario.deadline"]);
        Assert.Equal("{min: 1 s, max: 2 s}", spec.Points[0].Written["scenario.deadline"]);
        Assert.Equal("3", spec.Points[1].Labels["scenario.deadline"]);
        Assert.Equal("3 s", spec.Points[1].Written["scenario.deadline"]);
        var range = Assert.IsType<Simulator.Edge.UniformQuantity>(Assert.IsType<Simulator.Edge.SyntheticWorkload>(((LoneSiteScenario)spec.Points[0].Scenario).Workload).DeadlineBudgetSeconds);
        Assert.Equal((1.0, 2.0), (range.Low, range.High));
    }

    [Theory]
    [InlineData("{scenario.deadline: {min: 1 s, max: 2 s}}", 0)]
    [InlineData("{scenario.deadline: '{max: 2, min: 1}'}", 0)]
    [InlineData("{scenario.deadline: 3 s}", 1)]
    public void A_plot_fixes_a_swept_section_as_written_or_as_labelled(string at, int point)
    {
        var spec = Quickstart.Read([DeadlineSweep[0], $"plots=[{{y: throughput, kind: bars, at: {at}}}]"]);
        var plot = Assert.Single(spec.Plots);
        Assert.Equal(new[] { point }, spec.Points.Where(pt => pt.Matches(plot.At)).Select(pt => pt.Index));
    }

    [Fact]
    public void A_section_value_that_no_point_matches_is_refused_at_the_plot()
    {
        var ex = Assert.Throws<ConfigException>(() => Quickstart.Read([DeadlineSweep[0], "plots=[{y: throughput, kind: bars, at: {scenario.deadline: {min: 1 s, max: 3 s}}}]"]));
        Assert.Contains("matches no sweep point", ex.Message);
    }

    [Fact]
    public void Lines_need_numbers_along_x_so_a_swept_section_is_drawn_as_bars()
    {
        var ex = Assert.Throws<ConfigException>(() => Quickstart.Read([DeadlineSweep[0], "plots=[{x: scenario.deadline, y: throughput, kind: line-ci}]"]));
        Assert.Contains("takes values that are not numbers ('{min: 1 s, max: 2 s}', as written)", ex.Message);
        Assert.Single(Quickstart.Read([DeadlineSweep[0], "plots=[{x: scenario.deadline, y: throughput, kind: bars}]"]).Plots);
    }
}

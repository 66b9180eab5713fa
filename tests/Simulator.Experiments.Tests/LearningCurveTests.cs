namespace Simulator.Experiments.Tests;

/// <summary>The learning-curve measures of online learners: the regret's exponent and the share of informative features observed.</summary>
public class LearningCurveTests
{
    [Fact]
    public void The_exponent_is_the_slope_of_log_regret_over_log_rounds_leaving_out_rounds_without_regret()
    {
        var rounds = new[] { 16.0, 64, 256, 1024, 4096 };
        Assert.Equal(0.5, LearningCurve.Exponent(rounds.Select(t => (t, 3 * Math.Sqrt(t))), 3), 12);
        Assert.Equal(1.0, LearningCurve.Exponent(rounds.Select(t => (t, 0.2 * t)), 3), 12);
        // Rounds without regret have no logarithm: an exponent over the others, or none when too few are left.
        var late = rounds.Select(t => (t, t < 100 ? 0 : 3 * Math.Sqrt(t))).ToArray();
        Assert.Equal(0.5, LearningCurve.Exponent(late, 3), 12);
        Assert.True(double.IsNaN(LearningCurve.Exponent(late, 4)));
        Assert.True(double.IsNaN(LearningCurve.Exponent(rounds.Select(t => (t, 0.0)), 1)));
    }

    [Fact]
    public void The_informative_share_counts_of_as_many_features_as_could_inform()
    {
        var informative = new HashSet<int> { 1, 3, 5, 7, 9 };
        Assert.Equal(0.75, LearningCurve.InformativeShare(informative, new[] { 1, 2, 3, 5 }));
        // Ten observed can hold at most the five that inform: all five is the whole share.
        Assert.Equal(1.0, LearningCurve.InformativeShare(informative, Enumerable.Range(0, 10).ToArray()));
        Assert.True(double.IsNaN(LearningCurve.InformativeShare(new HashSet<int>(), new[] { 1 })));
        Assert.True(double.IsNaN(LearningCurve.InformativeShare(null, new[] { 1 })));
        Assert.True(double.IsNaN(LearningCurve.InformativeShare(informative, Array.Empty<int>())));
    }
}

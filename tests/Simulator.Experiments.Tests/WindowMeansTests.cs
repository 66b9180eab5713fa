using CsCheck;
using Simulator.Edge;
using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

/// <summary>The traced run's window means (<see cref="WindowedLevel"/>), accumulated online, and the round widths they use.</summary>
public class WindowMeansTests
{
    private static IReadOnlyList<(double Start, double Mean)> Windowed(IEnumerable<(double Time, double Value)> steps, double end, double width)
    {
        var level = new WindowedLevel(width);
        foreach (var (time, value) in steps) level.Set(time, value);
        return level.Means(end);
    }

    [Fact]
    public void A_hand_worked_step_function_averages_per_window()
    {
        // 2 on [0, 1.5), 4 on [1.5, 3), 0 from 3 on; windows of 2 s up to 5 s (the last one 1 s long).
        var means = Windowed(new[] { (0.0, 2.0), (1.5, 4.0), (3.0, 0.0) }, 5, 2);
        Assert.Equal(new[] { 0.0, 2.0, 4.0 }, means.Select(m => m.Start));
        Assert.Equal(2.5, means[0].Mean, 12);   // (2 x 1.5 + 4 x 0.5) / 2
        Assert.Equal(2.0, means[1].Mean, 12);   // (4 x 1 + 0 x 1) / 2
        Assert.Equal(0.0, means[2].Mean, 12);
    }

    [Fact]
    public void An_end_on_a_multiple_of_the_width_closes_the_last_window_without_a_sliver()
    {
        // 11 x 0.1 / 0.1 is 11.000000000000002 in doubles: the end is window 11's, not the start of a 12th.
        foreach (double width in new[] { 0.1, 0.3, 0.7 })
            for (int n = 1; n <= 60; n++)
            {
                var means = Windowed(new[] { (0.0, 3.0) }, n * width, width);
                Assert.Equal(n, means.Count);
                Assert.All(means, m => Assert.Equal(3, m.Mean, 9));
            }
    }

    [Fact]
    public void Windows_weighted_by_their_length_hold_the_whole_area()
    {
        var gen = Gen.Select(Gen.Double[0.01, 10].Array[1, 40], Gen.Double[0, 50].Array[41], Gen.Double[0.5, 300], Gen.Double[0.05, 50]);
        gen.Sample((durations, values, end, width) =>
        {
            var steps = new List<(double, double)>();
            double at = 0, area = 0;
            for (int k = 0; k < durations.Length && at < end; k++)
            {
                steps.Add((at, values[k]));
                area += values[k] * (Math.Min(at + durations[k], end) - at);
                at += durations[k];
            }
            if (at < end)
            {
                steps.Add((at, values[^1]));
                area += values[^1] * (end - at);
            }
            var means = Windowed(steps, end, width);
            double total = means.Sum(m => m.Mean * (Math.Min(m.Start + width, end) - m.Start));
            return means.Count == (int)Math.Ceiling(end / width - 1e-9) && Math.Abs(total - area) <= 1e-9 * Math.Max(1, area);
        }, iter: 300);
    }

    [Fact]
    public void An_end_at_a_multiple_of_the_width_opens_no_sliver_window()
    {
        // Found by the property above: adding the width 158 times overshot by rounding into a 159th window.
        const double end = 114.90033777286315, width = 0.7272173276763491;
        var means = Windowed(new[] { (0.0, 3.0) }, end, width);
        Assert.Equal(158, means.Count);
        Assert.All(means, m => Assert.Equal(3.0, m.Mean, 12));
    }

    [Fact]
    public void Each_window_mean_equals_the_area_under_the_steps_divided_by_the_window()
    {
        // Against the area computed window by window afresh: every step's overlap with every window.
        var gen = Gen.Select(Gen.Double[0.001, 10].Array[1, 60], Gen.Double[0, 50].Array[61], Gen.Double[0.5, 300], Gen.Double[0.05, 50]);
        gen.Sample((durations, values, end, width) =>
        {
            var steps = new List<(double Time, double Value)>();
            double at = 0;
            for (int k = 0; k < durations.Length && at < end; k++)
            {
                steps.Add((at, values[k]));
                at += durations[k];
            }
            var means = Windowed(steps, end, width);
            for (int w = 0; w < means.Count; w++)
            {
                double start = w * width, stop = Math.Min(end, (w + 1) * width), area = 0;
                for (int j = 0; j < steps.Count; j++)
                {
                    double from = Math.Max(start, steps[j].Time), to = Math.Min(stop, j + 1 < steps.Count ? steps[j + 1].Time : end);
                    if (to > from) area += steps[j].Value * (to - from);
                }
                if (Math.Abs(means[w].Mean - area / (stop - start)) > 1e-9 * Math.Max(1, area)) return false;
            }
            return true;
        }, iter: 300);
    }

    [Theory]
    [InlineData(600, 120, 5)]
    [InlineData(120, 120, 1)]
    [InlineData(30, 120, 0.5)]
    [InlineData(3000, 120, 50)]
    public void Window_widths_are_round(double span, int windows, double width) =>
        Assert.Equal(width, WindowMeans.RoundWidth(span, windows), 12);

    [Fact]
    public void The_level_is_the_initial_one_until_it_first_changes_and_time_only_moves_forward()
    {
        Assert.Equal(new[] { 0.0, 2.0, 2.0, 2.0, 2.0 }, Windowed(new[] { (1.0, 2.0) }, 5, 1).Select(m => m.Mean));
        Assert.Throws<ArgumentOutOfRangeException>(() => Windowed(new[] { (0.0, 2.0) }, 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Windowed(new[] { (2.0, 2.0), (1.0, 3.0) }, 5, 1));
    }
}

using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

public class MonitorTests
{
    [Fact]
    public void SampleMonitor_moments_match_hand_computed_values()
    {
        var m = new SampleMonitor("x", collect: true);
        foreach (var v in new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 }) m.Add(v);
        Assert.Equal(8, m.Count);
        Assert.Equal(40, m.Sum);
        Assert.Equal(5, m.Mean, 12);
        Assert.Equal(4, m.Variance, 12);          // sum of squared deviations 32 / 8
        Assert.Equal(32.0 / 7, m.SampleVariance, 12);
        Assert.Equal(2, m.StdDev, 12);
        Assert.Equal(2, m.Min);
        Assert.Equal(9, m.Max);
        Assert.Equal(4.5, m.GetMedian(), 12);     // between the 4th (4) and 5th (5) order statistics
        Assert.Equal(7.6, m.GetPercentile(90), 12); // rank 6.3: 7 + 0.3 * (9 - 7)
    }

    [Fact]
    public void SampleMonitor_without_collection_refuses_percentiles_and_is_NaN_when_empty()
    {
        var m = new SampleMonitor();
        Assert.True(double.IsNaN(m.Mean));
        Assert.Throws<InvalidOperationException>(() => m.GetPercentile(50));
    }

    [Fact]
    public void TimeSeriesMonitor_weights_each_value_by_how_long_it_held()
    {
        var env = new Simulation();
        var q = new TimeSeriesMonitor(env, "queue", initial: 0, collect: true);
        env.Process(Drive());
        env.Run();
        // 0 for 2 s, 3 for 1 s, 1 for 5 s, 4 for 2 s: 10 s in all.
        Assert.Equal(10, q.TotalTimeD);
        Assert.Equal(16, q.Area, 12);
        Assert.Equal(1.6, q.Mean, 12);
        double ex2 = (9 * 1 + 1 * 5 + 16 * 2) / 10.0;
        Assert.Equal(ex2 - 1.6 * 1.6, q.Variance, 12);
        Assert.Equal(0, q.Min);
        Assert.Equal(4, q.Max);
        Assert.Equal(1, q.GetPercentile(50));  // value <= 1 for 7 of 10 s, <= 0 for only 2 s
        Assert.Equal(0, q.GetPercentile(20));
        Assert.Equal(4, q.GetPercentile(95));

        IEnumerable<Event> Drive()
        {
            yield return env.TimeoutD(2);
            q.UpdateTo(3);
            yield return env.TimeoutD(1);
            q.Decrease(2);
            yield return env.TimeoutD(5);
            q.Increase(3);
            yield return env.TimeoutD(2);
        }
    }
}

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
        // SimSharp's quantile: n p = 4 is whole, so the mean of the 4th (4) and 5th (5) order statistics;
        // n p = 7.2 is not, so the 8th (9).
        Assert.Equal(4.5, m.GetMedian(), 12);
        Assert.Equal(9, m.GetPercentile(0.9), 12);
        Assert.Equal(3, m.GetPercentile(0), 12); // SimSharp's Skip(-1).Take(2): the mean of the two smallest
        Assert.Equal(9, m.GetPercentile(1), 12);
    }

    [Fact]
    public void SampleMonitor_without_collection_has_no_percentiles_and_is_NaN_when_empty()
    {
        var m = new SampleMonitor();
        Assert.True(double.IsNaN(m.Mean)); // SimSharp reports 0
        Assert.True(double.IsNaN(m.GetPercentile(0.5))); // as SimSharp: NaN unless collecting
        Assert.Throws<ArgumentException>(() => m.GetPercentile(50)); // a fraction, as SimSharp
        Assert.Throws<ArgumentException>(() => m.Add(double.PositiveInfinity));
        m.Active = false;
        m.Add(3);
        Assert.Equal(0, m.Count);
        m.Active = true;
        m.Add(3);
        m.Reset();
        Assert.Equal(0, m.Count);
        Assert.True(double.IsNaN(m.Mean));
    }

    [Fact]
    public void TimeSeriesMonitor_weights_each_value_by_how_long_it_held()
    {
        var env = new Simulation();
        var q = new TimeSeriesMonitor(env, 0, "queue", collect: true);
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
        Assert.Equal(1, q.GetPercentile(0.5));  // value <= 1 for 7 of 10 s, <= 0 for only 2 s
        Assert.Equal(0.5, q.GetPercentile(0.2)); // exactly 2 s of 10 at 0: SimSharp takes the mean of 0 and the next level
        Assert.Equal(0, q.GetPercentile(0.1));
        Assert.Equal(4, q.GetPercentile(0.95));

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

    [Fact]
    public void A_time_series_without_an_initial_level_counts_from_its_first_update_and_skips_inactive_time()
    {
        var env = new Simulation();
        var m = new TimeSeriesMonitor(env, "level");
        env.Process(Drive());
        env.Run();
        // Observed from t = 2: level 4 for 1 s, inactive for 2 s (level 8 then), level 8 for 1 s.
        Assert.Equal(2, m.TotalTimeD);
        Assert.Equal(6, m.Mean, 12);
        Assert.Equal(12, m.Area, 12);
        Assert.Equal(4, m.Min);
        Assert.Equal(8, m.Max);

        IEnumerable<Event> Drive()
        {
            yield return env.TimeoutD(2);
            m.UpdateTo(4);
            yield return env.TimeoutD(1);
            m.Active = false;
            m.UpdateTo(8);
            yield return env.TimeoutD(2);
            m.Active = true;
            yield return env.TimeoutD(1);
        }
    }

    [Fact]
    public void An_inactive_time_series_counts_nothing_even_when_read_and_a_level_set_meanwhile_counts_from_reactivation()
    {
        var env = new Simulation();
        var m = new TimeSeriesMonitor(env, 4, "level");
        double meanWhileInactive = double.NaN, timeWhileInactive = double.NaN;
        env.Process(Drive());
        env.Run();
        // 4 for 1 s; inactive for 2 s (read meanwhile, the level set to 1); 1 for 1 s.
        Assert.Equal(4, meanWhileInactive);
        Assert.Equal(1, timeWhileInactive);
        Assert.Equal(2, m.TotalTimeD);
        Assert.Equal(2.5, m.Mean, 12);
        Assert.Equal(1, m.Min);
        Assert.Equal(4, m.Max);

        IEnumerable<Event> Drive()
        {
            yield return env.TimeoutD(1);
            m.Active = false;
            m.UpdateTo(1);
            yield return env.TimeoutD(2);
            meanWhileInactive = m.Mean;
            timeWhileInactive = m.TotalTimeD;
            m.Active = true;
            yield return env.TimeoutD(1);
        }
    }

    [Fact]
    public void Histograms_label_their_last_bin_inf_only_when_values_lie_beyond_it()
    {
        // SimSharp's labels: the last bin takes every larger value and reads "inf" when its bound is below the maximum.
        var beyond = new SampleMonitor(collect: true);
        foreach (var v in Enumerable.Range(1, 10)) beyond.Add(v);
        Assert.Equal("inf", LastHistogramRow(beyond.Summarize(maxBins: 5, histMin: 0, binWidth: 1)));
        var within = new SampleMonitor(collect: true);
        foreach (var v in Enumerable.Range(1, 5)) within.Add(v);
        Assert.Equal("5", LastHistogramRow(within.Summarize(maxBins: 5, histMin: 0, binWidth: 1)));

        // A time series' default bin is a twentieth of the range whatever maxBins says (as SimSharp): with
        // ten bins for levels 0 and 10 the last bound is 5, below the maximum.
        var env = new Simulation();
        var level = new TimeSeriesMonitor(env, 0, collect: true);
        env.Process(Drive());
        env.Run();
        Assert.Equal("inf", LastHistogramRow(level.Summarize(maxBins: 10)));
        Assert.Equal("10", LastHistogramRow(level.Summarize(maxBins: 20)));

        IEnumerable<Event> Drive()
        {
            yield return env.TimeoutD(1);
            level.UpdateTo(10);
            yield return env.TimeoutD(1);
        }
    }

    private static string LastHistogramRow(string summary) =>
        summary.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim().Split(' ')[0];
}

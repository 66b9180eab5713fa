using MathNet.Numerics.Distributions;

namespace Simulator.Experiments.Tests;

/// <summary>
/// The warm-up check a time series figure carries into the report: each replication's level over the first half of
/// the measured period against the second, paired over the replications; recomputed here from the traced runs.
/// </summary>
public class WarmupCheckTests
{
    [Fact]
    public void A_replications_drift_is_the_first_half_of_the_measured_windows_against_the_second()
    {
        var windows = new[] { 0.0, 5, 10, 15, 20, 25, 30 }.Zip(new[] { 9.0, 9, 4, 2, 1, 1, 1 }, (start, mean) => (start, mean)).ToArray();
        // Measured from 10 s: 4, 2, 1, 1, 1; the middle one is left out: (4 + 2) / 2 - (1 + 1) / 2.
        Assert.Equal(2.0, TimeSeriesPlot.Drift(windows, 10, 5));
        Assert.Equal(0.5, TimeSeriesPlot.Drift(windows, 15, 5)); // (2 + 1) / 2 - (1 + 1) / 2
        Assert.Equal((9 + 9 + 4) / 3.0 - (1 + 1 + 1) / 3.0, TimeSeriesPlot.Drift(windows, 0, 5), 12);
        Assert.Equal(0.0, TimeSeriesPlot.Drift(windows, 25, 5));
        Assert.True(double.IsNaN(TimeSeriesPlot.Drift(windows, 30, 5)), "one window has no halves");
    }

    [Theory]
    [InlineData("40 /s", "100 s", "5 s", true)]  // overloaded: the queue grows for as long as requests wait, 100 s
    [InlineData("10 /s", "2 s", "30 s", false)] // the quickstart's middle rate: settled well within its warm-up
    public void The_report_says_which_strategies_still_drift_with_the_intervals_recomputed_from_the_traces(string rate, string deadline, string warmup, bool drifts)
    {
        var spec = Quickstart.Read(new[]
        {
            "replications=6", "horizon=150 s", $"warmup={warmup}", "sweep=null", $"scenario.arrivals.rate={rate}", $"scenario.deadline={deadline}",
            "strategies=[no-sharing, fcfs]", "plots=[{kind: timeseries, y: queue_length}]",
        });
        var records = new Runner(spec, 2).Run();
        string caption = Plots.Drawn(spec, records, spec.Plots[0]).Caption!;

        double warm = spec.WarmupSeconds, width = RunTrace.WindowSeconds(spec.HorizonSeconds);
        var verdicts = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            var d = Enumerable.Range(0, 6).Select(r =>
            {
                var measured = Runner.Trace(spec, new Cell(0, s, r)).Of(SiteMeasures.Queue).Where(w => w.Start >= warm).Select(w => w.Mean).ToArray();
                int half = measured.Length / 2;
                return measured.Take(half).Average() - measured.Skip(measured.Length - half).Average();
            }).ToArray();
            double mean = d.Average(), sd = Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / 5);
            double half95 = StudentT.InvCDF(0, 1, 5, 0.975) * sd / Math.Sqrt(6), halfTogether = StudentT.InvCDF(0, 1, 5, 1 - 0.025 / 2) * sd / Math.Sqrt(6);
            string F(double v) => MetricUnit.Number(v); // four significant digits, as every table of the report
            string Signed(double v) => (v > 0 ? "+" : "") + F(v);
            Assert.Contains($"{spec.Strategies[s].Label} {Signed(mean)} [{F(mean - half95)}, {F(mean + half95)}], replications {Signed(d.Min())} to {Signed(d.Max())}", caption, StringComparison.Ordinal);
            if (Math.Abs(mean) > halfTogether) verdicts.Add(spec.Strategies[s].Label);
        }
        Assert.Equal(drifts, verdicts.Count > 0);
        Assert.StartsWith($"**Warm-up check** (queue length): its mean over the first half of the measured period ({warm} s to {warm + (150 - warm) / 2} s) minus its mean over the second half (to 150 s)", caption, StringComparison.Ordinal);
        if (drifts)
            Assert.EndsWith($"{(verdicts.Count == 1 ? $"{verdicts[0]}'s interval excludes" : $"The intervals of {string.Join(", ", verdicts)} exclude")} 0 with all 2 together (Bonferroni, each at 97.5 %): the level still drifts after the {warm} s warm-up, from a transient that a longer warm-up leaves out or from a load the system never settles under; the figure shows which.", caption, StringComparison.Ordinal);
        else
            Assert.EndsWith($"no drift shows after the {warm} s warm-up.", caption, StringComparison.Ordinal);

        // The report prints it under its figure.
        string report = Report.Markdown(spec, records, new[] { new Figure("plots/00-queue_length.png", caption) });
        Assert.Contains($"![00-queue_length](plots/00-queue_length.png)\n\n{caption}\n", report.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}

using System.Text;

namespace Simulator.Kernel;

/// <summary>
/// A piecewise-constant level over simulated time (queue length, memory in use), with SimSharp's API
/// and arithmetic: statistics weight each level by how long it held, from the first observation (the
/// construction when an initial level is given) up to now. With <c>collect</c> it keeps the series of
/// levels for percentiles and the histogram.
/// </summary>
public sealed class TimeSeriesMonitor : ITimeSeriesMonitor
{
    private readonly Simulation env;
    private readonly List<Entry>? series;
    private bool active = true;
    private bool observed;
    private double lastUpdate;
    private double area, mean, variance, totalTime;

    public TimeSeriesMonitor(Simulation env, string? name = null, bool collect = false)
    {
        this.env = env ?? throw new ArgumentNullException(nameof(env));
        Name = name ?? "";
        if (collect) series = new List<Entry>(64);
        lastUpdate = env.NowD;
    }

    public TimeSeriesMonitor(Simulation env, double initial, string? name = null, bool collect = false) : this(env, name, collect)
    {
        Start(initial);
    }

    public bool Collect => series is not null;

    /// <summary>While false the level is followed but not counted: the time inactive is left out of every statistic.</summary>
    public bool Active
    {
        get => active;
        set
        {
            if (active == value) return;
            if (observed && lastUpdate < env.NowD)
            {
                if (value)
                {
                    if (Current < Min) Min = Current;
                    if (Current > Max) Max = Current;
                    lastUpdate = env.NowD;
                    series?.Add(new Entry { Date = env.NowD, Level = Current });
                }
                else Accumulate();
                active = value;
                Updated?.Invoke(this, EventArgs.Empty);
            }
            else active = value;
        }
    }

    public string Name { get; set; }

    /// <summary>Time observed so far, in default steps, up to now (SimSharp's stays at the last update until another statistic is read).</summary>
    public double TotalTimeD
    {
        get
        {
            Catch();
            return totalTime;
        }
    }

    public TimeSpan TotalTime => env.ToTimeSpan(TotalTimeD);

    public double Min { get; private set; }

    public double Max { get; private set; }

    /// <summary>The integral of the level over the time observed.</summary>
    public double Area
    {
        get
        {
            Catch();
            return area;
        }
    }

    double INumericMonitor.Sum => Area;

    /// <summary>The time-weighted mean (the level itself before any time has passed).</summary>
    public double Mean
    {
        get
        {
            Catch();
            return mean;
        }
    }

    /// <summary>The time-weighted population variance.</summary>
    public double Variance
    {
        get
        {
            Catch();
            return totalTime > 0 ? variance / totalTime : 0.0;
        }
    }

    public double StdDev => Math.Sqrt(Variance);

    public double Current { get; private set; }

    double INumericMonitor.Last => Current;

    /// <summary>The levels and how long each held, oldest first; the last one is still open (duration so far). Empty unless collecting.</summary>
    public IEnumerable<Entry> Series
    {
        get
        {
            Catch();
            return series ?? Enumerable.Empty<Entry>();
        }
    }

    public event EventHandler? Updated;

    public void Reset()
    {
        totalTime = 0;
        Current = Min = Max = area = mean = variance = 0;
        series?.Clear();
        observed = false;
        lastUpdate = env.NowD;
    }

    public void Reset(double initial)
    {
        Reset();
        Start(initial);
    }

    public void Increase(double value = 1) => UpdateTo(Current + value);

    public void Decrease(double value = 1) => UpdateTo(Current - value);

    public void UpdateTo(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"Monitor '{Name}' takes finite levels only, not {value}.", nameof(value));
        if (!Active)
        {
            Current = value;
            return;
        }
        if (!observed) Start(value);
        else
        {
            if (value < Min) Min = value;
            if (value > Max) Max = value;
            Accumulate();
            if (Current != value)
            {
                series?.Add(new Entry { Date = env.NowD, Level = value });
                Current = value;
            }
        }
        Updated?.Invoke(this, EventArgs.Empty);
    }

    public double GetMedian() => GetPercentile(0.5);

    /// <summary>SimSharp's p-quantile over time: the smallest level held at least a share p of the time (the mean of two levels at an exact tie); NaN unless collecting.</summary>
    public double GetPercentile(double p)
    {
        SampleMonitor.CheckFraction(p);
        return series is null ? double.NaN : Percentile(Series.ToList(), p);
    }

    string IMonitor.Summarize() => Summarize();

    public string Summarize(bool withHistogram = true, int maxBins = 20, double? histMin = null, double? binWidth = null)
    {
        // As SimSharp: the zero/non-zero split and the duration row are taken before the statistics are
        // brought up to now, the moments, percentiles and histogram after. A summary taken after the last
        // update therefore shows a shorter duration above than below; SimSharp's samples print it so.
        var nonzero = (series ?? new List<Entry>()).Where(x => x.Level != 0 && x.Duration > 0).ToList();
        double nzMin = nonzero.Count > 0 ? nonzero.Min(x => x.Level) : double.NaN;
        double nzMax = nonzero.Count > 0 ? nonzero.Max(x => x.Level) : double.NaN;
        double nzDuration = Collect ? nonzero.Sum(x => x.Duration) : double.NaN;
        double nzMean = nonzero.Count > 1 ? nonzero.Sum(x => x.Level * x.Duration / nzDuration) : double.NaN;
        double nzSd = nonzero.Count > 2 ? Math.Sqrt(nonzero.Sum(x => x.Duration * (x.Level - nzMean) * (x.Level - nzMean)) / nzDuration) : double.NaN;
        double duration = totalTime;
        var sb = new StringBuilder();
        SummaryTable.Header(sb, "Time series statistics", Name);
        SummaryTable.Row(sb, "Duration", duration, nzDuration, duration - nzDuration);
        SummaryTable.Moments(sb, Mean, nzMean, StdDev, nzSd);
        SummaryTable.Row(sb, "Minimum", Min, nzMin);
        if (Collect) SummaryTable.Quantiles(sb, GetPercentile, p => Percentile(nonzero, p));
        SummaryTable.Row(sb, "Maximum", Max, nzMax);
        if (Collect && withHistogram) AppendHistogram(sb, Series.ToList(), maxBins, histMin, binWidth);
        return sb.ToString();
    }

    public override string ToString() => Summarize();

    private void AppendHistogram(StringBuilder sb, List<Entry> all, int maxBins, double? histMin, double? binWidth)
    {
        sb.AppendLine();
        sb.AppendLine("Histogram");
        sb.AppendLine("<=              duration        %     cum%   ");
        sb.AppendLine("--------------- --------------- ----- ------");
        var levels = Cumulate(all);
        if (levels.Count == 0)
        {
            sb.AppendLine("no data");
            return;
        }
        var stars = new SummaryTable.Stars();
        int next = 0;
        double cumulative = 0;
        for (int bin = 0; bin <= maxBins; bin++)
        {
            // As SimSharp: the default bin width is a twentieth of the range, whatever maxBins says.
            double upper = (histMin ?? Min) + bin * (binWidth ?? (Max - Min) / 20.0);
            double duration = 0, share = 0;
            while (next < levels.Count && (levels[next].Level <= upper || bin == maxBins))
            {
                duration += levels[next].Duration;
                share += levels[next].Duration / totalTime;
                cumulative = levels[next].Cumulated / totalTime;
                next++;
            }
            bool more = next < levels.Count;
            var (bar, cumulativeBar) = stars.Add(share, cumulative);
            SummaryTable.HistogramRow(sb, !more && upper < Max ? "inf" : Formatter.Format15(upper), Formatter.Format15(duration), share, cumulative, bar, cumulativeBar);
            if (!more) break;
        }
    }

    private void Start(double initial)
    {
        observed = true;
        Current = Min = Max = mean = initial;
        lastUpdate = env.NowD;
        series?.Add(new Entry { Date = env.NowD, Level = initial });
    }

    private void Catch()
    {
        if (Active && env.NowD != lastUpdate) Accumulate();
    }

    // SimSharp's online update: the level held since the last update enters the integral and the
    // time-weighted running mean and variance.
    private void Accumulate()
    {
        double duration = env.NowD - lastUpdate;
        if (duration > 0)
        {
            if (series is { Count: > 0 })
            {
                var open = series[^1];
                open.Duration = env.NowD - open.Date;
                series[^1] = open;
            }
            area += Current * duration;
            double oldMean = mean;
            mean = oldMean + (Current - oldMean) * duration / (duration + totalTime);
            variance += (Current - oldMean) * (Current - mean) * duration;
            totalTime += duration;
        }
        lastUpdate = env.NowD;
    }

    private static List<(double Level, double Duration, double Cumulated)> Cumulate(IEnumerable<Entry> entries)
    {
        var levels = new List<(double, double, double)>();
        double total = 0;
        foreach (var g in entries.Where(x => x.Duration > 0).GroupBy(x => x.Level, x => x.Duration).OrderBy(g => g.Key))
        {
            double d = g.Sum();
            total += d;
            levels.Add((g.Key, d, total));
        }
        return levels;
    }

    private static double Percentile(List<Entry> entries, double p)
    {
        var levels = Cumulate(entries);
        if (levels.Count == 0) return double.NaN;
        double n = levels[^1].Cumulated * p;
        int i = 0;
        while (i < levels.Count && levels[i].Cumulated < n) i++;
        if (levels[i].Cumulated == n && i < levels.Count - 1) return (levels[i].Level + levels[i + 1].Level) / 2.0;
        return levels[i].Level;
    }

    public struct Entry
    {
        public double Date;
        public double Duration;
        public double Level;
    }
}

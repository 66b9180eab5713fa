using System.Text;

namespace Simulator.Kernel;

/// <summary>
/// Statistics of a stream of observations (waiting times, sizes), with SimSharp's API. Moments use
/// Welford's update, so memory is constant unless <c>collect</c> keeps the values for percentiles and
/// the histogram.
/// </summary>
/// <remarks>
/// Where SimSharp reports 0 for the mean, minimum and maximum of an empty monitor, these are NaN here:
/// no observation has no mean, and a 0 would enter averages over replications unnoticed.
/// </remarks>
public sealed class SampleMonitor : ISampleMonitor
{
    private readonly List<double>? samples;
    private double variance;

    public SampleMonitor(string? name = null, bool collect = false)
    {
        Name = name ?? "";
        if (collect) samples = new List<double>(64);
        Reset();
    }

    public bool Collect => samples is not null;

    public bool Active { get; set; } = true;

    public string Name { get; set; }

    /// <summary>A long, where SimSharp has an int.</summary>
    public long Count { get; private set; }

    public double Min { get; private set; }

    public double Max { get; private set; }

    public double Total { get; private set; }


    /// <summary>The sum of the observations (SimSharp's <see cref="Total"/>).</summary>
    public double Sum => Total;

    public double Mean { get; private set; }

    /// <summary>Population variance (divides by n), as SimSharp reports it.</summary>
    public double Variance => Count > 0 ? variance / Count : double.NaN;

    /// <summary>Unbiased sample variance (divides by n - 1).</summary>
    public double SampleVariance => Count > 1 ? variance / (Count - 1) : double.NaN;

    public double StdDev => Math.Sqrt(Variance);

    public double Last { get; private set; }

    public IEnumerable<double> Samples => samples ?? Enumerable.Empty<double>();

    /// <summary>The collected values in the order observed.</summary>
    public IReadOnlyList<double> Values => samples ?? throw new InvalidOperationException($"Monitor '{Name}' does not collect its values.");

    public event EventHandler? Updated;

    public void Reset()
    {
        Count = 0;
        Min = Max = Mean = Last = double.NaN;
        Total = variance = 0;
        samples?.Clear();
    }

    public void Add(double value)
    {
        if (!Active) return;
        if (!double.IsFinite(value)) throw new ArgumentException($"Monitor '{Name}' takes finite numbers only, not {value}.", nameof(value));
        Count++;
        Total += value;
        Last = value;
        samples?.Add(value);
        if (Count == 1)
        {
            Min = Max = Mean = value;
        }
        else
        {
            if (value < Min) Min = value;
            if (value > Max) Max = value;
            double oldMean = Mean;
            Mean = oldMean + (value - oldMean) / Count;
            variance += (value - oldMean) * (value - Mean);
        }
        Updated?.Invoke(this, EventArgs.Empty);
    }

    public double GetMedian() => GetPercentile(0.5);

    /// <summary>SimSharp's p-quantile: the ceil(n p)-th smallest value, or the mean of it and the next when n p is whole; NaN unless collecting.</summary>
    public double GetPercentile(double p)
    {
        CheckFraction(p);
        return samples is null ? double.NaN : Percentile(samples, p);
    }

    string IMonitor.Summarize() => Summarize();

    /// <summary>SimSharp's table (all, excluding zeros, zeros) and, when collecting, a histogram of <paramref name="maxBins"/> bins.</summary>
    public string Summarize(bool withHistogram = true, int maxBins = 20, double? histMin = null, double? binWidth = null)
    {
        var nonzero = samples?.Where(x => x != 0).ToList() ?? new List<double>();
        double nzMin = nonzero.Count > 0 ? nonzero.Min() : double.NaN;
        double nzMax = nonzero.Count > 0 ? nonzero.Max() : double.NaN;
        double nzMean = nonzero.Count > 1 ? nonzero.Average() : double.NaN;
        double nzSd = nonzero.Count > 2 ? Math.Sqrt(nonzero.Sum(x => (x - nzMean) * (x - nzMean)) / (nonzero.Count - 1.0)) : double.NaN;
        var sb = new StringBuilder();
        SummaryTable.Header(sb, "Statistics", Name);
        SummaryTable.Row(sb, "Count", Count, Collect ? nonzero.Count : double.NaN, Collect ? Count - nonzero.Count : double.NaN);
        SummaryTable.Moments(sb, Mean, nzMean, StdDev, nzSd);
        SummaryTable.Row(sb, "Minimum", Min, nzMin);
        if (Collect) SummaryTable.Quantiles(sb, GetPercentile, p => Percentile(nonzero, p));
        SummaryTable.Row(sb, "Maximum", Max, nzMax);
        if (samples is not null && withHistogram) AppendHistogram(sb, samples, maxBins, histMin ?? Min, binWidth ?? (Max - Min) / maxBins);
        return sb.ToString();
    }

    public override string ToString() => Summarize();

    private void AppendHistogram(StringBuilder sb, List<double> values, int maxBins, double min, double interval)
    {
        var bins = values.GroupBy(x => x <= min ? 0 : (int)Math.Floor(Math.Min((x - min + interval) / interval, maxBins)))
            .Select(g => (Bin: g.Key, Count: g.Count()))
            .OrderBy(b => b.Bin);
        sb.AppendLine();
        sb.AppendLine("Histogram");
        sb.AppendLine("<=              count      %     cum%   ");
        sb.AppendLine("--------------- ---------- ----- ------");
        var stars = new SummaryTable.Stars();
        int last = -1;
        foreach (var (bin, count) in bins)
        {
            while (bin > last + 1)
            {
                last++;
                SummaryTable.HistogramRow(sb, Formatter.Format15(min + last * interval), "0".PadLeft(10), 0, stars.Cumulative, "", "|".PadLeft(stars.Total + 1));
            }
            double share = count / (double)Count;
            var (bar, cumulativeBar) = stars.Add(share);
            string upper = bin == maxBins && min + bin * interval < Max ? "inf" : Formatter.Format15(min + bin * interval);
            SummaryTable.HistogramRow(sb, upper, count.ToString(System.Globalization.CultureInfo.CurrentCulture).PadLeft(10), share, stars.Cumulative, bar, cumulativeBar);
            last = bin;
        }
    }

    internal static void CheckFraction(double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException("A percentile is given as a fraction in [0, 1].", nameof(p));
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        double n = values.Count * p;
        int k = (int)Math.Ceiling(n);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        // p = 0 gives the mean of the two smallest, as SimSharp's Skip(-1).Take(2) does.
        int i = Math.Max(k - 1, 0);
        return n < k || i + 1 >= sorted.Length ? sorted[i] : (sorted[i] + sorted[i + 1]) / 2;
    }
}

namespace Simulator.Kernel;

/// <summary>
/// Statistics of a stream of observations (waiting times, sizes). Moments use Welford's update, so
/// memory is constant unless <c>collect</c> keeps the values for percentiles.
/// </summary>
public sealed class SampleMonitor
{
    private readonly List<double>? values;
    private double mean, m2;

    public SampleMonitor(string name = "", bool collect = false)
    {
        Name = name;
        if (collect) values = new List<double>();
    }

    public string Name { get; }

    public bool Collect => values is not null;

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public double Min { get; private set; } = double.NaN;

    public double Max { get; private set; } = double.NaN;

    public double Last { get; private set; } = double.NaN;

    public double Mean => Count > 0 ? mean : double.NaN;

    /// <summary>Population variance (divides by n), as SimSharp reports it.</summary>
    public double Variance => Count > 0 ? m2 / Count : double.NaN;

    /// <summary>Unbiased sample variance (divides by n - 1).</summary>
    public double SampleVariance => Count > 1 ? m2 / (Count - 1) : double.NaN;

    public double StdDev => Math.Sqrt(Variance);

    public IReadOnlyList<double> Values => values ?? throw new InvalidOperationException($"Monitor '{Name}' does not collect its values.");

    public void Add(double value)
    {
        if (double.IsNaN(value)) throw new ArgumentOutOfRangeException(nameof(value), $"Monitor '{Name}' cannot take NaN.");
        Count++;
        Sum += value;
        double delta = value - mean;
        mean += delta / Count;
        m2 += delta * (value - mean);
        Min = Count == 1 ? value : Math.Min(Min, value);
        Max = Count == 1 ? value : Math.Max(Max, value);
        Last = value;
        values?.Add(value);
    }

    /// <summary>The p-th percentile (p in [0, 100]) by linear interpolation between order statistics.</summary>
    public double GetPercentile(double p)
    {
        if (!(p >= 0 && p <= 100)) throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile lies in [0, 100].");
        var sorted = Values.ToArray();
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        double rank = p / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    public double GetMedian() => GetPercentile(50);
}

using MathNet.Numerics.Distributions;

namespace Simulator.Experiments;

/// <summary>Mean, standard deviation and the Student-t 95 % interval of a sample (NaN values, such as the latency of a run that served nobody, are left out).</summary>
public sealed record Summary(int N, double Mean, double StdDev, double HalfWidth)
{
    public double Low => Mean - HalfWidth;

    public double High => Mean + HalfWidth;

    /// <summary>Whether the 95 % half-width is within <paramref name="share"/> of the mean's size: sequential stopping's target.</summary>
    public bool NarrowWithin(double share) => HalfWidth <= share * Math.Abs(Mean);

    /// <summary>
    /// Whether the Student-t interval of the mean at <paramref name="confidence"/> (0.95 gives this summary's own
    /// interval) lies wholly above or below 0; false where there is no interval (fewer than two values).
    /// </summary>
    public bool ExcludesZero(double confidence)
    {
        if (N < 2 || !double.IsFinite(StdDev)) return false;
        double half = HalfWidthOf(N, StdDev, confidence);
        return Mean - half > 0 || Mean + half < 0;
    }

    /// <summary>The confidence each of <paramref name="m"/> intervals needs for all of them to hold together at 95 % (Bonferroni: 1 - 0.05/m).</summary>
    public static double Together(int m) => 1 - 0.05 / m;

    /// <summary>How a report says it: "(Bonferroni, each at 98.75 %)" for 4.</summary>
    public static string TogetherNote(int m) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"(Bonferroni, each at {100 * Together(m):0.##} %)");

    /// <summary>The Student-t half-width of the mean of <paramref name="n"/> values with standard deviation <paramref name="sd"/>, at <paramref name="confidence"/>.</summary>
    private static double HalfWidthOf(int n, double sd, double confidence) => StudentT.InvCDF(0, 1, n - 1, 1 - (1 - confidence) / 2) * sd / Math.Sqrt(n);

    public static Summary Of(IEnumerable<double> sample)
    {
        var x = sample.Where(v => !double.IsNaN(v)).ToArray();
        int n = x.Length;
        if (n == 0) return new Summary(0, double.NaN, double.NaN, double.NaN);
        double mean = x.Average();
        if (n == 1) return new Summary(1, mean, double.NaN, double.NaN);
        double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        return new Summary(n, mean, sd, HalfWidthOf(n, sd, 0.95));
    }
}

/// <summary>The paired comparison of a strategy with the baseline over the same replications: the mean difference, its 95 % interval, and the relative gain.</summary>
public sealed record PairedSummary(Summary Difference, double BaselineMean)
{
    /// <summary>The mean difference relative to the baseline's mean (<see cref="Relative"/>).</summary>
    public double RelativeGain => Relative(Difference.Mean, BaselineMean);

    /// <summary>
    /// A change relative to its baseline, over the baseline taken whole so that the sign is the change's (a rise from
    /// -2 to -1 is +50 %, not -50 %); NaN where the baseline is 0, against which no change is relative.
    /// </summary>
    public static double Relative(double change, double baseline) => baseline != 0 ? change / Math.Abs(baseline) : double.NaN;

    /// <summary>Pairs by replication; a replication missing on either side, or NaN on either side, is left out.</summary>
    public static PairedSummary Of(IReadOnlyDictionary<int, double> strategy, IReadOnlyDictionary<int, double> baseline)
    {
        var common = strategy.Keys.Where(baseline.ContainsKey).Where(r => !double.IsNaN(strategy[r]) && !double.IsNaN(baseline[r])).OrderBy(r => r).ToArray();
        return new PairedSummary(Summary.Of(common.Select(r => strategy[r] - baseline[r])), common.Length > 0 ? common.Average(r => baseline[r]) : double.NaN);
    }
}

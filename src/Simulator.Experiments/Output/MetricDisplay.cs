using System.Globalization;

namespace Simulator.Experiments;

/// <summary>
/// How a metric reads in a table: in a unit chosen per column from its values (ms or s; B, kB, MB or GB;
/// per cent for ratios), named in the header, instead of raw SI numbers such as 1.711e11.
/// </summary>
public static class MetricDisplay
{
    private static readonly HashSet<string> TimeParts = new(StringComparer.Ordinal)
    {
        "waiting_mean", "upload_mean", "loading_mean", "inference_mean", "downlink_mean", "pull_mean", "queueing_mean", "transmission_mean",
    };

    /// <summary>The column's header and a formatter for its values (means and interval bounds alike).</summary>
    public static (string Header, Func<double, string> Format) For(string metric, IEnumerable<double> values)
    {
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        string words = metric.Replace('_', ' ');
        if (metric.StartsWith("latency", StringComparison.Ordinal) || metric.Contains("delay", StringComparison.Ordinal) || TimeParts.Contains(metric))
            return largest < 1 ? ($"{words} (ms)", v => Number(v * 1e3)) : ($"{words} (s)", v => Number(v));
        if (metric.StartsWith("bytes", StringComparison.Ordinal) || metric == "gpu_memory_mean")
        {
            var (unit, scale) = largest >= 1e9 ? ("GB", 1e9) : largest >= 1e6 ? ("MB", 1e6) : largest >= 1e3 ? ("kB", 1e3) : ("B", 1.0);
            return ($"{words} ({unit})", v => Number(v / scale));
        }
        if (metric.EndsWith("_ratio", StringComparison.Ordinal) || metric.EndsWith("_fraction", StringComparison.Ordinal))
            return ($"{words} (%)", v => Number(v * 100));
        if (metric == "throughput") return ($"{words} (/s)", v => Number(v));
        return (words, v => Number(v));
    }

    /// <summary>Four significant digits, no exponent for the magnitudes the units leave.</summary>
    public static string Number(double v)
    {
        if (double.IsNaN(v)) return "n/a";
        if (v == 0 || double.IsInfinity(v)) return v.ToString(CultureInfo.InvariantCulture);
        int digits = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Abs(v))));
        return Math.Abs(v) >= 1e7 ? v.ToString("0.###e0", CultureInfo.InvariantCulture) : Math.Round(v, Math.Min(digits, 12)).ToString("0.############", CultureInfo.InvariantCulture);
    }
}

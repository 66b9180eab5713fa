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
        "upload_critical_mean", "gpu_wait_mean", "loading_critical_mean",
    };

    /// <summary>The column's header and a formatter for its values (means and interval bounds alike).</summary>
    public static (string Header, Func<double, string> Format) For(string metric, IEnumerable<double> values)
    {
        var (header, convert) = Unit(metric, values);
        return (header, v => Number(convert(v)));
    }

    /// <summary>The metric in words with the unit its values read best in, and the conversion from SI to that unit (tables and plot axes alike).</summary>
    public static (string Header, Func<double, double> Convert) Unit(string metric, IEnumerable<double> values)
    {
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        string words = metric.Replace('_', ' ');
        if (metric == MetricSet.DecisionTime) return ("decision time (ms of wall clock)", v => v);
        if (metric.StartsWith("latency", StringComparison.Ordinal) || metric.Contains("delay", StringComparison.Ordinal) || TimeParts.Contains(metric))
            return largest < 1 ? ($"{words} (ms)", v => v * 1e3) : ($"{words} (s)", v => v);
        if (metric.StartsWith("bytes", StringComparison.Ordinal) || metric == "gpu_memory_mean" || metric == "gpu_memory")
        {
            var (unit, scale) = Bytes(largest);
            return ($"{words} ({unit})", v => v / scale);
        }
        if (metric.EndsWith("_ratio", StringComparison.Ordinal) || metric.EndsWith("_fraction", StringComparison.Ordinal))
            return ($"{words} (%)", v => v * 100);
        if (metric == "throughput") return ($"{words} (/s)", v => v);
        return (words, v => v);
    }

    /// <summary>The unit a byte count of this magnitude reads in, and its size.</summary>
    public static (string Unit, double Scale) Bytes(double largest) =>
        largest >= 1e9 ? ("GB", 1e9) : largest >= 1e6 ? ("MB", 1e6) : largest >= 1e3 ? ("kB", 1e3) : ("B", 1.0);

    /// <summary>Four significant digits, no exponent for the magnitudes the units leave.</summary>
    public static string Number(double v)
    {
        if (double.IsNaN(v)) return "n/a";
        if (v == 0 || double.IsInfinity(v)) return v.ToString(CultureInfo.InvariantCulture);
        int digits = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Abs(v))));
        return Math.Abs(v) >= 1e7 ? v.ToString("0.###e0", CultureInfo.InvariantCulture) : Math.Round(v, Math.Min(digits, 12)).ToString("0.############", CultureInfo.InvariantCulture);
    }
}

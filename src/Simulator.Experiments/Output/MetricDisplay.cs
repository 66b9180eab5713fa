using System.Globalization;

namespace Simulator.Experiments;

/// <summary>
/// How a metric reads in a table: in a unit chosen per column from its values (ms or s; B, kB, MB or GB;
/// per cent for ratios), named in the header, instead of raw SI numbers such as 1.711e11.
/// </summary>
public static class MetricDisplay
{
    /// <summary>The metric in words, without a unit (titles, sentences).</summary>
    public static string Words(string metric) => For(metric, Array.Empty<double>()).Words;

    private static readonly HashSet<string> TimeParts = new(StringComparer.Ordinal)
    {
        "waiting_mean", "upload_mean", "loading_mean", "inference_mean", "downlink_mean", "pull_mean", "pull_placed_mean", "selection_wait_mean", "queueing_mean", "transmission_mean",
        "upload_critical_mean", "gpu_wait_mean", "loading_critical_mean", "network_seconds", "disk_seconds", "pcie_seconds",
    };

    /// <summary>The metric in words with the unit its values read best in, and the conversion from SI to that unit (tables and plot axes alike).</summary>
    public static MetricUnit For(string metric, IEnumerable<double> values)
    {
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        string words = metric.Replace('_', ' ');
        if (metric == MetricSet.DecisionTime) return new("decision time", "ms of wall clock", v => v);
        if (metric.StartsWith("latency", StringComparison.Ordinal) || metric.Contains("delay", StringComparison.Ordinal) || TimeParts.Contains(metric))
            return largest < 1 ? new(words, "ms", v => v * 1e3) : new(words, "s", v => v);
        if (metric.StartsWith("bytes", StringComparison.Ordinal) || metric == "gpu_memory_mean" || metric == "gpu_memory")
        {
            var (unit, scale) = Bytes(largest);
            return new(words, unit, v => v / scale);
        }
        if (metric.EndsWith("_ratio", StringComparison.Ordinal) || metric.EndsWith("_fraction", StringComparison.Ordinal))
            return new(words, "%", v => v * 100);
        if (metric == "throughput") return new(words, "/s", v => v);
        return new(words, null, v => v);
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

/// <summary>A metric as it reads: its words, the unit its values are shown in (none for counts), and the conversion from SI to that unit.</summary>
public sealed record MetricUnit(string Words, string? Unit, Func<double, double> Convert)
{
    /// <summary>"latency p95 (ms)": a table's column, a plot's axis.</summary>
    public string Header => Unit is null ? Words : $"{Words} ({Unit})";

    /// <summary>A value (mean or interval bound) in the unit, four significant digits.</summary>
    public string Format(double v) => MetricDisplay.Number(Convert(v));

    public void Deconstruct(out string header, out Func<double, string> format)
    {
        header = Header;
        format = Format;
    }
}

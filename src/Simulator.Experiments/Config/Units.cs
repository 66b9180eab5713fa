using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulator.Experiments;

/// <summary>
/// Reads values written with units ("150 MB/s", "20 MHz", "-174 dBm/Hz", "250 ms", "24 GB") into SI
/// numbers, and refuses a unit of the wrong kind with a message naming what was expected. A bare number
/// is refused with the units it could mean: read in SI, `bandwidth: 20` would be 20 Hz and serve nothing.
/// </summary>
public static partial class Units
{
    private static readonly Dictionary<string, double> ByteUnits = new(StringComparer.Ordinal)
    {
        ["B"] = 1, ["kB"] = 1e3, ["KB"] = 1e3, ["MB"] = 1e6, ["GB"] = 1e9, ["TB"] = 1e12,
        ["KiB"] = 1024, ["MiB"] = 1024.0 * 1024, ["GiB"] = 1024.0 * 1024 * 1024, ["TiB"] = 1024.0 * 1024 * 1024 * 1024,
    };

    private static readonly Dictionary<string, double> BitRateUnits = new(StringComparer.Ordinal)
    {
        ["bit/s"] = 1.0 / 8, ["b/s"] = 1.0 / 8, ["kb/s"] = 1e3 / 8, ["Mb/s"] = 1e6 / 8, ["Gb/s"] = 1e9 / 8, ["bps"] = 1.0 / 8, ["Mbps"] = 1e6 / 8, ["Gbps"] = 1e9 / 8,
    };

    private static readonly Dictionary<string, double> TimeUnits = new(StringComparer.Ordinal)
    {
        ["s"] = 1, ["ms"] = 1e-3, ["us"] = 1e-6, ["µs"] = 1e-6, ["ns"] = 1e-9, ["min"] = 60, ["h"] = 3600,
    };

    private static readonly Dictionary<string, double> FrequencyUnits = new(StringComparer.Ordinal)
    {
        ["Hz"] = 1, ["kHz"] = 1e3, ["MHz"] = 1e6, ["GHz"] = 1e9,
    };

    /// <summary>The largest size a file may give: far above any device, far below where 64-bit sums of sizes wrap.</summary>
    public const double MaxBytes = 1e18;

    /// <summary>The longest time a file may give: far beyond any horizon, far below the tick clock's range.</summary>
    public const double MaxSeconds = 1e9;

    /// <summary>The highest rate a file may give (arrivals per second): ten per clock tick would be 10^8.</summary>
    public const double MaxPerSecond = 1e6;

    [GeneratedRegex(@"^\s*([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\s*(\S.*?)?\s*$")]
    private static partial Regex Quantity();

    /// <summary>The SI value of <paramref name="text"/>; a <see cref="FormatException"/> says what was expected.</summary>
    public static double Parse(string text, UnitKind kind)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException($"no value; expected {Expected(kind)}.");
        var m = Quantity().Match(text);
        if (!m.Success) throw new FormatException($"'{text}' is not a number with a unit; expected {Expected(kind)}.");
        double value = double.Parse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        string unit = m.Groups[2].Success ? m.Groups[2].Value.Replace(" ", "", StringComparison.Ordinal) : "";
        if (unit.Length == 0)
            throw new FormatException($"'{text!.Trim()}' has no unit; expected {Expected(kind)}, for example '{m.Groups[1].Value} {Typical(kind)}'.");
        // "1,000 ms" or "1 000 ms" would otherwise read as 1 with the unit ",000ms": the number is what went wrong.
        if (unit[0] is (>= '0' and <= '9') or ',' or '.' or '_' or '\'')
        {
            string written = unit.TrimStart("0123456789,._'".ToCharArray()) is { Length: > 0 } rest ? rest : Typical(kind);
            throw new FormatException($"'{text!.Trim()}': a number is written without separators, with '.' for decimals, for example '1500 {written}' or '1.5 {written}'.");
        }
        double? si = kind switch
        {
            UnitKind.Bytes => Scale(ByteUnits, unit, value),
            UnitKind.ByteRate => unit.EndsWith("/s", StringComparison.Ordinal) && ByteUnits.TryGetValue(unit[..^2], out double b) ? value * b : Scale(BitRateUnits, unit, value),
            UnitKind.Time => Scale(TimeUnits, unit, value),
            UnitKind.Frequency => Scale(FrequencyUnits, unit, value),
            UnitKind.Power => unit switch { "W" => value, "mW" => value * 1e-3, "dBm" => Math.Pow(10, (value - 30) / 10), "dBW" => Math.Pow(10, value / 10), _ => null },
            UnitKind.PowerSpectralDensity => unit switch { "W/Hz" => value, "dBm/Hz" => Math.Pow(10, (value - 30) / 10), _ => null },
            UnitKind.PerSecond => unit switch { "/s" => value, "/min" => value / 60, "/h" => value / 3600, _ => null },
            UnitKind.Decibels => unit == "dB" ? value : null,
            UnitKind.Length => unit switch { "m" => value, "km" => value * 1e3, _ => null },
            UnitKind.TimePerSize => unit.StartsWith("s/", StringComparison.Ordinal) && ByteUnits.TryGetValue(unit[2..], out double size) ? value / size : null,
            _ => null,
        };
        return si ?? throw new FormatException($"'{text}' has unit '{unit}', which is not {Expected(kind)}.");
    }

    public static string Expected(UnitKind kind) => kind switch
    {
        UnitKind.Bytes => "a size (B, kB, MB, GB, KiB, MiB, GiB)",
        UnitKind.ByteRate => "a data rate (MB/s, GB/s, Mb/s, Gb/s)",
        UnitKind.Time => "a time (s, ms, us, min, h)",
        UnitKind.Frequency => "a frequency (Hz, kHz, MHz, GHz)",
        UnitKind.Power => "a power (W, mW, dBm)",
        UnitKind.PowerSpectralDensity => "a power spectral density (W/Hz, dBm/Hz)",
        UnitKind.PerSecond => "a rate (/s, /min, /h)",
        UnitKind.Decibels => "a level in dB",
        UnitKind.Length => "a distance (m, km)",
        UnitKind.TimePerSize => "a time per size (s/GB, s/MB)",
        _ => kind.ToString(),
    };

    /// <summary>An SI value written as a file would write it, in the largest unit it is at least one of ("600 kB", "10 ms", "20 MHz").</summary>
    public static string Format(double si, UnitKind kind)
    {
        (string Unit, double Factor)[] scale = kind switch
        {
            UnitKind.Bytes => new[] { ("B", 1.0), ("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12) },
            UnitKind.ByteRate => new[] { ("B/s", 1.0), ("kB/s", 1e3), ("MB/s", 1e6), ("GB/s", 1e9) },
            UnitKind.Time => new[] { ("us", 1e-6), ("ms", 1e-3), ("s", 1.0) },
            UnitKind.Frequency => new[] { ("Hz", 1.0), ("kHz", 1e3), ("MHz", 1e6), ("GHz", 1e9) },
            UnitKind.Power => new[] { ("W", 1.0) },
            UnitKind.PerSecond => new[] { ("/s", 1.0) },
            UnitKind.Decibels => new[] { ("dB", 1.0) },
            UnitKind.Length => new[] { ("m", 1.0), ("km", 1e3) },
            UnitKind.TimePerSize => new[] { ("s/GB", 1e-9) },
            _ => new[] { ("", 1.0) },
        };
        if (kind == UnitKind.PowerSpectralDensity) return Round(10 * Math.Log10(si) + 30) + " dBm/Hz";
        var (unit, factor) = scale.LastOrDefault(u => Math.Abs(si) >= u.Factor, scale[0]);
        if (kind == UnitKind.Time && Math.Abs(si) >= 60 && si % 60 == 0) (unit, factor) = si % 3600 == 0 ? ("h", 3600) : ("min", 60);
        return $"{Round(si / factor)} {unit}";
    }

    private static string Round(double v) => Math.Round(v, 9).ToString("0.#########", CultureInfo.InvariantCulture);

    /// <summary>The SI unit a value of the kind is kept in once read (config.resolved.yaml lists values in it).</summary>
    public static string SiUnit(UnitKind kind) => kind switch
    {
        UnitKind.Bytes => "B",
        UnitKind.ByteRate => "B/s",
        UnitKind.Time => "s",
        UnitKind.Frequency => "Hz",
        UnitKind.Power => "W",
        UnitKind.PowerSpectralDensity => "W/Hz",
        UnitKind.PerSecond => "1/s",
        UnitKind.Decibels => "dB",
        UnitKind.Length => "m",
        UnitKind.TimePerSize => "s/B",
        _ => "",
    };

    /// <summary>The unit a value of the kind is usually written in, for the suggestion.</summary>
    private static string Typical(UnitKind kind) => kind switch
    {
        UnitKind.Bytes => "MB",
        UnitKind.ByteRate => "MB/s",
        UnitKind.Time => "s",
        UnitKind.Frequency => "MHz",
        UnitKind.Power => "dBm",
        UnitKind.PowerSpectralDensity => "dBm/Hz",
        UnitKind.PerSecond => "/s",
        UnitKind.Decibels => "dB",
        UnitKind.Length => "m",
        UnitKind.TimePerSize => "s/GB",
        _ => "",
    };

    private static double? Scale(Dictionary<string, double> units, string unit, double value) =>
        units.TryGetValue(unit, out double factor) ? value * factor : null;
}

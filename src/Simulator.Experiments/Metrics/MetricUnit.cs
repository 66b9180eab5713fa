using System.Globalization;

namespace Simulator.Experiments;

/// <summary>
/// What a metric is measured in: the symbol its files carry (Parquet metadata, <c>list metrics</c>), whether its
/// values are whole counts, and the unit a table or axis shows it in, chosen from the values' magnitude
/// (ms or s; B, kB, MB or GB; per cent for a fraction).
/// </summary>
public abstract class MetricUnit(string symbol, string words)
{
    /// <summary>The symbol in files: s, B, 1/s, fraction, count, or none for a dimensionless number.</summary>
    public string Symbol { get; } = symbol;

    /// <summary>The unit in words, for the reference and <c>list metrics</c>.</summary>
    public string Words { get; } = words;

    public virtual bool Integer => false;

    /// <summary>The unit to show values up to <paramref name="largest"/> (in magnitude) in, and the conversion from the SI value.</summary>
    public abstract (string? Unit, Func<double, double> Convert) Shown(double largest);

    public static readonly MetricUnit Seconds = new TimeUnit();
    public static readonly MetricUnit Bytes = new ByteUnit();
    public static readonly MetricUnit Fraction = new Fixed("fraction", "a fraction from 0 to 1 (shown in %)", "%", 100);
    public static readonly MetricUnit PerSecond = new Fixed("1/s", "per second of the measured span", "/s", 1);
    public static readonly MetricUnit Count = new CountUnit();
    /// <summary>A number without a unit (an accuracy, a cost, a penalty, an exponent, a mean batch size).</summary>
    public static readonly MetricUnit None = new Fixed("", "no unit", null, 1);

    /// <summary>The unit a byte count of this magnitude reads in, and its size.</summary>
    public static (string Unit, double Scale) ByteScale(double largest) =>
        largest >= 1e9 ? ("GB", 1e9) : largest >= 1e6 ? ("MB", 1e6) : largest >= 1e3 ? ("kB", 1e3) : ("B", 1.0);

    public override string ToString() => Symbol;

    private sealed class TimeUnit() : MetricUnit("s", "seconds (shown in ms below 1 s)")
    {
        public override (string? Unit, Func<double, double> Convert) Shown(double largest) => largest < 1 ? ("ms", v => v * 1e3) : ("s", v => v);
    }

    private sealed class ByteUnit() : MetricUnit("B", "bytes (shown in kB, MB or GB)")
    {
        public override (string? Unit, Func<double, double> Convert) Shown(double largest)
        {
            var (unit, scale) = ByteScale(largest);
            return (unit, v => v / scale);
        }
    }

    private sealed class CountUnit() : MetricUnit("count", "a whole number")
    {
        public override bool Integer => true;

        public override (string? Unit, Func<double, double> Convert) Shown(double largest) => (null, v => v);
    }

    private sealed class Fixed(string symbol, string words, string? shown, double factor) : MetricUnit(symbol, words)
    {
        public override (string? Unit, Func<double, double> Convert) Shown(double largest) => (shown, factor == 1 ? v => v : v => v * factor);
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

using System.Globalization;

namespace Simulator.Kernel;

/// <summary>Fixed-width numbers for the monitors' summaries, in SimSharp's layout (NaN prints blank).</summary>
public static class Formatter
{
    public static string Format12(double number, bool silenceNaN = true) => Format(number, silenceNaN, 12, 1e7);

    public static string Format15(double number, bool silenceNaN = true) => Format(number, silenceNaN, 15, 1e10);

    // Large numbers in scientific notation with width - 7 mantissa digits (width 12: 5, width 15: 8),
    // tiny ones likewise, integers right-aligned with four trailing spaces, the rest with three decimals.
    private static string Format(double number, bool silenceNaN, int width, double large)
    {
        var c = CultureInfo.CurrentCulture;
        int digits = width - 7;
        if (double.IsNaN(number)) return silenceNaN ? new string(' ', width) : "nan    ".PadLeft(width);
        if (number >= large || number <= -large)
        {
            string format = Math.Abs(number) >= 1e100 ? "0." + new string('#', digits - 1) + "E+000" : "0." + new string('#', digits) + "E+00";
            return number.ToString(format, c).PadLeft(width);
        }
        if (Math.Abs(number) < 1e-3)
        {
            if (number == 0) return "0    ".PadLeft(width);
            string format = Math.Abs(number) <= 1e-100 ? "0." + new string('#', digits - 1) + "E-000" : "0." + new string('#', digits) + "E-00";
            return number.ToString(format, c).PadLeft(width);
        }
        if (number == (int)number) return ((int)number).ToString(c).PadLeft(width - 4) + "    ";
        return number.ToString("0.000", c).PadLeft(width);
    }
}

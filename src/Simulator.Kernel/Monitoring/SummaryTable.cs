using System.Globalization;
using System.Text;

namespace Simulator.Kernel;

/// <summary>The rows both monitors' summaries share, in SimSharp's layout.</summary>
internal static class SummaryTable
{
    public static void Header(StringBuilder sb, string title, string name)
    {
        sb.Append(title);
        if (!string.IsNullOrEmpty(name)) sb.Append(" of ").Append(name);
        sb.AppendLine();
        sb.AppendLine("                all             excl.zero       zero           ");
        sb.AppendLine("--------------- --------------- --------------- ---------------");
    }

    public static void Row(StringBuilder sb, string label, double all, double nonzero) =>
        sb.AppendLine(string.Format(CultureInfo.CurrentCulture, "{0,15} {1,15} {2,15}", label, Formatter.Format15(all), Formatter.Format15(nonzero)));

    public static void Row(StringBuilder sb, string label, double all, double nonzero, double zero) =>
        sb.AppendLine(string.Format(CultureInfo.CurrentCulture, "{0,15} {1,15} {2,15} {3,15}", label, Formatter.Format15(all), Formatter.Format15(nonzero), Formatter.Format15(zero)));

    public static void Moments(StringBuilder sb, double mean, double nonzeroMean, double sd, double nonzeroSd)
    {
        Row(sb, "Mean", mean, nonzeroMean);
        Row(sb, "Std.dev", sd, nonzeroSd);
        sb.AppendLine();
    }

    /// <summary>The 5 %, 50 % and 95 % rows, of all values and of the non-zero ones.</summary>
    public static void Quantiles(StringBuilder sb, Func<double, double> all, Func<double, double> nonzero)
    {
        Row(sb, "Percentile-5%", all(0.05), nonzero(0.05));
        Row(sb, "Median", all(0.5), nonzero(0.5));
        Row(sb, "Percentile-95%", all(0.95), nonzero(0.95));
    }

    public static void HistogramRow(StringBuilder sb, string upper, string amount, double share, double cumulative, string bar, string cumulativeBar) =>
        sb.AppendLine(string.Format(CultureInfo.CurrentCulture, "{0,15} {1} {2,5:F1} {3,5:F1} {4}{5}", upper, amount, share * 100, cumulative * 100, bar, cumulativeBar));

    /// <summary>The histogram's bars: one star per 2 %, rounded so that the stars so far match the cumulative share.</summary>
    public sealed class Stars
    {
        public int Total { get; private set; }

        public double Cumulative { get; private set; }

        public (string Bar, string CumulativeBar) Add(double share) => Add(share, Cumulative + share);

        public (string Bar, string CumulativeBar) Add(double share, double cumulative)
        {
            Cumulative = cumulative;
            int count = (int)Math.Round(100 * share / 2);
            if (count + Total < (int)Math.Round(100 * cumulative / 2)) count++;
            Total += count;
            return (new string('*', count), "|".PadLeft(Total + 1 - count));
        }
    }
}

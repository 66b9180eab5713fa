using System.Globalization;
using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// A plot's axes, linear or logarithmic (<c>log: x | y | xy</c>). ScottPlot draws a logarithmic axis as the decimal
/// logarithm of the data with ticks labelled by the values; a value at or below 0 has none, so it is left out and
/// counted (the title says how many).
/// </summary>
public sealed class PlotScale(bool logX, bool logY)
{
    public bool LogX { get; } = logX;

    public bool LogY { get; } = logY;

    /// <summary>Points left out for having no logarithm.</summary>
    public int Dropped { get; private set; }

    /// <summary>The points as drawn: each coordinate through its axis's scale, those with no logarithm left out.</summary>
    public (double[] Xs, double[] Ys) Points(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var keep = Enumerable.Range(0, xs.Count).Where(i => (!LogX || xs[i] > 0) && (!LogY || ys[i] > 0)).ToArray();
        Dropped += xs.Count - keep.Length;
        return (keep.Select(i => X(xs[i])).ToArray(), keep.Select(i => Y(ys[i])).ToArray());
    }

    /// <summary>A band's points as drawn; on a logarithmic y axis a low end at or below 0 is drawn at a hundredth of the mean.</summary>
    public (double[] Xs, double[] Low, double[] High) Band(IReadOnlyList<double> xs, IReadOnlyList<(double Mean, double Low, double High)> stats)
    {
        var keep = Enumerable.Range(0, xs.Count).Where(i => (!LogX || xs[i] > 0) && (!LogY || stats[i].Mean > 0)).ToArray();
        return (keep.Select(i => X(xs[i])).ToArray(),
            keep.Select(i => Y(LogY && !(stats[i].Low > 0) ? stats[i].Mean / 100 : stats[i].Low)).ToArray(),
            keep.Select(i => Y(stats[i].High)).ToArray());
    }

    public double X(double v) => LogX ? Math.Log10(v) : v;

    public double Y(double v) => LogY ? Math.Log10(v) : v;

    /// <summary>Labels the logarithmic axes' ticks with the values (decades, and minor ticks between them).</summary>
    public void Apply(Plot plot)
    {
        if (LogX) Logarithmic(plot.Axes.Bottom);
        if (LogY) Logarithmic(plot.Axes.Left);
    }

    /// <summary>" (3 values at or below 0 left out of the logarithmic axis)" when some were.</summary>
    public string Note => Dropped == 0 ? "" : $" ({Dropped} value{(Dropped == 1 ? "" : "s")} at or below 0 left out of the logarithmic axis)";

    /// <summary>A decade as it reads: 0.01, 1, 1,000, 1e+06.</summary>
    private static string Decade(double v) => v >= 1e6 || v < 1e-3 ? v.ToString("0e+0", CultureInfo.InvariantCulture) : v.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static void Logarithmic(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogDecadeMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Decade(Math.Pow(10, v)),
        };
    }
}

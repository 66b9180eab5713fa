namespace Simulator.Edge;

/// <summary>
/// Latencies in logarithmic bins of 0.5 % relative width from 1 us to 10^6 s: the CDF of a traced run in
/// 44 kB whatever its length (10^7 kept doubles were 80 MB, plus a sort). A value is placed within 0.5 %
/// of its bin's upper edge; the count and the exact sum are kept beside the bins.
/// </summary>
public sealed class LatencyHistogram
{
    public const double Smallest = 1e-6, Largest = 1e6, Ratio = 1.005;
    private static readonly double LogRatio = Math.Log(Ratio);
    private readonly long[] counts = new long[(int)Math.Ceiling(Math.Log(Largest / Smallest) / Math.Log(Ratio)) + 2];

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public double Mean => Count > 0 ? Sum / Count : double.NaN;

    public void Add(double seconds)
    {
        if (!(seconds >= 0) || double.IsInfinity(seconds)) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A latency is finite and at least 0.");
        counts[Bin(seconds)]++;
        Count++;
        Sum += seconds;
    }

    /// <summary>Bin 0 holds [0, 1 us]; bin i, (1 us r^(i-1), 1 us r^i]; the last, everything above 10^6 s.</summary>
    private int Bin(double seconds) =>
        seconds <= Smallest ? 0 : Math.Min(counts.Length - 1, (int)Math.Ceiling(Math.Log(seconds / Smallest) / LogRatio - 1e-9));

    /// <summary>The upper edge of bin <paramref name="bin"/>.</summary>
    public static double Edge(int bin) => Smallest * Math.Pow(Ratio, bin);

    /// <summary>(latency, fraction at or below it) at the upper edge of every non-empty bin, in order.</summary>
    public IReadOnlyList<(double Latency, double Fraction)> Cdf()
    {
        var points = new List<(double, double)>();
        long below = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0) continue;
            below += counts[i];
            points.Add((Edge(i), (double)below / Count));
        }
        return points;
    }
}

namespace Simulator.Edge;

/// <summary>
/// Latencies in logarithmic bins of 0.5 % relative width from 1 us to 10^6 s: a run's CDF and quantiles in
/// 44 kB whatever its length (10^7 kept doubles were 80 MB, plus a sort). A value is placed within 0.5 %
/// of its bin's upper edge; the count and the exact sum are kept beside the bins. Its quantiles hold to
/// that width on any stream, where a five-marker estimate (P²) drifts several percent on the trending
/// latencies of a queue that fills.
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

    /// <summary>
    /// Bin 0 holds [0, 1 us]; bin i, (<see cref="Edge"/>(i - 1), <see cref="Edge"/>(i)]; the last, everything above
    /// 10^6 s. The logarithm lands within a rounding error of an edge, so the bin is settled against the edges
    /// themselves: a value one ulp above an edge is not counted at or below it.
    /// </summary>
    private int Bin(double seconds)
    {
        if (seconds <= Smallest) return 0;
        int bin = Math.Min(counts.Length - 1, (int)Math.Ceiling(Math.Log(seconds / Smallest) / LogRatio));
        if (bin > 1 && seconds <= Edge(bin - 1)) bin--;
        else if (bin < counts.Length - 1 && seconds > Edge(bin)) bin++;
        return bin;
    }

    /// <summary>The upper edge of bin <paramref name="bin"/>.</summary>
    public static double Edge(int bin) => Smallest * Math.Pow(Ratio, bin);

    /// <summary>
    /// The <paramref name="p"/> quantile as the sample's R7 definition (linear between the order statistics around
    /// (n - 1) p), each order statistic placed within its bin as if a bin's values were spread evenly across it:
    /// within the bins' 0.5 % of the exact value. NaN for no value.
    /// </summary>
    public double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile's probability lies in [0, 1].");
        if (Count == 0) return double.NaN;
        double h = (Count - 1) * p;
        long low = (long)Math.Floor(h);
        double lower = OrderStatistic(low);
        return low + 1 < Count ? lower + (h - low) * (OrderStatistic(low + 1) - lower) : lower;
    }

    /// <summary>The value of rank <paramref name="rank"/> (from 0), spread evenly within its bin.</summary>
    private double OrderStatistic(long rank)
    {
        long below = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (rank < below + counts[i])
            {
                double from = i == 0 ? 0 : Edge(i - 1), to = Edge(i);
                return from + (rank - below + 0.5) / counts[i] * (to - from);
            }
            below += counts[i];
        }
        throw new ArgumentOutOfRangeException(nameof(rank), rank, $"Only {Count} values are kept.");
    }

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

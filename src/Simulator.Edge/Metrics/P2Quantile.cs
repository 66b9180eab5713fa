namespace Simulator.Edge;

/// <summary>
/// A streaming estimate of one quantile in constant memory: Jain and Chlamtac's P² algorithm (CACM
/// 1985), five markers adjusted by piecewise-parabolic interpolation. Exact up to five observations.
/// </summary>
public sealed class P2Quantile
{
    private readonly double p;
    private readonly double[] q = new double[5];   // marker heights
    private readonly double[] n = new double[5];   // marker positions (1-based)
    private readonly double[] np = new double[5];  // desired positions
    private readonly double[] dn;                  // desired position increments
    private long count;

    public P2Quantile(double probability)
    {
        if (!(probability > 0 && probability < 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "A quantile's probability lies in (0, 1).");
        p = probability;
        dn = new[] { 0, p / 2, p, (1 + p) / 2, 1 };
    }

    public long Count => count;

    public void Add(double x)
    {
        if (count < 5)
        {
            q[count++] = x;
            if (count == 5)
            {
                Array.Sort(q);
                for (int i = 0; i < 5; i++) n[i] = i + 1;
                np[0] = 1; np[1] = 1 + 2 * p; np[2] = 1 + 4 * p; np[3] = 3 + 2 * p; np[4] = 5;
            }
            return;
        }
        count++;
        int k;
        if (x < q[0]) { q[0] = x; k = 0; }
        else if (x >= q[4]) { q[4] = x; k = 3; }
        else
        {
            k = 0;
            while (x >= q[k + 1]) k++;
        }
        for (int i = k + 1; i < 5; i++) n[i]++;
        for (int i = 0; i < 5; i++) np[i] += dn[i];
        for (int i = 1; i <= 3; i++)
        {
            double d = np[i] - n[i];
            if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1))
            {
                int s = Math.Sign(d);
                double candidate = Parabolic(i, s);
                q[i] = q[i - 1] < candidate && candidate < q[i + 1] ? candidate : Linear(i, s);
                n[i] += s;
            }
        }
    }

    /// <summary>The estimate; NaN before any observation.</summary>
    public double Value
    {
        get
        {
            if (count == 0) return double.NaN;
            if (count >= 5) return q[2];
            var sorted = q.Take((int)count).OrderBy(v => v).ToArray();
            double rank = p * (sorted.Length - 1);
            int lo = (int)Math.Floor(rank);
            int hi = Math.Min(lo + 1, sorted.Length - 1);
            return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    private double Parabolic(int i, int s) =>
        q[i] + s / (n[i + 1] - n[i - 1]) * ((n[i] - n[i - 1] + s) * (q[i + 1] - q[i]) / (n[i + 1] - n[i]) + (n[i + 1] - n[i] - s) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));

    private double Linear(int i, int s) => q[i] + s * (q[i + s] - q[i]) / (n[i + s] - n[i]);
}

namespace Simulator.Edge;

/// <summary>τ(n): the GPU time in seconds of a batch of n requests of one model.</summary>
public abstract record InferenceProfile
{
    public abstract double Seconds(int batchSize);
}

/// <summary>τ(n) = alpha * n + beta.</summary>
public sealed record AffineProfile(double Alpha, double Beta) : InferenceProfile
{
    public override double Seconds(int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one request.");
        return Alpha * batchSize + Beta;
    }
}

/// <summary>Measured (n, seconds) points; linear between them and linear past the last two (or the first two).</summary>
public sealed record TableProfile : InferenceProfile
{
    public TableProfile(IEnumerable<(int BatchSize, double Seconds)> points)
    {
        Points = points.OrderBy(p => p.BatchSize).ToArray();
        if (Points.Count < 2) throw new CatalogException("A table profile needs at least two measured points.");
        for (int i = 0; i < Points.Count; i++)
        {
            if (Points[i].BatchSize < 1 || !(Points[i].Seconds > 0))
                throw new CatalogException($"Point {i}: batch size {Points[i].BatchSize} and time {Points[i].Seconds} s must both be positive.");
            if (i > 0 && Points[i].BatchSize == Points[i - 1].BatchSize)
                throw new CatalogException($"Batch size {Points[i].BatchSize} is measured twice.");
        }
    }

    public IReadOnlyList<(int BatchSize, double Seconds)> Points { get; }

    public override double Seconds(int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one request.");
        int hi = 1;
        while (hi < Points.Count - 1 && Points[hi].BatchSize < batchSize) hi++;
        var (n0, t0) = Points[hi - 1];
        var (n1, t1) = Points[hi];
        return t0 + (t1 - t0) * (batchSize - n0) / (n1 - n0);
    }
}

namespace Simulator.Experiments;

/// <summary>The learning-curve measures both network scenario kinds report for online learners.</summary>
internal static class LearningCurve
{
    /// <summary>
    /// a in R(t) ~ t^a: the least-squares slope of ln R against ln t over the points with R > 0; NaN when fewer than
    /// <paramref name="needed"/> such points remain (a curve with zero regret has no exponent).
    /// </summary>
    public static double Exponent(IEnumerable<(double Round, double Regret)> curve, int needed)
    {
        var points = curve.Where(c => c.Regret > 0).Select(c => (X: Math.Log(c.Round), Y: Math.Log(c.Regret))).ToArray();
        if (points.Length < needed) return double.NaN;
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }

    /// <summary>Of the features observed in the last round, the share that inform (of as many as could); NaN without a latent context or observations.</summary>
    public static double InformativeShare(IReadOnlySet<int>? informative, IReadOnlyList<int> observed) =>
        informative is { Count: > 0 } && observed.Count > 0 ? (double)observed.Count(informative.Contains) / Math.Min(observed.Count, informative.Count) : double.NaN;
}

namespace Simulator.Experiments;

/// <summary>
/// Sequential stopping's rule, which the runner follows (a point gets another replication while it fails) and the
/// report states (where the target was met, and where the maximum came first): a point is narrow enough when every
/// strategy's 95 % interval of the primary metric has a half-width within the target share of its mean.
/// </summary>
internal static class SequentialStopping
{
    /// <summary>The strategies whose interval at <paramref name="point"/> is wider than <paramref name="relative"/> of their mean, each with its half-width over its mean.</summary>
    public static IEnumerable<(int Strategy, double Relative)> TooWide(ExperimentSpec spec, IEnumerable<RunRecord> records, int point, double relative)
    {
        var atPoint = records.Where(r => r.Cell.Point == point).ToArray();
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            var summary = Summary.Of(atPoint.Where(r => r.Cell.Strategy == s).Select(r => r.Values[spec.Primary]));
            if (!summary.NarrowWithin(relative)) yield return (s, summary.HalfWidth / Math.Abs(summary.Mean));
        }
    }

    public static bool NarrowEnough(ExperimentSpec spec, IEnumerable<RunRecord> records, int point, double relative) =>
        !TooWide(spec, records, point, relative).Any();

    /// <summary>Whether a point with <paramref name="replications"/> replications of every strategy gets another one.</summary>
    public static bool WantsAnother(ExperimentSpec spec, IEnumerable<RunRecord> records, int point, int replications, double relative) =>
        replications < spec.Replications.Max && !NarrowEnough(spec, records, point, relative);
}

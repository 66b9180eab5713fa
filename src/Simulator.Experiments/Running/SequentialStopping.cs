using System.Globalization;

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
            if (!(summary.HalfWidth <= relative * Math.Abs(summary.Mean))) yield return (s, summary.HalfWidth / Math.Abs(summary.Mean));
        }
    }

    public static bool NarrowEnough(ExperimentSpec spec, IEnumerable<RunRecord> records, int point, double relative) =>
        !TooWide(spec, records, point, relative).Any();

    /// <summary>The report's line: the rule, the points that met it with their replications, and those that reached the maximum first with the intervals still too wide.</summary>
    public static string Outcome(ExperimentSpec spec, IReadOnlyList<RunRecord> records, double relative)
    {
        var plan = spec.Replications;
        string Where(SweepPoint pt) => spec.Sweep.Count == 0 ? "" : " at " + PlotText.Values(spec.Sweep.Select(a => a.Path), pt);
        string Percent(double v) => double.IsFinite(v) ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
        var met = new List<string>();
        var missed = new List<string>();
        foreach (var pt in spec.Points)
        {
            int n = records.Where(r => r.Cell.Point == pt.Index).GroupBy(r => r.Cell.Strategy).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            var wide = TooWide(spec, records, pt.Index, relative).ToArray();
            if (wide.Length == 0) met.Add($"{Where(pt)} with {n} replications");
            else missed.Add($"{Where(pt)} with {n} replications ({string.Join(", ", wide.Select(w => $"{spec.Strategies[w.Strategy].Label} ±{Percent(w.Relative)}"))})");
        }
        string rule = $"- sequential stopping: replications added (from {plan.Min} to at most {plan.Max}) until every strategy's {spec.Primary.Words} has a 95 % half-width within {(relative * 100).ToString("0.####", CultureInfo.InvariantCulture)} % of its mean";
        string metText = met.Count == 0 ? "" : $"met{string.Join(";", met)}";
        string missedText = missed.Count == 0 ? "" : $"**not met**{string.Join(";", missed)}";
        return $"{rule}: {string.Join("; ", new[] { metText, missedText }.Where(t => t.Length > 0))}.";
    }
}

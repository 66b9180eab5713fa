using System.Globalization;
using System.Text;

namespace Simulator.Experiments;

/// <summary>
/// report.md's contrasts for {select, schedule} pairs against a pair baseline (A0+X0): each pair against the one
/// that differs from it in one factor only, that factor at the baseline's value: a+x against a+X0 (the schedule's
/// gain under selector a) and a+x against A0+x (the selector's gain under schedule x), on the primary metric,
/// paired over the same replications. Contrasts against the baseline itself are the table above it.
/// </summary>
internal static class PairContrasts
{
    public static void Write(StringBuilder sb, ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        var strategies = spec.Strategies;
        if (strategies.FirstOrDefault(s => s.Label == spec.Baseline) is not { Schedule: { } baseSchedule } baseline) return;
        int Find(string select, string schedule) => strategies.ToList().FindIndex(s => s.Schedule is not null && s.OwnLabel == select && s.Schedule.OwnLabel == schedule);
        var rows = new List<(int Strategy, int Reference, string Factor)>();
        for (int s = 0; s < strategies.Count; s++)
        {
            var (select, schedule) = (strategies[s].OwnLabel, strategies[s].Schedule!.OwnLabel);
            if (schedule != baseSchedule.OwnLabel && select != baseline.OwnLabel && Find(select, baseSchedule.OwnLabel) is var bySchedule and >= 0)
                rows.Add((s, bySchedule, $"schedule {schedule} against {baseSchedule.OwnLabel}, select {select}"));
            if (select != baseline.OwnLabel && schedule != baseSchedule.OwnLabel && Find(baseline.OwnLabel, schedule) is var bySelect and >= 0)
                rows.Add((s, bySelect, $"select {select} against {baseline.OwnLabel}, schedule {schedule}"));
        }
        if (rows.Count == 0) return;
        int m = spec.Metrics.Index(spec.Metrics.Primary);
        var contrasts = (from point in records.Select(r => r.Cell.Point).Distinct().Order()
                         from row in rows
                         let Values = (Func<int, Dictionary<int, double>>)(s => records.Where(r => r.Cell.Point == point && r.Cell.Strategy == s).ToDictionary(r => r.Cell.Replication, r => r.Metrics[m]))
                         select (Point: point, row.Factor, Paired: PairedSummary.Of(Values(row.Strategy), Values(row.Reference)))).ToArray();
        var shown = MetricDisplay.For(spec.Metrics.Primary, contrasts.SelectMany(c => new[] { c.Paired.Difference.Mean, c.Paired.Difference.Low, c.Paired.Difference.High }));
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## {Report.PrimaryWords(spec)}: one factor of the pair changed, the other held (paired over the same replications)");
        sb.AppendLine();
        var columns = Report.Columns(spec).ToArray();
        sb.AppendLine("| " + string.Join(" | ", columns.Concat(new[] { "contrast", $"difference in {shown.Header}", "95 % interval", "relative gain" })) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", columns.Length + 4)));
        foreach (var (point, factor, p) in contrasts)
            sb.AppendLine("| " + string.Join(" | ", Report.Labels(spec, point).Concat(new[]
            {
                factor, shown.Format(p.Difference.Mean), $"[{shown.Format(p.Difference.Low)}, {shown.Format(p.Difference.High)}]",
                double.IsNaN(p.RelativeGain) ? "n/a" : p.RelativeGain.ToString("P1", CultureInfo.InvariantCulture),
            })) + " |");
    }
}

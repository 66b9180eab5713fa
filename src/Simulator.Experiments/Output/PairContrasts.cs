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
        var (baseSelect, baseScheduled) = (baseline.OwnLabel, baseSchedule.OwnLabel);
        int Find(string select, string schedule)
        {
            for (int s = 0; s < strategies.Count; s++)
                if (strategies[s].Schedule is { } x && strategies[s].OwnLabel == select && x.OwnLabel == schedule) return s;
            return -1;
        }
        var rows = new List<(int Strategy, int Reference, string Factor)>();
        for (int s = 0; s < strategies.Count; s++)
        {
            var (select, schedule) = (strategies[s].OwnLabel, strategies[s].Schedule!.OwnLabel);
            if (select == baseSelect || schedule == baseScheduled) continue; // a contrast with the baseline's selector or schedule is in the table above
            if (Find(select, baseScheduled) is var bySchedule and >= 0)
                rows.Add((s, bySchedule, $"schedule {schedule} against {baseScheduled}, select {select}"));
            if (Find(baseSelect, schedule) is var bySelect and >= 0)
                rows.Add((s, bySelect, $"select {select} against {baseSelect}, schedule {schedule}"));
        }
        if (rows.Count == 0) return;
        int m = spec.Metrics.Index(spec.Primary);
        var contrasts = (from point in records.Select(r => r.Cell.Point).Distinct().Order()
                         from row in rows
                         let paired = ResultWriter.PairedOf(records, point, row.Strategy, row.Reference, m)
                         where paired is not null
                         select (Point: point, row.Factor, Paired: paired)).ToArray();
        var shown = spec.Primary.Shown(contrasts.SelectMany(c => new[] { c.Paired.Difference.Mean, c.Paired.Difference.Low, c.Paired.Difference.High }));
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## {Report.PrimaryWords(spec)}: one factor of the pair changed, the other held (paired over the same replications)");
        sb.AppendLine();
        var columns = Report.Columns(spec).ToArray();
        sb.AppendLine("| " + string.Join(" | ", columns.Concat(new[] { "contrast", $"difference in {shown.Header}", "95 % interval", Report.RelativeHeader(spec) })) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", columns.Length + 4)));
        foreach (var (point, factor, p) in contrasts)
            sb.AppendLine("| " + string.Join(" | ", Report.Labels(spec, point).Concat(new[]
            {
                factor, shown.Format(p.Difference.Mean), $"[{shown.Format(p.Difference.Low)}, {shown.Format(p.Difference.High)}]",
                double.IsNaN(p.RelativeGain) ? "n/a" : p.RelativeGain.ToString("P1", CultureInfo.InvariantCulture),
            })) + " |");
    }
}

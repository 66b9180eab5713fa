namespace Simulator.Experiments;

/// <summary>
/// The cells a finished run holds and a folder lacks: with a fixed number of replications, every cell of the grid;
/// with sequential stopping, at each point every strategy's replications up to the count the run reached (at least
/// the minimum), and one more while the rule asks for it. Summaries, reports and figures come only from a whole grid.
/// </summary>
public static class FinishedGrid
{
    public static IReadOnlyList<Cell> Missing(ExperimentSpec spec, IReadOnlyCollection<RunRecord> records)
    {
        var have = records.Select(r => r.Cell).ToHashSet();
        var plan = spec.Replications;
        if (plan.RelativeHalfWidth is not { } relative)
            return spec.AllCells(plan.Max).Where(c => !have.Contains(c)).ToArray();
        var missing = new List<Cell>();
        for (int p = 0; p < spec.Points.Count; p++)
        {
            int reached = Math.Max(plan.Min, records.Where(r => r.Cell.Point == p).Select(r => r.Cell.Replication + 1).DefaultIfEmpty(0).Max());
            var lacking = Enumerable.Range(0, spec.Strategies.Count)
                .SelectMany(s => Enumerable.Range(0, reached).Select(r => new Cell(p, s, r))).Where(c => !have.Contains(c)).ToArray();
            if (lacking.Length > 0) missing.AddRange(lacking);
            else if (SequentialStopping.WantsAnother(spec, records, p, reached, relative))
                missing.AddRange(Enumerable.Range(0, spec.Strategies.Count).Select(s => new Cell(p, s, reached)));
        }
        return missing;
    }
}

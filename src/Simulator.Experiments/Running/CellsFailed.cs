namespace Simulator.Experiments;

/// <summary>
/// Cells that failed (an outside policy that stopped answering, or a fault thrown while the cell ran): every other cell
/// ran and is kept (a results folder holds it, and a run into it again retries only these); no summary is written from
/// an incomplete grid. Cells that failed alike share a line, so a fault in every cell reads once; the frames of the
/// first fault follow.
/// </summary>
public sealed class CellsFailed(ExperimentSpec spec, IReadOnlyList<CellFailure> failures, int kept) : Exception(Describe(spec, failures, kept))
{
    private const int Problems = 10, CellsAProblem = 5;

    public IReadOnlyList<CellFailure> Failures { get; } = failures;

    private static string Describe(ExperimentSpec spec, IReadOnlyList<CellFailure> failures, int kept)
    {
        string Where(Cell c) => $"point {c.Point}, {spec.Strategies[c.Strategy].Label}, replication {c.Replication}";
        var lines = new List<string>
        {
            kept > 0
                ? $"{failures.Count} cell(s) failed; the other {kept} ran and are kept, and running again into the same --out retries only these:"
                : $"{failures.Count} cell(s) failed and none finished; running again into the same --out retries them:",
        };
        var alike = failures.GroupBy(f => f.Problem).ToArray();
        foreach (var group in alike.Take(Problems))
        {
            var cells = group.Select(f => Where(f.Cell)).ToArray();
            string more = cells.Length > CellsAProblem ? $" and {cells.Length - CellsAProblem} more" : "";
            lines.Add($"  {string.Join("; ", cells.Take(CellsAProblem))}{more}: {group.Key}");
        }
        if (alike.Length > Problems) lines.Add($"  ... and {alike.Skip(Problems).Sum(g => g.Count())} more cell(s) with {alike.Length - Problems} other problem(s)");
        if (failures.FirstOrDefault(f => f.Stack is not null) is { } first)
        {
            lines.Add($"  where {Where(first.Cell)} failed:\n{first.Stack}");
            // A retry helps a policy that stalled once; a fault in code comes back until the code changes.
            lines.Add("  A fault in code fails again while the code is the same; a rebuilt plugin is another configuration, to run into a new --out.");
        }
        return string.Join("\n", lines);
    }
}

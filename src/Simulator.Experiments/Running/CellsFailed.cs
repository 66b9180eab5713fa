namespace Simulator.Experiments;

/// <summary>
/// Cells whose outside policy failed (<see cref="PolicyFailure"/>): every other cell ran and is kept (a results folder
/// holds it, and a run into it again retries only these); no summary is written from an incomplete grid.
/// </summary>
public sealed class CellsFailed(ExperimentSpec spec, IReadOnlyList<(Cell Cell, string Problem)> failures)
    : Exception($"{failures.Count} cell(s) failed; the others ran and are kept, and running again into the same --out retries only these:\n"
        + string.Join("\n", failures.Select(f => $"  point {f.Cell.Point}, {spec.Strategies[f.Cell.Strategy].Label}, replication {f.Cell.Replication}: {f.Problem}")))
{
    public IReadOnlyList<(Cell Cell, string Problem)> Failures { get; } = failures;
}

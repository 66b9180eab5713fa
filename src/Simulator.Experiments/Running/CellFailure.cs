namespace Simulator.Experiments;

/// <summary>What failed one cell: the problem in a line, and for a fault in code (a strategy's, say) where it was thrown.</summary>
public sealed record CellFailure(Cell Cell, string Problem, string? Stack = null)
{
    /// <summary>A fault thrown while the cell ran, with the frames from where it was thrown down to the runner.</summary>
    public static CellFailure Of(Cell cell, Exception fault) => new(cell, Fault.Line(fault), Fault.Frames(fault, typeof(Runner).FullName + "."));
}

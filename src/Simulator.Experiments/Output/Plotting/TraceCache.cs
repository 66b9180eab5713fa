namespace Simulator.Experiments;

/// <summary>
/// The traced runs of a sweep point, shared by every figure of one drawing: each cell at a point is simulated again
/// with tracing on (in parallel) the first time a figure asks for the point, and kept for the others.
/// </summary>
public sealed class TraceCache(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
{
    private readonly Dictionary<int, RunTrace[][]> byPoint = new();

    /// <summary>Every replication of every strategy at <paramref name="point"/>: [strategy][replication].</summary>
    public RunTrace[][] All(SweepPoint point)
    {
        if (byPoint.TryGetValue(point.Index, out var known)) return known;
        var cells = records.Where(r => r.Cell.Point == point.Index).Select(r => r.Cell).OrderBy(c => (c.Strategy, c.Replication)).ToArray();
        var traces = new RunTrace[cells.Length];
        Parallel.For(0, cells.Length, i => traces[i] = Runner.Trace(spec, cells[i]));
        return byPoint[point.Index] = Enumerable.Range(0, spec.Strategies.Count)
            .Select(s => cells.Select((c, i) => (c, i)).Where(x => x.c.Strategy == s).Select(x => traces[x.i]).ToArray()).ToArray();
    }
}

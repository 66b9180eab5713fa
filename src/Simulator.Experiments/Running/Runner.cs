using System.Collections.Concurrent;
using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// Runs an experiment's grid of sweep points x strategies x replications (docs/experiments.md).
/// Every (point, replication) has one seed, derived from the experiment's by hashing, whatever the
/// strategy: common random numbers. Cells run in parallel and the records come back sorted, so the
/// results are the same on any number of threads. With sequential stopping, replications are added
/// point by point, for every strategy at once, until each strategy's interval of the kind's primary metric is narrow enough.
/// </summary>
public sealed class Runner(ExperimentSpec spec, int parallelism)
{
    /// <summary>Called when cells are planned (none done yet: 0) and after each finished cell, with the number done and the number planned so far.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Only the cells this returns true for run (a shard's slice).</summary>
    public Func<Cell, bool> Include { get; init; } = _ => true;

    /// <summary>Cells already finished (a resumed run): reused, not run again.</summary>
    public IReadOnlyCollection<RunRecord> Done { get; init; } = Array.Empty<RunRecord>();

    /// <summary>Called with each new record as soon as it is finished (to persist it).</summary>
    public Action<RunRecord>? Finished { get; init; }

    public IReadOnlyList<RunRecord> Run()
    {
        var records = new ConcurrentBag<RunRecord>(Done);
        var finished = Done.Select(r => r.Cell).ToHashSet();
        var failed = new ConcurrentBag<CellFailure>();
        int done = 0, planned = 0;
        void RunAll(IReadOnlyList<Cell> cells)
        {
            var todo = cells.Where(c => !finished.Contains(c)).ToArray();
            Progress?.Invoke(Volatile.Read(ref done), Interlocked.Add(ref planned, todo.Length));
            // One cell at a time: cells differ in cost by orders of magnitude (a high arrival rate, an exact
            // planner) and the costly ones come last. Ranges, or the load-balancing partitioner's growing chunks,
            // would leave a core idle while the other finishes a handful of slow cells.
            Parallel.ForEach(Partitioner.Create(todo, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, cell =>
            {
                RunRecord record;
                try
                {
                    record = RunCell(spec, cell);
                }
                catch (PolicyFailure ex)
                {
                    // An outside policy failed this cell alone: the others run, and the failure is reported at the end.
                    failed.Add(new CellFailure(cell, ex.Message));
                    return;
                }
                catch (Exception ex) when (!Fault.IsRefusal(ex) && ex is not OutOfMemoryException)
                {
                    // A fault in code (a strategy's own, a plugin's) fails this cell, reported with where it was thrown;
                    // a refusal of the input (the exceptions let through) is the same in every cell and stops the run.
                    failed.Add(CellFailure.Of(cell, ex));
                    return;
                }
                records.Add(record);
                Finished?.Invoke(record);
                Progress?.Invoke(Interlocked.Increment(ref done), Volatile.Read(ref planned));
            });
        }
        var plan = spec.Replications;
        RunAll(Cells(Enumerable.Range(0, spec.Points.Count), 0, plan.Min));
        if (!failed.IsEmpty) throw Failed(failed, records.Count);
        if (plan.RelativeHalfWidth is { } width)
        {
            var reps = Enumerable.Repeat(plan.Min, spec.Points.Count).ToArray();
            while (true)
            {
                var more = Enumerable.Range(0, spec.Points.Count).Where(p => SequentialStopping.WantsAnother(spec, records, p, reps[p], width)).ToArray();
                if (more.Length == 0) break;
                RunAll(more.SelectMany(p => Cells(new[] { p }, reps[p], reps[p] + 1)).ToArray());
                if (!failed.IsEmpty) throw Failed(failed, records.Count);
                foreach (int p in more) reps[p]++;
            }
        }
        return records.OrderBy(r => r.Cell.Point).ThenBy(r => r.Cell.Strategy).ThenBy(r => r.Cell.Replication).ToArray();
    }

    private CellsFailed Failed(IEnumerable<CellFailure> failed, int kept) =>
        new(spec, failed.OrderBy(f => (f.Cell.Point, f.Cell.Strategy, f.Cell.Replication)).ToArray(), kept);

    private List<Cell> Cells(IEnumerable<int> points, int fromReplication, int toReplication) =>
        points.SelectMany(p => Enumerable.Range(0, spec.Strategies.Count)
                .SelectMany(s => Enumerable.Range(fromReplication, toReplication - fromReplication).Select(r => new Cell(p, s, r))))
            .Where(Include).ToList();

    /// <summary>The seed every strategy shares at (point, replication).</summary>
    public static ulong CellSeed(ulong experimentSeed, int point, int replication) =>
        new RandomStreams(experimentSeed).Seed($"point{point}", replication);

    public static RunRecord RunCell(ExperimentSpec spec, Cell cell) => Simulate(spec, cell, trace: false).Record;

    /// <summary>Runs one cell again with every latency and series kept; cells are deterministic, so this is the same run.</summary>
    public static RunTrace Trace(ExperimentSpec spec, Cell cell) => Simulate(spec, cell, trace: true).Trace!;

    /// <summary>A cell simulated again with its timeline recorded (at most <paramref name="rows"/> rows a table); only a kind whose scenarios keep one is traced.</summary>
    public static (RunRecord Record, SiteTimeline Timeline) Timeline(ExperimentSpec spec, Cell cell, int rows) =>
        spec.Points[cell.Point].ScenarioOf(cell.Strategy) is ITimelineScenario scenario
            ? scenario.Timeline(cell, spec.Strategies[cell.Strategy], Streams(spec, cell), spec.Length, rows)
            : throw new InvalidOperationException(spec.TraceRefusal);

    private static (RunRecord Record, RunTrace? Trace) Simulate(ExperimentSpec spec, Cell cell, bool trace) =>
        spec.Points[cell.Point].ScenarioOf(cell.Strategy).Run(cell, spec.Strategies[cell.Strategy], Streams(spec, cell), spec.Length, trace);

    /// <summary>A cell's streams: every strategy of a (point, replication) draws the same (common random numbers).</summary>
    private static RandomStreams Streams(ExperimentSpec spec, Cell cell) => Streams(spec, cell.Point, cell.Replication);

    /// <summary>The streams of (point, replication): what its cells draw, for anything that must see the same world (a window exported, a catalog shown, an environment's episode).</summary>
    public static RandomStreams Streams(ExperimentSpec spec, int point, int replication) => new(CellSeed(spec.Seed, point, replication));
}

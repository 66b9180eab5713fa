using System.Globalization;
using System.Text;

namespace Simulator.Experiments;

/// <summary>
/// A results folder as a run builds it: the experiment's source and overrides (experiment.yaml,
/// sets.txt), the config hash, and cells.csv, to which every finished cell is appended at once. A run
/// pointed at a folder holding the same config resumes: its finished cells are not run again. Shards
/// write such folders, and <see cref="Merge"/> joins them.
/// </summary>
/// <remarks>
/// Each cell's record ends with a checksum of its fields. A record cut off by an interruption (the last
/// one) is dropped and its cell runs again; a record elsewhere that fails its checksum (edited, damaged)
/// is refused with its line; a record written twice is kept once, two different records of one cell are
/// refused. Nothing a later resume or merge reads can crash on it or lose a finished cell.
/// </remarks>
public sealed class RunStore : IDisposable
{
    private const string Cells = "cells.csv";
    private const string LockFile = "run.lock";
    private const string SourceFile = "experiment.yaml", OverridesFile = "sets.txt";

    /// <summary>The files of the folder's own: what ran and what it gave, cell by cell.</summary>
    private static readonly string[] Files = [SourceFile, OverridesFile, Cells];
    private readonly object gate = new();
    private readonly FileStream? writer;
    private int appended;

    private RunStore(string directory, ExperimentSpec spec, CellLog log, FileStream? writer = null)
    {
        Directory = directory;
        Spec = spec;
        Done = log.Done;
        builds = log.Builds;
        this.writer = writer;
    }

    private readonly IReadOnlyDictionary<Cell, string> builds;

    /// <summary>How many of the cells found done each build ran ("" for a cell logged before builds were recorded).</summary>
    public IReadOnlyDictionary<string, int> DoneBuilds => Tally(builds.Values);

    /// <summary>How many of the cells the folder holds each build ran: those found done, and those this process appended since.</summary>
    public IReadOnlyDictionary<string, int> Builds
    {
        get
        {
            lock (gate) return Tally(builds.Values.Concat(Enumerable.Repeat(SimulatorBuild.Current, appended)));
        }
    }

    /// <summary>How many cells each build ran, the most first.</summary>
    public static IReadOnlyDictionary<string, int> Tally(IEnumerable<string> builds) =>
        builds.GroupBy(b => b).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Gives up the folder's writer lock.</summary>
    public void Dispose() => writer?.Dispose();

    /// <summary>
    /// The folder's lock, held while a run writes into it: a second run into the same folder would double every
    /// cell, so it is refused at once (an exclusive lock: the kernel's advisory lock on Linux, a share lock on Windows).
    /// </summary>
    private static FileStream Lock(string directory)
    {
        string path = Path.Combine(directory, LockFile);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new ConfigException(path, 1, "", "another run is writing into this folder now; wait for it, or choose another --out.");
        }
    }

    public string Directory { get; }

    public ExperimentSpec Spec { get; }

    /// <summary>Cells the folder already holds.</summary>
    public IReadOnlyList<RunRecord> Done { get; }

    /// <summary>Opens (or starts) a folder for <paramref name="spec"/>; a folder of another config is refused.</summary>
    public static RunStore Open(string directory, ExperimentSpec spec)
    {
        var source = spec.Source ?? throw new InvalidOperationException("An experiment without its source cannot be stored.");
        if (File.Exists(directory)) throw new ConfigException(directory, 1, "", "--out names a file; it must be a folder (new or one this experiment wrote).");
        System.IO.Directory.CreateDirectory(directory);
        var writer = Lock(directory);
        try
        {
            return Opened(directory, spec, source, writer);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    private static RunStore Opened(string directory, ExperimentSpec spec, ExperimentSource source, FileStream writer)
    {
        string hashFile = Path.Combine(directory, "config.hash");
        if (File.Exists(hashFile))
        {
            string stored = File.ReadAllText(hashFile).Trim();
            if (stored != spec.Hash) throw new ConfigException(hashFile, 1, "", $"this folder holds results of another configuration (sha256 {stored[..Math.Min(12, stored.Length)]}..., this one {spec.Hash[..12]}...); choose another --out.");
        }
        else
        {
            // The hash comes last and whole (written aside, then renamed): a run killed while it starts the
            // folder leaves no hash, and the next one starts it again, rather than a torn hash or no log.
            File.WriteAllText(Path.Combine(directory, SourceFile), source.Text);
            File.WriteAllText(Path.Combine(directory, OverridesFile), string.Join("\n", source.Sets.Prepend($"# base directory: {source.BaseDirectory}")) + "\n");
            File.WriteAllText(Path.Combine(directory, Cells), Header(spec) + "\n");
            WriteWhole(hashFile, spec.Hash + "\n");
        }
        string cells = Path.Combine(directory, Cells);
        var log = ReadCells(cells, spec);
        // Appending after a torn record would glue the next one to it, to a deleted log would start it without its
        // header, and to a log of the earlier header would mix two formats: rewrite the log whole first.
        if (!log.Clean || !File.Exists(cells)) WriteWhole(cells, Log(spec, log.Done, log.Builds));
        return new RunStore(directory, spec, log, writer);
    }

    /// <summary>
    /// A folder holding a finished grid (a merge's), as a run into it would have left it: <c>plot</c> redraws it, and
    /// a run into it finds every cell done.
    /// </summary>
    public static void WriteFinished(string directory, ExperimentSpec spec, IReadOnlyList<RunRecord> records, IReadOnlyDictionary<Cell, string> builds)
    {
        using var store = Open(directory, spec);
        WriteWhole(Path.Combine(directory, Cells), Log(spec, records, builds));
    }

    private static string Log(ExperimentSpec spec, IEnumerable<RunRecord> records, IReadOnlyDictionary<Cell, string> builds) =>
        string.Concat(records.Select(r => Line(r, builds[r.Cell]) + "\n").Prepend(Header(spec) + "\n"));

    /// <summary>Writes a file aside and renames it into place, so that a process killed meanwhile leaves the old file or none, never a torn one.</summary>
    internal static void WriteWhole(string path, string text)
    {
        string aside = path + ".new";
        File.WriteAllText(aside, text);
        File.Move(aside, path, overwrite: true);
    }

    /// <summary>Rebuilds the experiment stored in a folder, checking that it still gives the stored hash.</summary>
    public static RunStore Load(string directory)
    {
        string hashFile = Path.Combine(directory, "config.hash");
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory}: no such folder.");
        if (!File.Exists(hashFile)) throw new FileNotFoundException($"{directory}: not a results folder (no config.hash).");
        var sets = File.ReadAllLines(Path.Combine(directory, OverridesFile));
        string baseDirectory = sets[0].StartsWith("# base directory: ", StringComparison.Ordinal) ? sets[0]["# base directory: ".Length..] : directory;
        var spec = ExperimentReader.Read(new ExperimentSource(File.ReadAllText(Path.Combine(directory, SourceFile)), Path.Combine(directory, SourceFile), baseDirectory,
            sets.Skip(1).Where(l => l.Length > 0).ToArray(), Stored: true));
        string stored = File.ReadAllText(hashFile).Trim();
        if (stored != spec.Hash) throw new ConfigException(hashFile, 1, "", $"the stored experiment no longer resolves to the stored hash {stored[..12]}... (profiles or defaults changed?).");
        return new RunStore(directory, spec, ReadCells(Path.Combine(directory, Cells), spec));
    }

    /// <summary>The cells the folder holds whole: those found done, and those appended since.</summary>
    public int Kept
    {
        get
        {
            lock (gate) return Done.Count + appended;
        }
    }

    public void Append(RunRecord r)
    {
        string line = Line(r, SimulatorBuild.Current);
        lock (gate)
        {
            File.AppendAllText(Path.Combine(Directory, Cells), line + "\n");
            appended++;
        }
    }

    private static string Header(ExperimentSpec spec) => EarlierHeader(spec).Replace(",check", ",build,check", StringComparison.Ordinal);

    /// <summary>The header of a log written before each cell recorded its build: read, its cells' builds unknown, and rewritten on resume.</summary>
    private static string EarlierHeader(ExperimentSpec spec) =>
        "point,strategy,replication," + string.Join(",", spec.Metrics.Names) + ",decision_ms_mean,decision_ms_max,check";

    /// <summary>A cell's record: its fields and the build that ran it, then the checksum of them.</summary>
    private static string Line(RunRecord r, string build)
    {
        string fields = string.Join(",", new[] { r.Cell.Point, r.Cell.Strategy, r.Cell.Replication }.Select(i => i.ToString(CultureInfo.InvariantCulture))
            .Concat(r.Values.Append(r.DecisionMsMean).Append(r.DecisionMsMax).Select(ResultWriter.Num)).Append(build));
        return fields + "," + Check(fields);
    }

    private static string Check(string fields) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(fields)), 0, 4);

    /// <summary>
    /// Joins shard folders: all must hold the same configuration, and together every cell of the grid
    /// exactly once (a fixed number of replications). Returns the experiment and its records.
    /// </summary>
    public static (ExperimentSpec Spec, IReadOnlyList<RunRecord> Records, IReadOnlyDictionary<Cell, string> Builds) Merge(IReadOnlyList<string> directories)
    {
        if (directories.Count == 0) throw new ConfigException("merge", 1, "", "name at least one results folder.");
        foreach (var group in directories.GroupBy(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).Where(g => g.Count() > 1))
            throw new ConfigException("merge", 1, "", $"{group.Key} is named {group.Count()} times; name each slice once.");
        var stores = directories.Select(Load).ToArray();
        var spec = stores[0].Spec;
        foreach (var s in stores.Skip(1))
            if (s.Spec.Hash != spec.Hash)
                throw new ConfigException(Path.Combine(s.Directory, "config.hash"), 1, "", $"this slice belongs to another configuration than {stores[0].Directory} (sha256 {s.Spec.Hash[..12]}... against {spec.Hash[..12]}...).");
        if (spec.Replications.RelativeHalfWidth is not null)
            throw new ConfigException(stores[0].Directory, 1, "replications", "slices of a run with sequential stopping cannot be merged: give a fixed number of replications.");
        var records = stores.SelectMany(s => s.Done).ToArray();
        var duplicate = records.GroupBy(r => r.Cell).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ConfigException("merge", 1, "", $"cell {Describe(spec, duplicate.Key)} is present {duplicate.Count()} times.");
        var missing = FinishedGrid.Missing(spec, records);
        if (missing.Count > 0) throw new ConfigException("merge", 1, "", $"{missing.Count} cell(s) are missing, the first {Describe(spec, missing[0])}.");
        return (spec, records.OrderBy(r => r.Cell.Point).ThenBy(r => r.Cell.Strategy).ThenBy(r => r.Cell.Replication).ToArray(),
            stores.SelectMany(s => s.builds).ToDictionary(b => b.Key, b => b.Value));
    }

    /// <summary>
    /// A folder merged results may go to: not a slice nor inside one, and holding none of the files a merge writes
    /// (a results folder already), so that a merge never writes over a slice or a result. It may hold the slices
    /// (a Slurm run's folder keeps them in shards/).
    /// </summary>
    public static void CheckMergeTarget(string target, IReadOnlyList<string> slices)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        foreach (var slice in slices.Select(s => Path.TrimEndingDirectorySeparator(Path.GetFullPath(s))))
            if (full == slice || full.StartsWith(slice + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ConfigException("--out", 1, "", $"{full} {(full == slice ? "is" : "lies inside")} the slice {slice}: merged results go to a folder of their own.");
        if (File.Exists(full)) throw new ConfigException("--out", 1, "", $"{full} is a file; --out takes a folder.");
        if (ResultWriter.Outputs.Concat(Files).FirstOrDefault(o => Path.Exists(Path.Combine(full, o))) is { } present)
            throw new ConfigException("--out", 1, "", $"{full} already holds {present}: merge replaces nothing; give a new folder.");
    }

    /// <summary>A cell as messages name it: its point, strategy and replication.</summary>
    public static string Describe(ExperimentSpec spec, Cell c) =>
        $"(point {c.Point}, {spec.Strategies[c.Strategy].Label}, replication {c.Replication})";

    /// <summary>The cells a log holds, each with the build that ran it, and whether the log is clean (false: its last record was torn and is dropped, or it has the earlier header).</summary>
    private static CellLog ReadCells(string path, ExperimentSpec spec)
    {
        var builds = new Dictionary<Cell, string>();
        if (!File.Exists(path)) return new(Array.Empty<RunRecord>(), builds, true);
        var lines = File.ReadAllLines(path);
        bool earlier = lines.Length > 0 && lines[0] == EarlierHeader(spec);
        if (lines.Length == 0 || (lines[0] != Header(spec) && !earlier))
            throw new ConfigException(path, 1, "", "the cell log's header is not the one this version writes (an older results folder, or edited); choose another --out.");
        int last = Array.FindLastIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        var list = new List<RunRecord>();
        var seen = new Dictionary<Cell, (string Text, int Line)>();
        bool clean = !earlier;
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var (record, build, problem) = Parse(lines[i], spec, earlier);
            if (record is null)
            {
                if (i == last) { clean = false; continue; } // cut off by an interruption: that cell runs again
                throw new ConfigException(path, i + 1, "", $"this cell record {problem} (edited or damaged); delete the line, and the next run computes that cell again.");
            }
            var cell = record.Cell;
            if (cell.Point >= spec.Points.Count || cell.Strategy >= spec.Strategies.Count || cell.Replication >= spec.Replications.Max)
                throw new ConfigException(path, i + 1, "", $"a record of a cell outside this experiment's grid (point {cell.Point}, strategy {cell.Strategy}, replication {cell.Replication}).");
            if (seen.TryGetValue(cell, out var first))
            {
                if (first.Text == lines[i]) { clean = false; continue; } // written twice: keep one
                throw new ConfigException(path, i + 1, "", $"a second, different record of the cell on line {first.Line}; delete the wrong one.");
            }
            seen[cell] = (lines[i], i + 1);
            list.Add(record);
            builds[cell] = build;
        }
        return new(list, builds, clean);
    }

    /// <summary>A record whose checksum and fields hold, with its build ("" in a log of the earlier header); or null and what is wrong with it.</summary>
    private static (RunRecord? Record, string Build, string Problem) Parse(string line, ExperimentSpec spec, bool earlier)
    {
        int comma = line.LastIndexOf(',');
        if (comma < 0 || Check(line[..comma]) != line[(comma + 1)..]) return (null, "", "does not match its checksum");
        var f = line[..comma].Split(',');
        int metrics = spec.Metrics.Count, fields = 3 + metrics + 2, expected = fields + (earlier ? 0 : 1);
        if (f.Length != expected) return (null, "", $"has {f.Length} fields before its checksum where this experiment's records have {expected}");
        var ints = new int[3];
        for (int k = 0; k < 3; k++)
            if (!int.TryParse(f[k], NumberStyles.None, CultureInfo.InvariantCulture, out ints[k])) return (null, "", $"has '{f[k]}' where its cell's numbers belong");
        var values = new double[metrics + 2];
        for (int k = 0; k < values.Length; k++)
            if (!double.TryParse(f[3 + k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k])) return (null, "", $"has '{f[3 + k]}' where a number belongs");
        return (new RunRecord(new Cell(ints[0], ints[1], ints[2]), new MetricValues(spec.Metrics, values[..metrics]), values[^2], values[^1]), earlier ? "" : f[fields], "");
    }

    /// <summary>A cell log as read: its records, the build of each, and whether it can be appended to as it is.</summary>
    private sealed record CellLog(IReadOnlyList<RunRecord> Done, IReadOnlyDictionary<Cell, string> Builds, bool Clean);
}

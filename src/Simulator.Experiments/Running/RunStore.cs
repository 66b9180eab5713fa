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

    private RunStore(string directory, ExperimentSpec spec, IReadOnlyList<RunRecord> done, FileStream? writer = null)
    {
        Directory = directory;
        Spec = spec;
        Done = done;
        this.writer = writer;
    }

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
        var (done, clean) = ReadCells(cells, spec);
        // Appending after a torn record would glue the next one to it, and to a deleted log would start it without
        // its header: rewrite the log whole first.
        if (!clean || !File.Exists(cells)) WriteWhole(cells, Log(spec, done));
        return new RunStore(directory, spec, done, writer);
    }

    /// <summary>
    /// A folder holding a finished grid (a merge's), as a run into it would have left it: <c>plot</c> redraws it, and
    /// a run into it finds every cell done.
    /// </summary>
    public static void WriteFinished(string directory, ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        using var store = Open(directory, spec);
        WriteWhole(Path.Combine(directory, Cells), Log(spec, records));
    }

    private static string Log(ExperimentSpec spec, IEnumerable<RunRecord> records) =>
        string.Concat(records.Select(r => Line(r) + "\n").Prepend(Header(spec) + "\n"));

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
            sets.Skip(1).Where(l => l.Length > 0).ToArray()));
        string stored = File.ReadAllText(hashFile).Trim();
        if (stored != spec.Hash) throw new ConfigException(hashFile, 1, "", $"the stored experiment no longer resolves to the stored hash {stored[..12]}... (profiles or defaults changed?).");
        return new RunStore(directory, spec, ReadCells(Path.Combine(directory, Cells), spec).Done);
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
        string line = Line(r);
        lock (gate)
        {
            File.AppendAllText(Path.Combine(Directory, Cells), line + "\n");
            appended++;
        }
    }

    private static string Header(ExperimentSpec spec) =>
        "point,strategy,replication," + string.Join(",", spec.Metrics.Names) + ",decision_ms_mean,decision_ms_max,check";

    /// <summary>A cell's record: its fields, then the checksum of them.</summary>
    private static string Line(RunRecord r)
    {
        string fields = string.Join(",", new[] { r.Cell.Point, r.Cell.Strategy, r.Cell.Replication }.Select(i => i.ToString(CultureInfo.InvariantCulture))
            .Concat(r.Values.Append(r.DecisionMsMean).Append(r.DecisionMsMax).Select(ResultWriter.Num)));
        return fields + "," + Check(fields);
    }

    private static string Check(string fields) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(fields)), 0, 4);

    /// <summary>
    /// Joins shard folders: all must hold the same configuration, and together every cell of the grid
    /// exactly once (a fixed number of replications). Returns the experiment and its records.
    /// </summary>
    public static (ExperimentSpec Spec, IReadOnlyList<RunRecord> Records) Merge(IReadOnlyList<string> directories)
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
        return (spec, records.OrderBy(r => r.Cell.Point).ThenBy(r => r.Cell.Strategy).ThenBy(r => r.Cell.Replication).ToArray());
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

    /// <summary>The cells a log holds, and whether it is clean (false: its last record was torn and is dropped).</summary>
    private static (IReadOnlyList<RunRecord> Done, bool Clean) ReadCells(string path, ExperimentSpec spec)
    {
        if (!File.Exists(path)) return (Array.Empty<RunRecord>(), true);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header(spec))
            throw new ConfigException(path, 1, "", "the cell log's header is not the one this version writes (an older results folder, or edited); choose another --out.");
        int last = Array.FindLastIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        var list = new List<RunRecord>();
        var seen = new Dictionary<Cell, (string Text, int Line)>();
        bool clean = true;
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var record = Parse(lines[i], spec);
            if (record is null)
            {
                if (i == last) { clean = false; continue; } // cut off by an interruption: that cell runs again
                throw new ConfigException(path, i + 1, "", "this cell record does not match its checksum (edited or damaged); delete the line, and the next run computes that cell again.");
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
        }
        return (list, clean);
    }

    /// <summary>A record whose checksum holds, or null.</summary>
    private static RunRecord? Parse(string line, ExperimentSpec spec)
    {
        int comma = line.LastIndexOf(',');
        if (comma < 0 || Check(line[..comma]) != line[(comma + 1)..]) return null;
        var f = line[..comma].Split(',');
        int metrics = spec.Metrics.Count;
        if (f.Length != 3 + metrics + 2) return null;
        var ints = new int[3];
        for (int k = 0; k < 3; k++)
            if (!int.TryParse(f[k], NumberStyles.None, CultureInfo.InvariantCulture, out ints[k])) return null;
        var values = new double[metrics + 2];
        for (int k = 0; k < values.Length; k++)
            if (!double.TryParse(f[3 + k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k])) return null;
        return new RunRecord(new Cell(ints[0], ints[1], ints[2]), new MetricValues(spec.Metrics, values[..metrics]), values[^2], values[^1]);
    }
}

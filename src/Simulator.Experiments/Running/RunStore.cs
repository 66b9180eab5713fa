using System.Globalization;
using System.Text;

namespace Simulator.Experiments;

/// <summary>
/// A results folder as a run builds it: the experiment's source and overrides (experiment.yaml,
/// sets.txt), the config hash, and cells.csv, to which every finished cell is appended at once. A run
/// pointed at a folder holding the same config resumes: its finished cells are not run again. Shards
/// write such folders, and <see cref="Merge"/> joins them.
/// </summary>
public sealed class RunStore : IDisposable
{
    private const string Cells = "cells.csv";
    private const string LockFile = "run.lock";
    private readonly object gate = new();
    private readonly FileStream? writer;

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
            if (stored != spec.Hash) throw new ConfigException(hashFile, 1, "", $"this folder holds results of another configuration (sha256 {stored[..12]}..., this one {spec.Hash[..12]}...); choose another --out.");
        }
        else
        {
            File.WriteAllText(Path.Combine(directory, "experiment.yaml"), source.Text);
            File.WriteAllText(Path.Combine(directory, "sets.txt"), string.Join("\n", source.Sets.Prepend($"# base directory: {source.BaseDirectory}")) + "\n");
            File.WriteAllText(hashFile, spec.Hash + "\n");
            File.WriteAllText(Path.Combine(directory, Cells), "point,strategy,replication," + string.Join(",", spec.Metrics.Names) + ",decision_ms_mean,decision_ms_max\n");
        }
        return new RunStore(directory, spec, ReadCells(Path.Combine(directory, Cells), spec.Metrics.Count), writer);
    }

    /// <summary>Rebuilds the experiment stored in a folder, checking that it still gives the stored hash.</summary>
    public static RunStore Load(string directory)
    {
        string hashFile = Path.Combine(directory, "config.hash");
        if (!File.Exists(hashFile)) throw new FileNotFoundException($"{directory}: not a results folder (no config.hash).");
        var sets = File.ReadAllLines(Path.Combine(directory, "sets.txt"));
        string baseDirectory = sets[0].StartsWith("# base directory: ", StringComparison.Ordinal) ? sets[0]["# base directory: ".Length..] : directory;
        var spec = ExperimentReader.Read(new ExperimentSource(File.ReadAllText(Path.Combine(directory, "experiment.yaml")), Path.Combine(directory, "experiment.yaml"), baseDirectory,
            sets.Skip(1).Where(l => l.Length > 0).ToArray()));
        string stored = File.ReadAllText(hashFile).Trim();
        if (stored != spec.Hash) throw new ConfigException(hashFile, 1, "", $"the stored experiment no longer resolves to the stored hash {stored[..12]}... (profiles or defaults changed?).");
        return new RunStore(directory, spec, ReadCells(Path.Combine(directory, Cells), spec.Metrics.Count));
    }

    public void Append(RunRecord r)
    {
        string line = string.Join(",", new[] { r.Cell.Point, r.Cell.Strategy, r.Cell.Replication }.Select(i => i.ToString(CultureInfo.InvariantCulture))
            .Concat(r.Metrics.Append(r.DecisionMsMean).Append(r.DecisionMsMax).Select(ResultWriter.Num)));
        lock (gate) File.AppendAllText(Path.Combine(Directory, Cells), line + "\n");
    }

    /// <summary>
    /// Joins shard folders: all must hold the same configuration, and together every cell of the grid
    /// exactly once (a fixed number of replications). Returns the experiment and its records.
    /// </summary>
    public static (ExperimentSpec Spec, IReadOnlyList<RunRecord> Records) Merge(IReadOnlyList<string> directories)
    {
        if (directories.Count == 0) throw new ConfigException("merge", 1, "", "name at least one results folder.");
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
        var have = records.Select(r => r.Cell).ToHashSet();
        var missing = spec.AllCells(spec.Replications.Max).Where(c => !have.Contains(c)).ToArray();
        if (missing.Length > 0) throw new ConfigException("merge", 1, "", $"{missing.Length} cell(s) are missing, the first {Describe(spec, missing[0])}.");
        return (spec, records.OrderBy(r => r.Cell.Point).ThenBy(r => r.Cell.Strategy).ThenBy(r => r.Cell.Replication).ToArray());
    }

    private static string Describe(ExperimentSpec spec, Cell c) =>
        $"(point {c.Point}, {spec.Strategies[c.Strategy].Label}, replication {c.Replication})";

    private static IReadOnlyList<RunRecord> ReadCells(string path, int metrics)
    {
        if (!File.Exists(path)) return Array.Empty<RunRecord>();
        var list = new List<RunRecord>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split(',');
            if (f.Length != 3 + metrics + 2) continue; // a line cut off by an interruption: run that cell again
            var values = f.Skip(3).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            list.Add(new RunRecord(new Cell(int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture)),
                values[..metrics], values[^2], values[^1]));
        }
        return list;
    }
}

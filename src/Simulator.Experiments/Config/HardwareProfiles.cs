using System.Reflection;
using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>A GPU: its memory and the PCIe profile of its host link.</summary>
public sealed record GpuProfile(string Name, long MemoryBytes, string Pcie);

/// <summary>
/// The hardware profiles shipped in <c>experiments/profiles/hardware.yaml</c> (embedded in this assembly),
/// found by name. Every value in that file is a {value, source} pair: a number without a source is an error.
/// </summary>
public sealed class HardwareProfiles
{
    private readonly Dictionary<string, DiskProfile> disks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PcieProfile> links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GpuProfile> gpus = new(StringComparer.Ordinal);
    private readonly List<(string Profile, string Key, string Value, string Source)> values = new();

    public HardwareProfiles(YamlDoc doc)
    {
        var top = doc.Mapping("disks", "pcie", "gpus");
        foreach (var (name, d) in Entries(top, "disks"))
        {
            var f = d.Mapping("rate", "access");
            disks[name] = new DiskProfile(name, Sourced($"disk {name}", d, f, "rate", UnitKind.ByteRate), Sourced($"disk {name}", d, f, "access", UnitKind.Time));
        }
        foreach (var (name, p) in Entries(top, "pcie"))
        {
            var f = p.Mapping("rate", "latency");
            links[name] = new PcieProfile(name, Sourced($"pcie {name}", p, f, "rate", UnitKind.ByteRate), Sourced($"pcie {name}", p, f, "latency", UnitKind.Time));
        }
        foreach (var (name, g) in Entries(top, "gpus"))
        {
            var f = g.Mapping("memory", "pcie");
            double memory = Sourced($"gpu {name}", g, f, "memory", UnitKind.Bytes);
            string link = f.TryGetValue("pcie", out var l) ? l.Text() : throw g.Error("missing 'pcie'.");
            if (!links.ContainsKey(link)) throw f["pcie"].Error($"unknown PCIe profile '{link}'; known: {string.Join(", ", links.Keys)}.");
            gpus[name] = new GpuProfile(name, (long)memory, link);
        }
    }

    /// <summary>The profiles shipped with the simulator.</summary>
    public static HardwareProfiles Shipped { get; } = LoadShipped();

    /// <summary>Every shipped value as written, with the source the file gives for it.</summary>
    public IReadOnlyList<(string Profile, string Key, string Value, string Source)> Values => values;

    public IEnumerable<string> DiskNames => disks.Keys;

    public IEnumerable<string> PcieNames => links.Keys;

    public IEnumerable<string> GpuNames => gpus.Keys;

    /// <summary>
    /// The profile a file names at <paramref name="at"/>; an unknown name is refused there with the known ones and, for a
    /// device that may be given by its values instead, the keys of that form (<paramref name="ownForm"/>).
    /// </summary>
    public static T Named<T>(string name, YamlDoc at, IEnumerable<string> names, Func<string, T> find, string? ownForm = null) =>
        names.Contains(name) ? find(name)
            : throw at.Error($"unknown profile '{name}'.{Spelling.Hint(name, names)} Known: {string.Join(", ", names)}{(ownForm is null ? "" : $"; or give {ownForm}")}.");

    public DiskProfile Disk(string name) => Find(disks, name, "disk");

    public PcieProfile Pcie(string name) => Find(links, name, "PCIe");

    public GpuProfile Gpu(string name) => Find(gpus, name, "GPU");

    private static HardwareProfiles LoadShipped()
    {
        const string resource = "profiles/hardware.yaml";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The shipped profile {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return new HardwareProfiles(YamlDoc.Parse(reader.ReadToEnd(), "experiments/profiles/hardware.yaml"));
    }

    private static IEnumerable<(string Name, YamlDoc Entry)> Entries(IReadOnlyDictionary<string, YamlDoc> top, string section) =>
        top.TryGetValue(section, out var s) ? s.Mapping().Select(kv => (kv.Key, kv.Value)) : Array.Empty<(string, YamlDoc)>();

    private double Sourced(string profile, YamlDoc owner, IReadOnlyDictionary<string, YamlDoc> fields, string key, UnitKind kind)
    {
        if (!fields.TryGetValue(key, out var entry)) throw owner.Error($"missing '{key}'.");
        var f = entry.Mapping("value", "source");
        if (!f.TryGetValue("source", out var source) || string.IsNullOrWhiteSpace(source.Text())) throw entry.Error($"'{key}' needs a source: every shipped number says where it comes from.");
        if (!f.TryGetValue("value", out var value)) throw entry.Error($"'{key}' needs a value.");
        values.Add((profile, key, value.Text(), source.Text()));
        return value.Quantity(kind);
    }

    private static T Find<T>(Dictionary<string, T> table, string name, string what) =>
        table.TryGetValue(name, out var v) ? v
        : throw new KeyNotFoundException($"Unknown {what} profile '{name}'.{Spelling.Hint(name, table.Keys)} Known: {string.Join(", ", table.Keys)}.");
}

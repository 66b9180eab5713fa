using System.Globalization;
using Simulator.Edge;
using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>
/// What <c>validate</c> says of a file that is not an experiment: it is read as the kind it is (a catalog, a static
/// round, a network window, the hardware profiles, a plots section, a CSV) by the reader the command or key that takes it uses, so that
/// <c>validate experiments/*/*.yaml</c> checks every file there, each refused with its own file and line.
/// </summary>
public static class FileCheck
{
    private static readonly string[] CatalogFileKeys = CatalogKeys.Description.Names.Append("blocks").ToArray();

    /// <summary>A catalog file, or a generator description as an experiment's <c>scenario.catalog</c> takes it.</summary>
    public static Catalog ReadCatalog(YamlDoc doc, string directory)
    {
        doc.Mapping(CatalogFileKeys); // a key that neither a catalog nor a description takes is refused first
        return CatalogYaml.IsCatalog(doc)
            ? CatalogYaml.Read(doc)
            : SiteSections.ReadCatalog(new Section(doc, new Binding(new Dictionary<string, YamlDoc>()), CatalogKeys.Description), directory);
    }

    /// <summary>The file read as <paramref name="kind"/>, and validate's line for it.</summary>
    public static string Check(FileKind kind, YamlDoc doc, FileInfo file)
    {
        string name = file.Name;
        FileKinds.Expect(doc, kind); // a window's own mark, checked as solve checks it
        switch (kind)
        {
            case FileKind.Catalog:
                var catalog = ReadCatalog(doc, file.DirectoryName!);
                return $"ok: {name}: a catalog{(CatalogYaml.IsCatalog(doc) ? "" : " description")}, {Count(catalog.Models.Count, "model")} of {Count(catalog.Blocks.Count, "block")}";
            case FileKind.StaticRound:
                var round = StaticInstanceYaml.Read(doc, file.DirectoryName!);
                return $"ok: {name}: a static round of {Count(round.Queue.Count, "user")} over {Count(round.Catalog.Models.Count, "model")}";
            case FileKind.NetworkWindow:
                var window = NetworkInstanceFile.Read(doc);
                return $"ok: {name}: a network window of {Count(window.Requests.Count, "request")}, {Count(window.Cloudlets.Count, "cloudlet")} and {Count(window.Catalog.Models.Count, "model")}";
            case FileKind.HardwareProfiles:
                var profiles = new HardwareProfiles(doc);
                return $"ok: {name}: hardware profiles, {Count(profiles.DiskNames.Count(), "disk")}, {Count(profiles.PcieNames.Count(), "PCIe link")} and {Count(profiles.GpuNames.Count(), "GPU")}";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "an experiment is read by the experiment reader, a plots section by Plots");
        }
    }

    /// <summary>A file of plots: alone, checked in <paramref name="kinds"/> (the built-in kinds and those of --plugin), and validate's line for it.</summary>
    public static string Plots(YamlDoc doc, FileInfo file, ScenarioKinds kinds)
    {
        var plots = PlotsFile.Read(doc, kinds);
        return $"ok: {file.Name}: a plots section of {Count(plots.Figures, "figure")}, drawn by {string.Join(" or ", plots.Kinds.Select(k => k.Name))} experiments; `plot <dir> --plots` checks its x and at against a folder's sweep";
    }

    /// <summary>
    /// A CSV the simulator reads, told by its header and read by the reader of the key that takes it: places
    /// (latitude, longitude: cloudlet sites or users), an uplink placement (x, y) or an arrivals trace (time, model,
    /// bytes, deadline); validate's line for it.
    /// </summary>
    public static string Csv(FileInfo file)
    {
        string path = file.FullName, name = file.Name;
        string known = $"the columns {string.Join(" and ", CoordinatesFile.Columns)} (places: scenario.network.sites.file, scenario.requests.users.file), "
            + $"{string.Join(" and ", CsvPlacement.Columns)} (scenario.uplink.placement.file) or {string.Join(", ", TraceWorkload.Columns)} (scenario.arrivals.file)";
        // The header as every reader parses it: a binary or empty file, another separator, a column unnamed or named twice is refused here, at its line.
        var table = CsvTable.Parse(TextFile.ReadLines(path), known, (line, problem) => new FormatException($"{path}:{line}: {problem}"));
        var header = table.Header.Select(h => h.ToLowerInvariant()).ToArray();
        if (header.Intersect(CoordinatesFile.Columns).Any())
        {
            var places = CoordinatesFile.Read(path);
            double south = places.Rows.Min(r => r.Latitude), west = places.Rows.Min(r => r.Longitude);
            var plane = places.Project(south, west, places.Rows.Average(r => r.Latitude));
            return $"ok: {name}: {Count(places.Rows.Count, "place")} (latitude, longitude) over {Km(plane.Max(p => p.X))} by {Km(plane.Max(p => p.Y))}; scenario.network.sites.file and scenario.requests.users.file read it";
        }
        if (header.Intersect(TraceWorkload.Columns).Any())
        {
            var trace = new TraceWorkload(path);
            if (trace.Count == 0) throw new FormatException($"{path}:1: the trace has a header but no requests.");
            return string.Create(CultureInfo.InvariantCulture, $"ok: {name}: an arrivals trace of {Count(trace.Count, "request")} from {trace.First:0.###} s to {trace.Last:0.###} s; scenario.arrivals.file reads it (process: trace), against the experiment's catalog");
        }
        if (header.Intersect(CsvPlacement.Columns).Any())
        {
            var placement = new CsvPlacement(path);
            return string.Create(CultureInfo.InvariantCulture, $"ok: {name}: a placement of {Count(placement.Distances.Count, "user position")}, {MetricUnit.Number(placement.Distances.Min())} to {MetricUnit.Number(placement.Distances.Max())} m from the base station; scenario.uplink.placement.file reads it (kind: file)");
        }
        throw new FormatException($"{path}:1: a CSV the simulator reads has {known}; this header has {string.Join(", ", table.Header)}.");
    }

    private static string Km(double metres) => $"{MetricUnit.Number(metres / 1000)} km";

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}

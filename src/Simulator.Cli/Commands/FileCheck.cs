using Simulator.Edge;
using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>
/// What <c>validate</c> says of a file that is not an experiment: it is read as the kind it is (a catalog, a static
/// round, a network window, the hardware profiles, a plots section) by the reader the command that takes it uses, so that
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

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}

using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// <c>ram.preload</c>, as experiment files and static rounds write it: none, all, or a list of model ids whose
/// blocks are in the RAM cache when the site starts.
/// </summary>
internal static class RamPreload
{
    public static string[] Read(YamlDoc? doc, Catalog catalog, long capacityBytes)
    {
        if (doc is null) return Array.Empty<string>();
        string[] ids = doc.IsSequence
            ? doc.Sequence().Select(m => CatalogYaml.Model(catalog, m).Id).ToArray()
            : doc.Text() switch
            {
                "none" => Array.Empty<string>(),
                "all" => catalog.Models.Select(m => m.Id).ToArray(),
                var t => throw doc.Error($"preload is none, all or a list of model ids, not '{t}'."),
            };
        // A cache of capacity 0 keeps nothing, so the preload would be dropped and the site start cold unseen.
        if (ids.Length > 0 && capacityBytes == 0)
            throw doc.Error("preload puts models' blocks in RAM, but the RAM's capacity is 0 (the default), which turns the cache off: give ram.capacity too, for example {capacity: 8 GB, preload: all}.");
        return ids;
    }
}

using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>The kinds of file the simulator reads, each known by its top-level keys.</summary>
public enum FileKind
{
    Experiment,
    Catalog,
    StaticRound,
    NetworkWindow,
    HardwareProfiles,
    Plots,
}

/// <summary>
/// Tells a file's kind from its top-level keys, so that a file given where another kind is expected is refused
/// with what it is and where it goes, not read as the expected kind and refused for keys it was never meant to have.
/// </summary>
public static class FileKinds
{
    /// <summary>What a file is; null when its keys say nothing (a scalar, a list, or none of the keys that mark a kind).</summary>
    public static FileKind? Recognize(YamlDoc doc)
    {
        if (!doc.IsMapping) return null;
        var keys = doc.Keys.ToHashSet(StringComparer.Ordinal);
        if (keys.Contains("kind") && !keys.Contains("scenario")) return FileKind.NetworkWindow;
        if (keys.Contains("scenario")) return FileKind.Experiment;
        if (keys.Contains("users") && keys.Contains("catalog")) return FileKind.StaticRound;
        if (keys.Contains("cloudlets") && keys.Contains("requests")) return FileKind.NetworkWindow;
        if (keys.Contains("blocks") || keys.Contains("models") || keys.Contains("generate")) return FileKind.Catalog;
        if (keys.Contains("disks") || keys.Contains("gpus")) return FileKind.HardwareProfiles;
        if (keys.SetEquals(new[] { ExperimentKeys.Plots.Name })) return FileKind.Plots;
        return null;
    }

    /// <summary>What a file of each kind is, and the command or key that takes it.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Experiment => "an experiment: `run` and `validate` take it (`catalog` prints the catalogs it serves from, `solve --export` draws its window)",
        FileKind.Catalog => "a catalog: an experiment names it in scenario.catalog: {file: ...}, and `catalog <file>` checks it alone",
        FileKind.StaticRound => "a static round (catalog, site, users): `solve <file>` plans it",
        FileKind.NetworkWindow => $"a network window (kind: {NetworkInstanceFile.Kind}): `solve <file>` plans it",
        FileKind.Plots => "a plots section: `plot <dir> --plots <file>` draws a results folder's figures with it",
        _ => "a hardware profile file: experiments name its profiles (site.disk, site.gpu.device)",
    };

    /// <summary>
    /// The file, refused unless it is one of <paramref name="expected"/>: a file of another kind is told what it is;
    /// one that is not a mapping, what each expected kind is. A mapping whose keys mark no kind is taken as the
    /// first expected kind, whose reader then names what it lacks.
    /// </summary>
    public static FileKind Expect(YamlDoc doc, params FileKind[] expected)
    {
        var kind = Recognize(doc) ?? (doc.IsMapping ? expected[0] : null);
        if (kind is { } k && expected.Contains(k))
        {
            if (k == FileKind.NetworkWindow) CheckWindowKind(doc);
            return k;
        }
        string wanted = string.Join(", or ", expected.Select(Marks));
        if (kind is { } other) throw doc.Error($"this is {Describe(other)}; expected {wanted}.");
        throw doc.Error($"expected {wanted}; found {(doc.IsSequence ? "a list" : $"the value '{Shorten(doc.Text())}'")}.");
    }

    /// <summary>A network window says so: <c>kind: network-window</c>, spelt exactly.</summary>
    private static void CheckWindowKind(YamlDoc doc)
    {
        var fields = doc.Mapping();
        if (!fields.TryGetValue("kind", out var kind))
            throw doc.Error($"this looks like a network window (cloudlets, requests) but has no 'kind: {NetworkInstanceFile.Kind}': add it as its first line.");
        if (kind.IsMapping || kind.IsSequence || kind.Text() != NetworkInstanceFile.Kind)
            throw kind.Error($"'kind' is '{(kind.IsMapping || kind.IsSequence ? "a collection" : Shorten(kind.Text()))}'; the one file kind that names itself is '{NetworkInstanceFile.Kind}'.{Spelling.Hint(kind.IsMapping || kind.IsSequence ? "" : kind.Text(), [NetworkInstanceFile.Kind])}");
    }

    private static string Marks(FileKind kind) => kind switch
    {
        FileKind.Experiment => "an experiment (name, seed, scenario, strategies, ...)",
        FileKind.Catalog => "a catalog (blocks and models, or generate)",
        FileKind.StaticRound => "a static round (catalog, site, uplink, users)",
        FileKind.NetworkWindow => $"a network window (kind: {NetworkInstanceFile.Kind})",
        FileKind.Plots => "a plots section (plots: alone)",
        _ => "a hardware profile file (disks, gpus, pcie)",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}

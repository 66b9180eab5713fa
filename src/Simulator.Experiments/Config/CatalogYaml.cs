using System.Globalization;
using System.Text;
using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// Catalogs written block by block in YAML:
/// <code>
/// blocks:
///   - {id: c0/stem, bytes: 38144, kind: backbone-layer}
/// models:
///   - id: c0/v0
///     blocks: [c0/stem, c0/v0/head]
///     profile: {alpha: 2 ms, beta: 1.3 ms}        # or {table: [[1, 3.3 ms], [2, 5.3 ms]]}
///     activation: 20 MB
///     family: resnet50                             # optional: family, cluster, base, accuracy
/// </code>
/// Reading reports the file, line and path of anything wrong; writing gives exact integers for bytes
/// and round-trip decimals for seconds, so write-then-read returns the same catalog.
/// </summary>
public static class CatalogYaml
{
    private static readonly string[] BlockKeys = { "id", "bytes", "kind" };
    private static readonly string[] ModelKeys = { "id", "blocks", "profile", "activation", "family", "cluster", "base", "accuracy" };

    /// <summary>
    /// Whether a mapping is a catalog (it lists its blocks) rather than a description of one: a description with a
    /// stray <c>blocks</c> stays a description, whose reader names the stray key.
    /// </summary>
    public static bool IsCatalog(YamlDoc doc) => doc.Keys.Contains("blocks") && !doc.Keys.Contains(CatalogKeys.Generate.Name);

    public static Catalog Read(YamlDoc doc)
    {
        var top = doc.Mapping("blocks", "models");
        if (!top.TryGetValue("blocks", out var blocksDoc)) throw doc.Error("a catalog needs 'blocks'.");
        if (!top.TryGetValue("models", out var modelsDoc)) throw doc.Error("a catalog needs 'models'.");
        var blocks = new List<Block>();
        var blockLines = new Dictionary<string, YamlDoc>(StringComparer.Ordinal);
        foreach (var b in blocksDoc.Sequence())
        {
            var f = b.Mapping(BlockKeys);
            string id = Register(blockLines, Require(b, f, "id"), b, "block");
            double bytes = Require(b, f, "bytes").Quantity(UnitKind.Bytes);
            if (bytes < 0 || bytes != Math.Floor(bytes)) throw f["bytes"].Error($"a block's size must be a whole, non-negative number of bytes, not {bytes}.");
            var kind = f.TryGetValue("kind", out var k) ? ParseKind(k) : BlockKind.Unspecified;
            blocks.Add(new Block(id, (long)bytes, kind));
        }
        var models = new List<Model>();
        var modelLines = new Dictionary<string, YamlDoc>(StringComparer.Ordinal);
        foreach (var m in modelsDoc.Sequence())
        {
            var f = m.Mapping(ModelKeys);
            string id = Register(modelLines, Require(m, f, "id"), m, "model");
            var ids = BlockList(Require(m, f, "blocks"), id, blockLines);
            var profile = ReadProfile(Require(m, f, "profile"));
            double activation = f.TryGetValue("activation", out var a) ? a.Quantity(UnitKind.Bytes) : 0;
            if (activation < 0) throw a!.Error($"activation memory must be at least 0, not {activation} B.");
            double? accuracy = f.TryGetValue("accuracy", out var acc) ? acc.Number() : null;
            if (accuracy is { } value && !(value > 0 && value <= 1)) throw acc!.Error($"an accuracy is a fraction in (0, 1], not {value}.");
            models.Add(new Model(id, ids, profile, (long)activation,
                f.TryGetValue("family", out var fam) ? fam.Text() : null,
                f.TryGetValue("cluster", out var cl) ? cl.Text() : null,
                f.TryGetValue("base", out var bs) ? bs.Text() : null,
                accuracy));
        }
        if (models.Count == 0) throw modelsDoc.Error("the catalog lists no model.");
        return doc.Checked(() => new Catalog(blocks, models)); // what the per-entry checks above cannot see
    }

    public static Catalog Read(string file) => Read(YamlDoc.Load(file));


    public static string Write(Catalog catalog)
    {
        var sb = new StringBuilder();
        sb.AppendLine("blocks:");
        foreach (var b in catalog.Blocks)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - {{id: {Quote(b.Id)}, bytes: {b.Bytes}");
            if (b.Kind != BlockKind.Unspecified) sb.Append(CultureInfo.InvariantCulture, $", kind: {KindName(b.Kind)}");
            sb.AppendLine("}");
        }
        sb.AppendLine("models:");
        foreach (var m in catalog.Models)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - id: {Quote(m.Id)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    blocks: [{string.Join(", ", m.BlockIds.Select(Quote))}]");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    profile: {ProfileText(m.Profile)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    activation: {m.ActivationBytesPerSample} B");
            if (m.Family is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"    family: {Quote(m.Family)}");
            if (m.Cluster is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"    cluster: {Quote(m.Cluster)}");
            if (m.Base is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"    base: {Quote(m.Base)}");
            if (m.Accuracy is { } acc) sb.AppendLine(CultureInfo.InvariantCulture, $"    accuracy: {acc:R}");
        }
        return sb.ToString();
    }

    /// <summary>The catalog's model a file names by id; an unknown id is refused at its line, with the nearest ids.</summary>
    internal static Model Model(Catalog catalog, YamlDoc doc)
    {
        string id = doc.Text();
        return catalog.Contains(id) ? catalog.Model(id) : throw doc.Error($"unknown model '{id}'.{Spelling.Hint(id, catalog.Models.Select(m => m.Id))}");
    }

    /// <summary>
    /// A block's or model's id (<paramref name="what"/>), not empty, recorded with where it is defined; a second
    /// definition names the first one's line. Every file that lists blocks and models reads their ids so.
    /// </summary>
    internal static string Register(Dictionary<string, YamlDoc> seen, YamlDoc idDoc, YamlDoc at, string what)
    {
        string id = idDoc.Text();
        if (string.IsNullOrWhiteSpace(id)) throw idDoc.Error($"a {what} id must not be empty.");
        return seen.TryAdd(id, at) ? id : throw at.Error($"{what} id '{id}' appears twice (first at line {seen[id].Line}).");
    }

    /// <summary>Model <paramref name="model"/>'s blocks: at least one, each defined in <paramref name="blocks"/>, none twice; refused at the entry.</summary>
    internal static string[] BlockList(YamlDoc list, string model, IReadOnlyDictionary<string, YamlDoc> blocks)
    {
        var entries = list.Sequence();
        if (entries.Count == 0) throw list.Error($"model '{model}' lists no blocks.");
        var ids = entries.Select(at => at.Text()).ToArray();
        for (int i = 0; i < ids.Length; i++)
        {
            if (!blocks.ContainsKey(ids[i]))
                throw entries[i].Error($"model '{model}' lists unknown block '{ids[i]}'.{Spelling.Hint(ids[i], blocks.Keys)}");
            if (Array.IndexOf(ids, ids[i]) < i) throw entries[i].Error($"model '{model}' lists block '{ids[i]}' twice.");
        }
        return ids;
    }

    private static YamlDoc Require(YamlDoc owner, IReadOnlyDictionary<string, YamlDoc> fields, string key) =>
        fields.TryGetValue(key, out var v) ? v : throw owner.Error($"missing '{key}'.");

    /// <summary>A profile written as {alpha, beta} or {table: [[n, time], ...]}.</summary>
    internal static InferenceProfile ReadProfile(YamlDoc doc)
    {
        var f = doc.Mapping("alpha", "beta", "table");
        if (f.TryGetValue("table", out var table))
        {
            if (f.ContainsKey("alpha") || f.ContainsKey("beta")) throw doc.Error("a profile is either {alpha, beta} or {table}, not both.");
            var points = table.Sequence().Select(p =>
            {
                var pair = p.Sequence();
                if (pair.Count != 2) throw p.Error("a table point is [batch size, time].");
                long n = pair[0].Integer();
                if (n < 1 || n > int.MaxValue) throw pair[0].Error($"a batch size must be a positive whole number, not {n}.");
                return ((int)n, pair[1].Quantity(UnitKind.Time));
            }).ToArray();
            return table.Checked(() => new TableProfile(points));
        }
        if (!f.TryGetValue("alpha", out var alpha) || !f.TryGetValue("beta", out var beta)) throw doc.Error("an affine profile needs both 'alpha' and 'beta' (seconds).");
        return new AffineProfile(alpha.Quantity(UnitKind.Time, Domain.NonNegative), beta.Quantity(UnitKind.Time, Domain.NonNegative));
    }

    private static string ProfileText(InferenceProfile profile) => profile switch
    {
        AffineProfile a => string.Create(CultureInfo.InvariantCulture, $"{{alpha: {a.Alpha:R} s, beta: {a.Beta:R} s}}"),
        TableProfile t => $"{{table: [{string.Join(", ", t.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.BatchSize}, {p.Seconds:R} s]")))}]}}",
        _ => throw new NotSupportedException($"No YAML form for profile {profile.GetType().Name}."),
    };

    private static BlockKind ParseKind(YamlDoc doc)
    {
        string text = doc.Text();
        var names = Enum.GetValues<BlockKind>().ToDictionary(KindName);
        return names.TryGetValue(text, out var kind)
            ? kind
            : throw doc.Error($"unknown block kind '{text}'.{Spelling.Hint(text, names.Keys)} Known: {string.Join(", ", names.Keys)}.");
    }

    /// <summary>BackboneLayer -> backbone-layer.</summary>
    private static string KindName(BlockKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}

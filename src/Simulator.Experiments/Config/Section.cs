using System.Globalization;
using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>What a value must be, checked where it is read: any finite number, at least 0, or above 0.</summary>
public enum Domain
{
    Finite,
    NonNegative,
    Positive,
}

/// <summary>The state of one binding: overrides by dotted path, those used, and every value resolved.</summary>
public sealed class Binding(IReadOnlyDictionary<string, YamlDoc> overrides)
{
    public IReadOnlyDictionary<string, YamlDoc> Overrides { get; } = overrides;

    public HashSet<string> Consumed { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Resolved { get; } = new(StringComparer.Ordinal);

    /// <summary>Every section bound so far, for <see cref="CheckAllRead"/>.</summary>
    public List<Section> Sections { get; } = new();

    /// <summary>The dotted paths some section asked for (several sections may read one mapping).</summary>
    public HashSet<string> ReadPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every key a section bound so far accepts, by dotted path without list indices
    /// (<c>scenario.uplink.placement.spacing</c>): the schema as the reader knows it, which the README's
    /// reference must cover (a test holds the two together).
    /// </summary>
    public SortedSet<string> KnownKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every value given must have been read at some sweep point: a known key that the configuration never
    /// reads (rice_k with Rayleigh fading, carrier with 3GPP path loss) would otherwise be accepted and
    /// silently ignored. A value one point reads and another does not (a swept choice) is used.
    /// </summary>
    public static void CheckAllRead(IReadOnlyList<Binding> points)
    {
        var read = new HashSet<string>(points.SelectMany(b => b.ReadPaths), StringComparer.Ordinal);
        foreach (var binding in points)
            foreach (var section in binding.Sections) section.CheckAllRead(read);
    }

    /// <summary>Every override must have been a setting somewhere; one that was not is a misspelt or misplaced path.</summary>
    public void CheckAllConsumed()
    {
        foreach (var (path, value) in Overrides)
            if (!Consumed.Contains(path)) throw value.Error($"'{path}' is not a setting of this experiment.");
    }
}

/// <summary>
/// One mapping of a config file being bound to typed values. Keys are checked against those the reader
/// asks for (unknown keys are errors with a suggestion), and every value read or defaulted is recorded
/// under its dotted path, so the resolved config lists every value a run used.
/// </summary>
public sealed class Section
{
    private readonly Dictionary<string, YamlDoc> fields;
    private readonly Binding binding;

    public Section(YamlDoc doc, Binding binding, params string[] known)
    {
        Doc = doc;
        this.binding = binding;
        binding.Sections.Add(this);
        fields = new Dictionary<string, YamlDoc>(doc.Mapping(known), StringComparer.Ordinal);
        foreach (var key in known) binding.KnownKeys.Add(System.Text.RegularExpressions.Regex.Replace(Path(key), @"\[\d+\]", ""));
        // Overrides (sweep values, --set) addressed to a key of this mapping replace or add it.
        foreach (var (path, value) in binding.Overrides)
        {
            string prefix = doc.Path.Length == 0 ? "" : doc.Path + ".";
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string rest = path[prefix.Length..];
            string key = rest.Split('.')[0];
            // clusters[0].frozen reaches into a list item: the item's own section takes it.
            string name = key.Split('[')[0];
            if (known.Length > 0 && !known.Contains(name))
                throw value.Error($"unknown key '{name}' in '{path}'.{Spelling.Hint(name, known)} Known keys here: {string.Join(", ", known)}.");
            if (!rest.Contains('.'))
            {
                fields[key] = YamlDoc.FromNode(value.Node, value.File, Path(key));
                binding.Consumed.Add(path);
            }
        }
    }

    public YamlDoc Doc { get; }

    public Binding Binding => binding;

    public bool Has(string key) => fields.ContainsKey(key);

    public YamlDoc? Raw(string key) => fields.TryGetValue(Read(key), out var v) ? v : null;

    public YamlDoc Required(string key) => fields.TryGetValue(Read(key), out var v) ? v : throw Doc.Error($"missing '{key}'.");

    public Section Child(string key, params string[] known)
    {
        var node = fields.TryGetValue(Read(key), out var v) ? v : YamlDoc.Parse("{}", Doc.File).At(Path(key));
        return new Section(node, binding, known);
    }

    public double Quantity(string key, UnitKind kind, double? fallback = null, Domain domain = Domain.Finite)
    {
        double value = fields.TryGetValue(Read(key), out var v) ? v.Quantity(kind) : fallback ?? throw Doc.Error($"missing '{key}' ({Units.Expected(kind)}).");
        Check(key, value, domain);
        Record(key, value.ToString("R", CultureInfo.InvariantCulture));
        return value;
    }

    public double Number(string key, double? fallback = null, Domain domain = Domain.Finite)
    {
        double value = fields.TryGetValue(Read(key), out var v) ? v.Number() : fallback ?? throw Doc.Error($"missing '{key}'.");
        Check(key, value, domain);
        Record(key, value.ToString("R", CultureInfo.InvariantCulture));
        return value;
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>]: nothing wraps when it is cast.</summary>
    public long Integer(string key, long? fallback = null, long min = long.MinValue, long max = long.MaxValue)
    {
        long value = fields.TryGetValue(Read(key), out var v) ? v.Integer() : fallback ?? throw Doc.Error($"missing '{key}'.");
        if (value < min || value > max) throw (Raw(key) ?? Doc).Error($"'{key}' must be a whole number from {min:N0} to {max:N0}, not {value:N0}.");
        Record(key, value.ToString(CultureInfo.InvariantCulture));
        return value;
    }

    private void Check(string key, double value, Domain domain)
    {
        string? problem = !double.IsFinite(value) ? "finite"
            : domain == Domain.Positive && !(value > 0) ? "above 0"
            : domain == Domain.NonNegative && !(value >= 0) ? "at least 0"
            : null;
        if (problem is not null) throw (Raw(key) ?? Doc).Error($"'{key}' must be {problem}, not {value.ToString("R", CultureInfo.InvariantCulture)}.");
    }

    public bool Bool(string key, bool fallback)
    {
        bool value = fallback;
        if (fields.TryGetValue(Read(key), out var v))
            value = v.Text() switch { "true" => true, "false" => false, var t => throw v.Error($"expected true or false, found '{t}'.") };
        Record(key, value ? "true" : "false");
        return value;
    }

    public string Text(string key, string? fallback = null)
    {
        string value = fields.TryGetValue(Read(key), out var v) ? v.Text() : fallback ?? throw Doc.Error($"missing '{key}'.");
        Record(key, value);
        return value;
    }

    public T Choice<T>(string key, IReadOnlyDictionary<string, T> choices, string fallback)
    {
        string text = fields.TryGetValue(Read(key), out var v) ? v.Text() : fallback;
        if (!choices.TryGetValue(text, out var value))
            throw (v ?? Doc).Error($"'{text}' is not one of {string.Join(", ", choices.Keys)}.{Spelling.Hint(text, choices.Keys)}");
        Record(key, text);
        return value;
    }

    /// <summary>Notes that the reader asked for <paramref name="key"/>.</summary>
    private string Read(string key)
    {
        binding.ReadPaths.Add(Path(key));
        return key;
    }

    /// <summary>Refuses, at its line, a value given here that the reader never asked for.</summary>
    public void CheckAllRead(IReadOnlySet<string> read)
    {
        foreach (var (key, value) in fields)
            if (!read.Contains(Path(key)))
                throw value.Error($"'{key}' is given but this configuration never uses it: it applies only with another choice here (remove it, or set the choice it belongs to).");
    }

    public void Record(string key, string value) => binding.Resolved[Path(key)] = value;

    public string Path(string key) => Doc.Path.Length == 0 ? key : $"{Doc.Path}.{key}";
}

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

    /// <summary>The kind of quantity each value read with a unit is, by dotted path: what a plot's axis along it is measured in.</summary>
    public Dictionary<string, UnitKind> Units { get; } = new(StringComparer.Ordinal);

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

    /// <summary>The top level's lists (strategies, plots, plugins) are read item by item as a whole, so an override cannot reach into one.</summary>
    internal static string ReadWhole(string path, string list) => $"'{path}' reaches into '{list}', whose items are read whole: give the whole list ({list}=[...]).";

    /// <summary>Every override must have been a setting somewhere; one that was not is a misspelt or misplaced path.</summary>
    public void CheckAllConsumed()
    {
        foreach (var (path, value) in Overrides)
        {
            if (Consumed.Contains(path)) continue;
            // strategies[1].variant: a list whose items are read whole (strategies, plots) takes no override inside them.
            if (path.Split('.')[0] is var first && first.IndexOf('[') is > 0 and var bracket)
                throw value.Error(ReadWhole(path, first[..bracket]));
            throw value.Error($"'{path}' is not a setting of this experiment.");
        }
    }
}

/// <summary>
/// One mapping of a config file being bound to typed values, through the keys its <see cref="SectionSchema"/>
/// declares: an unknown key is an error with a suggestion, each value is read and checked as its declaration
/// says, and every value read or defaulted is recorded under its dotted path, so the resolved config lists every
/// value a run used.
/// </summary>
public sealed class Section
{
    private readonly Dictionary<string, YamlDoc> fields;
    // The file's own values of keys a sweep point or --set replaces here, for CheckReplaced.
    private readonly Dictionary<string, YamlDoc> replaced = new(StringComparer.Ordinal);
    private readonly Binding binding;

    /// <summary>A mapping of the keys <paramref name="schema"/> declares.</summary>
    public Section(YamlDoc doc, Binding binding, SectionSchema schema) : this(doc, binding, schema.Names) => Schema = schema;

    /// <summary>A mapping whose keys are not checked (a reader that only looks up what decides its schema, such as the scenario's kind).</summary>
    public Section(YamlDoc doc, Binding binding) : this(doc, binding, Array.Empty<string>()) { }

    private Section(YamlDoc doc, Binding binding, string[] known)
    {
        Doc = doc;
        this.binding = binding;
        binding.Sections.Add(this);
        fields = new Dictionary<string, YamlDoc>(doc.Mapping(known, KeyPlaces.Hint), StringComparer.Ordinal);
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
                throw value.Error($"unknown key '{name}'{(prefix.Length == 0 ? "" : $" in '{path}'")}.{Spelling.Hint(name, known)}{KeyPlaces.Hint(prefix + name, name)} Known keys here: {string.Join(", ", known)}.");
            if (!rest.Contains('.'))
            {
                // An override replaces a key; a list item is changed through its keys, or the list is given whole.
                if (key.Contains('['))
                    throw value.Error(prefix.Length == 0
                        ? Binding.ReadWhole(path, name)
                        : $"'{path}' names a list item: give the whole list ({prefix}{name}=[...]), or a key inside an item that is a mapping ({path}.<key>=...).");
                if (fields.TryGetValue(key, out var original) && !replaced.ContainsKey(key)) replaced[key] = original;
                // ~ removes the key: what the file gives there is dropped and the key's default applies.
                if (value.IsNull) fields.Remove(key);
                else fields[key] = YamlDoc.FromNode(value.Node, value.File, Path(key));
                binding.Consumed.Add(path);
            }
        }
    }

    public YamlDoc Doc { get; }

    public Binding Binding => binding;

    /// <summary>The keys this mapping takes; null where they are not checked.</summary>
    public SectionSchema? Schema { get; }

    public bool Has(Key key) => fields.ContainsKey(key.Name);

    /// <summary>Whether the mapping gives <paramref name="key"/> (of its schema).</summary>
    public bool Has(string key) => fields.ContainsKey(Declared(key));

    public YamlDoc? Raw(Key key) => Raw(key.Name);

    public YamlDoc? Raw(string key) => fields.TryGetValue(Read(Declared(key)), out var v) ? v : null;

    public YamlDoc Required(Key key) => Required(key.Name);

    public YamlDoc Required(string key) => fields.TryGetValue(Read(Declared(key)), out var v) ? v : throw Doc.Error($"missing '{key}'.");

    /// <summary>The mapping <paramref name="key"/> holds (empty when not given), bound to its own keys.</summary>
    public Section Child(SectionKey key) => Child(key.Name, key.Section);

    /// <summary>The mapping at <paramref name="key"/> read with the keys of <paramref name="schema"/> (a section whose keys depend on a choice).</summary>
    public Section Child(Key key, SectionSchema schema) => Child(key.Name, schema);

    private Section Child(string key, SectionSchema schema)
    {
        var node = fields.TryGetValue(Read(key), out var v) ? v : YamlDoc.Parse("{}", Doc.File).At(Path(key));
        return new Section(node, binding, schema);
    }

    /// <summary>The mapping at <paramref name="key"/> before its keys are known (a reader looks at what decides its schema); nothing is recorded.</summary>
    public Section Unchecked(Key key)
    {
        var node = fields.TryGetValue(key.Name, out var v) ? v : YamlDoc.Parse("{}", Doc.File).At(Path(key.Name));
        return new Section(node, binding);
    }

    /// <summary>A list item's mapping (<paramref name="item"/> of the list <paramref name="key"/>), bound to the list's item keys.</summary>
    /// <summary>A list's items (none when it is absent), refused when there are more than the key allows.</summary>
    public IReadOnlyList<YamlDoc> Items(ListKey key)
    {
        if (Raw(key) is not { } list) return Array.Empty<YamlDoc>();
        var items = list.Sequence();
        if (items.Count > key.MaxItems)
            throw list.Error(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{items.Count:N0} items in '{key.Name}': at most {key.MaxItems:N0}."));
        return items;
    }

    public Section Item(ListKey key, YamlDoc item) => new(item, binding, key.Section ?? throw new InvalidOperationException($"The items of '{key.Name}' are not mappings."));

    public double Get(QuantityKey key, double? fallback = null) => Quantity(key.Name, key.UnitKind, fallback ?? key.DefaultValue, key.Domain);

    public double Get(NumberKey key, double? fallback = null) => Number(key.Name, fallback ?? key.DefaultValue, key.Domain, key.Max);

    /// <param name="least">A least value below the key's own, taken instead of it (a results folder's, written under an earlier bound).</param>
    public long Get(IntegerKey key, long? fallback = null, long? least = null) => Integer(key, fallback ?? key.DefaultValue, least ?? key.Min);

    public bool Get(BoolKey key) => Bool(key.Name, key.DefaultValue);

    public string Get(TextKey key, string? fallback = null) => Text(key.Name, fallback ?? key.DefaultValue, key.Problem);

    /// <summary>The chosen value; a name not among the choices is an error naming them (and, with a noun, what they are).</summary>
    public T Get<T>(ChoiceKey<T> key, string? fallback = null)
    {
        CheckReplaced(key.Name, node => Choose(key, node.Text(), node));
        string text = fields.TryGetValue(Read(key.Name), out var v) ? v.Text() : fallback ?? key.DefaultValue ?? throw Doc.Error($"missing '{key.Name}'.");
        var choice = Choose(key, text, v ?? Doc);
        Record(key.Name, text);
        return choice.Value();
    }

    private static (string Name, Func<T> Value, string Help) Choose<T>(ChoiceKey<T> key, string text, YamlDoc at)
    {
        var choice = key.Choices.FirstOrDefault(c => c.Name == text);
        if (choice.Name is null)
            throw at.Error(key.Noun is { } noun
                ? $"'{text}' is not {noun}; known: {string.Join(", ", key.Names)}.{Spelling.Hint(text, key.Names)}"
                : $"'{text}' is not one of {string.Join(", ", key.Names)}.{Spelling.Hint(text, key.Names)}");
        return choice;
    }

    /// <summary>A key the schema declares (readers may only ask for those).</summary>
    private string Declared(string key) =>
        Schema is null || Schema.Contains(key) ? key : throw new InvalidOperationException($"The reader asked section '{Schema.Title}' for '{key}', which it does not declare.");

    /// <summary>
    /// Checks the file's own value of a key that a sweep point or a <c>--set</c> replaces in this binding. That value
    /// never runs while the replacement stands, but it is what the file says without it, and one the key would refuse
    /// must not pass <c>validate</c> unseen. A replacement of another shape (one value where the file gives
    /// {min, max}) is read by other code, so the file's value is left as it is.
    /// </summary>
    private void CheckReplaced(string key, Action<YamlDoc> check)
    {
        if (!replaced.TryGetValue(key, out var original)) return;
        if (fields.TryGetValue(key, out var replacement) && (original.IsMapping != replacement.IsMapping || original.IsSequence != replacement.IsSequence)) return;
        try
        {
            check(original);
        }
        catch (ConfigException e)
        {
            throw new ConfigException(e.File, e.Line, e.Path, $"{e.Problem} (A sweep or --set replaces or removes this value, but it is the file's own and must still be valid.)");
        }
    }

    private double Quantity(string key, UnitKind kind, double? fallback, Domain domain)
    {
        CheckReplaced(key, node => Check(key, node.Quantity(kind), domain, double.PositiveInfinity, node));
        double value = fields.TryGetValue(Read(key), out var v) ? v.Quantity(kind) : fallback ?? throw Doc.Error($"missing '{key}' ({Units.Expected(kind)}).");
        Check(key, value, domain, double.PositiveInfinity, v ?? Doc);
        Record(key, value.ToString("R", CultureInfo.InvariantCulture));
        binding.Units[Path(key)] = kind;
        return value;
    }

    private double Number(string key, double? fallback, Domain domain, double max)
    {
        CheckReplaced(key, node => Check(key, node.Number(), domain, max, node));
        double value = fields.TryGetValue(Read(key), out var v) ? v.Number() : fallback ?? throw Doc.Error($"missing '{key}'.");
        Check(key, value, domain, max, v ?? Doc);
        Record(key, value.ToString("R", CultureInfo.InvariantCulture));
        return value;
    }

    /// <summary>A whole number within the key's range: nothing wraps when it is cast.</summary>
    private long Integer(IntegerKey key, long? fallback, long least)
    {
        CheckReplaced(key.Name, node => CheckWhole(key, least, node.Integer(), node));
        long value = fields.TryGetValue(Read(key.Name), out var v) ? v.Integer() : fallback ?? throw Doc.Error($"missing '{key.Name}'.");
        CheckWhole(key, least, value, v ?? Doc);
        Record(key.Name, value.ToString(CultureInfo.InvariantCulture));
        return value;
    }

    private static void CheckWhole(IntegerKey key, long least, long value, YamlDoc at)
    {
        if (value >= least && value <= key.Max) return;
        string why = value < least && key.WhyMin is { } reason ? ": " + reason : "";
        throw at.Error(string.Create(CultureInfo.InvariantCulture, $"'{key.Name}' must be a whole number from {least:N0} to {key.Max:N0}, not {value:N0}{why}."));
    }

    private static void Check(string key, double value, Domain domain, double max, YamlDoc at)
    {
        string? problem = !double.IsFinite(value) ? "finite"
            : domain == Domain.Positive && !(value > 0) ? "above 0"
            : domain == Domain.NonNegative && !(value >= 0) ? "at least 0"
            : value > max ? $"at most {Keys.R(max)}"
            : null;
        if (problem is not null) throw at.Error($"'{key}' must be {problem}, not {value.ToString("R", CultureInfo.InvariantCulture)}.");
    }

    private bool Bool(string key, bool fallback)
    {
        CheckReplaced(key, node => ParseBool(node));
        bool value = fields.TryGetValue(Read(key), out var v) ? ParseBool(v) : fallback;
        Record(key, value ? "true" : "false");
        return value;
    }

    private static bool ParseBool(YamlDoc node) =>
        node.Text() switch { "true" => true, "false" => false, var t => throw node.Error($"expected true or false, found '{t}'.") };

    private string Text(string key, string? fallback, Func<string, string?> problem)
    {
        CheckReplaced(key, node => CheckText(node.Text(), problem, node));
        string value = fields.TryGetValue(Read(key), out var v) ? v.Text() : fallback ?? throw Doc.Error($"missing '{key}'.");
        CheckText(value, problem, v ?? Doc);
        Record(key, value);
        return value;
    }

    private static void CheckText(string value, Func<string, string?> problem, YamlDoc at)
    {
        if (problem(value) is { } says) throw at.Error(says);
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

    /// <summary>Records a value the reader derived for <paramref name="key"/> (a file's hash, a range as written).</summary>
    public void Record(string key, string value) => binding.Resolved[Path(key)] = value;

    public string Path(string key) => Doc.Path.Length == 0 ? key : $"{Doc.Path}.{key}";
}

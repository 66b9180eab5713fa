using System.Globalization;
using Simulator.Edge;
using YamlDotNet.RepresentationModel;

namespace Simulator.Experiments;

/// <summary>
/// A YAML node with its file and dotted path, so every error can say where it is. Reading is strict:
/// a mapping's keys are checked against the keys the reader knows, and an unknown one is an error with
/// a "did you mean" suggestion.
/// </summary>
public sealed class YamlDoc
{
    private readonly YamlNode node;

    private YamlDoc(YamlNode node, string file, string path)
    {
        this.node = node;
        File = file;
        Path = path;
    }

    public string File { get; }

    public string Path { get; }

    public int Line => (int)node.Start.Line;

    public static YamlDoc Load(string file) => Parse(System.IO.File.ReadAllText(file), file);

    /// <summary>Deeper flow nesting than this is refused before parsing: the representation model recurses and would overflow the stack.</summary>
    public const int MaxDepth = 200;

    public static YamlDoc Parse(string text, string file)
    {
        int open = CheckDepth(text, file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ConfigException(file, (int)ex.Start.Line, "", $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a position on some unterminated flow collections.
            throw new ConfigException(file, Math.Max(1, open), "", open > 0 ? "not valid YAML: this [ or { is never closed." : "not valid YAML: the parser stopped in an inconsistent state.");
        }
        if (stream.Documents.Count == 0) throw new ConfigException(file, 1, "", "the file is empty.");
        if (stream.Documents.Count > 1)
            throw new ConfigException(file, (int)stream.Documents[1].RootNode.Start.Line, "", "a second YAML document ('---'): one file holds one experiment, catalog or instance.");
        CheckExpansion(stream.Documents[0].RootNode, file);
        return new YamlDoc(stream.Documents[0].RootNode, file, "");
    }

    /// <summary>Nodes a document may stand for once its aliases are expanded: readers walk the expanded tree.</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>
    /// Aliases (*a) share the node of their anchor (&amp;a), so a small file can stand for an exponential tree
    /// ("billion laughs"); refused, at the line where the count passes <see cref="MaxNodes"/>.
    /// </summary>
    private static void CheckExpansion(YamlNode root, string file)
    {
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        long count = 0;
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (++count > MaxNodes)
                throw new ConfigException(file, (int)node.Start.Line, "", $"through its aliases (*name) the file stands for more than {MaxNodes:N0} values; the reader stops here.");
            switch (node)
            {
                case YamlSequenceNode s: foreach (var child in s.Children) pending.Push(child); break;
                case YamlMappingNode m: foreach (var (k, v) in m.Children) { pending.Push(k); pending.Push(v); } break;
            }
        }
    }

    /// <summary>
    /// Flow brackets nested deeper than <see cref="MaxDepth"/> (outside quotes and comments), or block indentation
    /// as deep, are an error with the line. Returns the line of the outermost bracket left open at the end (0 if none).
    /// </summary>
    private static int CheckDepth(string text, string file)
    {
        int depth = 0, line = 1, openedAt = 0;
        char quote = '\0';
        bool comment = false, lineStart = true;
        int indent = 0;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                line++;
                comment = false;
                lineStart = true;
                indent = 0;
                if (quote == '\'') quote = '\0';
                continue;
            }
            if (lineStart)
            {
                if (c == ' ')
                {
                    if (++indent > 2 * MaxDepth) throw new ConfigException(file, line, "", $"indented more than {2 * MaxDepth} spaces: nested deeper than the reader allows ({MaxDepth} levels).");
                    continue;
                }
                lineStart = false;
            }
            if (comment) continue;
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            switch (c)
            {
                case '#': comment = true; break;
                case '"' or '\'': quote = c; break;
                case '[' or '{':
                    if (depth == 0) openedAt = line;
                    if (++depth > MaxDepth) throw new ConfigException(file, line, "", $"nested deeper than {MaxDepth} levels of [ and {{: the reader stops here rather than overflow.");
                    break;
                case ']' or '}': depth = Math.Max(0, depth - 1); break;
            }
        }
        return depth > 0 ? openedAt : 0;
    }

    public ConfigException Error(string problem) => new(File, Line, Path, problem);

    /// <summary>The same node seen at another dotted path (for defaults that have no node of their own).</summary>
    public YamlDoc At(string path) => new(node, File, path);

    /// <summary>The node underneath, for overrides that graft new values into a tree.</summary>
    public YamlNode Node => node;

    public static YamlDoc FromNode(YamlNode node, string file, string path) => new(node, file, path);

    public bool IsMapping => node is YamlMappingNode;

    public bool IsSequence => node is YamlSequenceNode;

    /// <summary>The mapping's entries, after checking every key is one of <paramref name="known"/>.</summary>
    /// <summary>The keys of a mapping as written (none for any other node), before any check.</summary>
    public IEnumerable<string> Keys => node is YamlMappingNode m ? m.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "") : Array.Empty<string>();

    public IReadOnlyDictionary<string, YamlDoc> Mapping(params string[] known)
    {
        if (node is not YamlMappingNode map) throw Error($"expected a mapping (key: value), found {Describe()}.");
        var result = new Dictionary<string, YamlDoc>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode scalar) throw new ConfigException(File, (int)k.Start.Line, Path, "a key must be a plain name, not a list or a mapping (a complex key).");
            string key = scalar.Value ?? "";
            string path = Path.Length == 0 ? key : $"{Path}.{key}";
            if (known.Length > 0 && !known.Contains(key))
            {
                string hint = Spelling.Hint(key, known);
                throw new ConfigException(File, (int)k.Start.Line, path, $"unknown key '{key}'.{hint} Known keys: {string.Join(", ", known)}.");
            }
            if (!result.TryAdd(key, new YamlDoc(v, File, path))) throw new ConfigException(File, (int)k.Start.Line, path, $"key '{key}' appears twice.");
        }
        return result;
    }

    public IReadOnlyList<YamlDoc> Sequence()
    {
        if (node is not YamlSequenceNode seq) throw Error($"expected a list, found {Describe()}.");
        return seq.Children.Select((c, i) => new YamlDoc(c, File, $"{Path}[{i}]")).ToArray();
    }

    public string Text()
    {
        if (node is not YamlScalarNode s || s.Value is null) throw Error($"expected a value, found {Describe()}.");
        return s.Value;
    }

    public double Number()
    {
        string t = Text();
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : throw Error($"expected a number, found '{t}'.");
    }

    public long Integer()
    {
        string t = Text();
        return long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : throw Error($"expected a whole number, found '{t}'.");
    }

    public double Quantity(UnitKind kind)
    {
        // A key named `bytes` says its unit: catalogs and instances give block and input sizes as byte counts.
        if (kind == UnitKind.Bytes && (Path == "bytes" || Path.EndsWith(".bytes", StringComparison.Ordinal))
            && long.TryParse(Text(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long count))
            return count;
        try
        {
            double value = Units.Parse(Text(), kind);
            // Sizes become 64-bit byte counts, and sums of them must not wrap.
            if (kind == UnitKind.Bytes && Math.Abs(value) > Units.MaxBytes)
                throw Error($"'{Text()}' is more than the 1 EB (1e18 B) a size may be.");
            // The clock counts 100 ns ticks in 64 bits (29,000 years); a horizon or delay near that overflows it.
            if (kind == UnitKind.Time && Math.Abs(value) > Units.MaxSeconds)
                throw Error($"'{Text()}' is longer than the 1e9 s (about 32 years) a time may be.");
            // Arrivals that fast fall within one 100 ns tick of each other: the simulation would never advance.
            if (kind == UnitKind.PerSecond && Math.Abs(value) > Units.MaxPerSecond)
                throw Error($"'{Text()}' is more than the 10^6 per second a rate may be.");
            return value;
        }
        catch (FormatException ex)
        {
            throw Error(ex.Message);
        }
    }

    /// <summary>A quantity inside its domain (the readers of catalogs and instances, which bind without sections).</summary>
    public double Quantity(UnitKind kind, Domain domain)
    {
        double value = Quantity(kind);
        bool inside = double.IsFinite(value) && domain switch { Domain.Positive => value > 0, Domain.NonNegative => value >= 0, _ => true };
        string where = domain switch { Domain.Positive => " and above 0", Domain.NonNegative => " and at least 0", _ => "" };
        return inside ? value : throw Error($"'{Text()}' must be finite{where} ({Units.Expected(kind)}).");
    }

    private string Describe() => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "nothing",
    };
}

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

    /// <summary>The largest file a reader takes, checked before it is read.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>The longest key a file may have.</summary>
    public const int MaxKeyLength = 1_000;

    /// <summary>Deeper nesting than this (flow brackets, or block indentation and indicators) is refused before parsing: the parser and the representation model recurse, and would overflow the stack.</summary>
    public const int MaxDepth = 200;

    /// <summary>A file, refused with its size before it is read when it is larger than <see cref="MaxFileBytes"/>.</summary>
    public static YamlDoc Load(string file) => Parse(ReadText(file), file);

    /// <summary>A config file's text: at most <see cref="MaxFileBytes"/>, checked before anything is read.</summary>
    public static string ReadText(string file)
    {
        if (TextFile.Size(file, MaxFileBytes) is { } problem) throw new ConfigException(file, 1, "", problem);
        return System.IO.File.ReadAllText(file);
    }

    public static YamlDoc Parse(string text, string file)
    {
        int open = Scan(text, file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            string said = string.Join(' ', (ex.InnerException?.Message ?? ex.Message).Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
            throw new ConfigException(file, (int)ex.Start.Line, "", $"not valid YAML: {said} (column {ex.Start.Column}).");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a position on some unterminated flow collections.
            throw new ConfigException(file, Math.Max(1, open), "", open > 0 ? "not valid YAML: this [ or { is never closed." : "not valid YAML: the parser stopped in an inconsistent state.");
        }
        if (stream.Documents.Count == 0) throw new ConfigException(file, 1, "", "the file is empty.");
        if (stream.Documents.Count > 1)
            throw new ConfigException(file, (int)stream.Documents[1].RootNode.Start.Line, "", "a second YAML document ('---'): one file holds one experiment, catalog or instance.");
        long merged = 0;
        ExpandMerges(stream.Documents[0].RootNode, file, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance), ref merged);
        CheckExpansion(stream.Documents[0].RootNode, file);
        return new YamlDoc(stream.Documents[0].RootNode, file, "");
    }

    /// <summary>
    /// YAML's merge key, as PyYAML, GitLab and Compose read it: <c>&lt;&lt;: *defaults</c> (or a list of such mappings)
    /// in a mapping gives it every key of the merged mappings that it does not give itself, the earlier mapping first,
    /// in the place of the <c>&lt;&lt;</c> entry. Merged values keep their own lines, so an error in one points at the
    /// anchor's text. A quoted <c>"&lt;&lt;"</c> is an ordinary key. Entries merged are counted against
    /// <see cref="MaxNodes"/> as they are copied, so that merges of merges cannot stand for a tree too large to build.
    /// </summary>
    private static void ExpandMerges(YamlNode node, string file, HashSet<YamlNode> done, ref long merged)
    {
        if (!done.Add(node)) return;
        if (node is YamlSequenceNode list)
        {
            foreach (var child in list.Children) ExpandMerges(child, file, done, ref merged);
            return;
        }
        if (node is not YamlMappingNode map) return;
        foreach (var (k, v) in map.Children)
        {
            ExpandMerges(k, file, done, ref merged);
            ExpandMerges(v, file, done, ref merged);
        }
        static bool IsMerge(YamlNode key) => key is YamlScalarNode { Value: "<<", Style: YamlDotNet.Core.ScalarStyle.Plain };
        if (!map.Children.Keys.Any(IsMerge)) return;
        var own = map.Children.Keys.Where(k => !IsMerge(k)).OfType<YamlScalarNode>().Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        var entries = new List<KeyValuePair<YamlNode, YamlNode>>();
        foreach (var entry in map.Children)
        {
            if (!IsMerge(entry.Key))
            {
                entries.Add(entry);
                continue;
            }
            var sources = entry.Value switch
            {
                YamlMappingNode one => new[] { one },
                YamlSequenceNode many when many.Children.All(c => c is YamlMappingNode) => many.Children.Cast<YamlMappingNode>().ToArray(),
                _ => throw new ConfigException(file, (int)entry.Value.Start.Line, "", "a merge key (<<) takes a mapping, or a list of mappings, to merge (usually *name of an anchored mapping)."),
            };
            foreach (var source in sources)
                foreach (var copied in source.Children)
                {
                    if (++merged > MaxNodes)
                        throw new ConfigException(file, (int)entry.Key.Start.Line, "", $"through its merge keys (<<) the file stands for more than {MaxNodes:N0} values; the reader stops here.");
                    if (copied.Key is YamlScalarNode { Value: var name } && own.Add(name))
                        entries.Add(copied);
                }
        }
        map.Children.Clear();
        foreach (var (k, v) in entries) map.Children.Add(k, v);
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
                case YamlMappingNode m:
                    foreach (var (k, v) in m.Children)
                    {
                        if (k is YamlScalarNode { Value.Length: > MaxKeyLength } key)
                            throw new ConfigException(file, (int)key.Start.Line, "", string.Create(CultureInfo.InvariantCulture, $"a key of {key.Value!.Length:N0} characters, more than the {MaxKeyLength:N0} a key may have."));
                        pending.Push(k);
                        pending.Push(v);
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// What the parser must never see, each refused at its own line before parsing: a control character (a binary
    /// file; it is not echoed), a line longer than <see cref="TextFile.MaxLineLength"/>, a tab in a line's indentation, a
    /// second document (<c>---</c> after content), a plain key longer than <see cref="MaxKeyLength"/>, and nesting deeper than <see cref="MaxDepth"/>: flow brackets
    /// (outside quotes and comments), or a block's column, indentation and the indicators that open a level on one
    /// line (<c>- - -</c>, <c>? ? ?</c>). A block scalar's text (after <c>|</c> or <c>&gt;</c>) is only text.
    /// Returns the line of the outermost bracket left open at the end (0 if none).
    /// </summary>
    private static int Scan(string text, string file)
    {
        int depth = 0, openedAt = 0, blockIndent = -1;
        bool content = false;
        var lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].TrimEnd('\r');
            int number = n + 1;
            ConfigException At(string problem) => new(file, number, "", problem);
            if (TextFile.LineProblem(line) is { } problem) throw At(problem);
            int indent = 0;
            while (indent < line.Length && line[indent] == ' ') indent++;
            string rest = line[indent..];
            // A block scalar's lines are text: indented more than the line that opened it, or blank.
            if (blockIndent >= 0)
            {
                if (rest.Trim().Length == 0 || indent > blockIndent) continue;
                blockIndent = -1;
            }
            int lead = line.Length - line.TrimStart(' ', '\t').Length;
            if (lead == line.Length || line[lead] == '#') continue;
            if (line[..lead].Contains('\t')) throw At("a tab in the indentation: YAML indents with spaces.");
            if (indent == 0 && (rest == "---" || rest.StartsWith("--- ", StringComparison.Ordinal)) && content)
                throw At("a second YAML document ('---'): one file holds one experiment, catalog or instance.");
            if (indent == 0 && rest.StartsWith("---", StringComparison.Ordinal) && !content) continue;
            content = true;
            // The column where this line's value starts, after the indicators that each open a level.
            int column = indent, i = indent;
            while (i < line.Length && (line[i] is '-' or '?' or ':') && (i + 1 == line.Length || line[i + 1] == ' '))
            {
                i++;
                while (i < line.Length && line[i] == ' ') i++;
                column = i;
            }
            if (column > 2 * MaxDepth) throw At($"nested deeper than {MaxDepth} levels (a value that starts at column {column}): the reader stops here rather than overflow.");
            int colon = line.IndexOf(": ", i, StringComparison.Ordinal);
            if (colon < 0 && line.EndsWith(':')) colon = line.Length - 1;
            if (colon - i > MaxKeyLength && line.AsSpan(i, colon - i).IndexOfAny("\"'[{#") < 0)
                throw At(string.Create(CultureInfo.InvariantCulture, $"a key of {colon - i:N0} characters, more than the {MaxKeyLength:N0} a key may have."));
            char quote = '\0';
            for (int k = i; k < line.Length; k++)
            {
                char c = line[k];
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                    continue;
                }
                if (c == '#' && (k == 0 || line[k - 1] is ' ' or '\t')) break;
                switch (c)
                {
                    case '"' or '\'' when k == i || line[k - 1] is ' ' or ',' or '[' or '{':
                        quote = c;
                        break;
                    case '[' or '{':
                        if (depth == 0) openedAt = number;
                        if (++depth > MaxDepth) throw At($"nested deeper than {MaxDepth} levels of [ and {{: the reader stops here rather than overflow.");
                        break;
                    case ']' or '}':
                        depth = Math.Max(0, depth - 1);
                        break;
                }
            }
            // A value of | or > (with its indicators) opens a block scalar: the lines after it are text.
            string value = line[i..].Split(" #")[0].TrimEnd();
            if (depth == 0 && System.Text.RegularExpressions.Regex.IsMatch(value, @"(^|: )[|>][-+0-9]*$")) blockIndent = indent;
        }
        return depth > 0 ? openedAt : 0;
    }

    public ConfigException Error(string problem) => new(File, Line, Path, problem);

    /// <summary>Builds what checks itself (a catalog, a profile, a popularity); what it refuses is reported at this node.</summary>
    public T Checked<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (CatalogException ex)
        {
            throw Error(ex.Message);
        }
    }

    /// <summary>The same node seen at another dotted path (for defaults that have no node of their own).</summary>
    public YamlDoc At(string path) => new(node, File, path);

    /// <summary>The node underneath, for overrides that graft new values into a tree.</summary>
    public YamlNode Node => node;

    public static YamlDoc FromNode(YamlNode node, string file, string path) => new(node, file, path);

    public bool IsMapping => node is YamlMappingNode;

    /// <summary>YAML's null written out (<c>~</c> or <c>null</c>, unquoted): what <c>--set path=~</c> gives to remove a key.</summary>
    public bool IsNull => node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" };

    public bool IsSequence => node is YamlSequenceNode;

    /// <summary>The keys of a mapping as written (none for any other node), before any check.</summary>
    public IEnumerable<string> Keys => node is YamlMappingNode m ? m.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "") : Array.Empty<string>();

    /// <summary>The value on one line, as written: a scalar's text, a section in flow YAML (a swept section's value in a table or a legend).</summary>
    public string Flow() => IsMapping || IsSequence ? Flow(node) : Text();

    private static string Flow(YamlNode n) => n switch
    {
        YamlMappingNode m => "{" + string.Join(", ", m.Children.Select(kv => $"{Flow(kv.Key)}: {Flow(kv.Value)}")) + "}",
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Flow)) + "]",
        YamlScalarNode { Value: { } v } => v,
        _ => "",
    };

    /// <summary>The mapping's entries, after checking every key is one of <paramref name="known"/>.</summary>
    public IReadOnlyDictionary<string, YamlDoc> Mapping(params string[] known) => Mapping(known, (_, _) => "");

    /// <summary>The mapping's entries, after checking every key is one of <paramref name="known"/>; an unknown one's message ends with <paramref name="elsewhere"/>'s word on where it belongs.</summary>
    public IReadOnlyDictionary<string, YamlDoc> Mapping(string[] known, Func<string, string, string> elsewhere)
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
                throw new ConfigException(File, (int)k.Start.Line, path, $"unknown key '{key}'.{hint}{elsewhere(path, key)} Known keys: {string.Join(", ", known)}.");
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

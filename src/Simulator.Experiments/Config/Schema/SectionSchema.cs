using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// The keys of one mapping of a config file, declared once, in the order messages list them: a section's reader
/// reads only these, an unknown one is an error with a suggestion, and the reference lists each with its type,
/// unit, default and help.
/// </summary>
public sealed class SectionSchema
{
    private readonly Dictionary<string, Key> byName;

    public SectionSchema(string title, string help, params Key[] keys)
    {
        Title = title;
        Help = help;
        Keys = keys;
        byName = new Dictionary<string, Key>(StringComparer.Ordinal);
        foreach (var key in keys)
            if (!byName.TryAdd(key.Name, key)) throw new ArgumentException($"Key '{key.Name}' is declared twice in section '{title}'.", nameof(keys));
    }

    /// <summary>What the section is, for the reference's heading.</summary>
    public string Title { get; }

    public string Help { get; }

    public IReadOnlyList<Key> Keys { get; }

    public string[] Names => Keys.Select(k => k.Name).ToArray();

    public bool Contains(string name) => byName.ContainsKey(name);

    public Key this[string name] => byName.TryGetValue(name, out var key) ? key
        : throw new KeyNotFoundException($"Section '{Title}' declares no key '{name}'.{Spelling.Hint(name, byName.Keys)}");

    /// <summary>This section with more keys after its own (a kind that adds to a shared section).</summary>
    public SectionSchema With(string title, string help, params Key[] more) => new(title, help, Keys.Concat(more).ToArray());
}

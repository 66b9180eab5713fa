namespace Simulator.Experiments;

/// <summary>
/// What a kind reads its section with: the folder the experiment's relative paths start from, the other kinds (a
/// message may point to one), and how long each cell runs (a setting that only makes sense within it is checked
/// against it).
/// </summary>
public sealed record ReadContext(string BaseDirectory, ScenarioKinds Kinds, RunLength Length)
{
    /// <summary>The kinds whose scenario section takes <paramref name="key"/>, by name, for a message that points to them.</summary>
    public string KindsTaking(string key) => string.Join(" or ", Kinds.All.Where(k => k.Section.Contains(key) && k.Section[key] is SectionKey).Select(k => k.Name));
}

namespace Simulator.Experiments;

/// <summary>What a kind reads its section with: the folder the experiment's relative paths start from, and the other kinds (a message may point to one).</summary>
public sealed record ReadContext(string BaseDirectory, ScenarioKinds Kinds)
{
    /// <summary>The kinds whose scenario section takes <paramref name="key"/>, by name, for a message that points to them.</summary>
    public string KindsTaking(string key) => string.Join(" or ", Kinds.All.Where(k => k.Section.Contains(key) && k.Section[key] is SectionKey).Select(k => k.Name));
}

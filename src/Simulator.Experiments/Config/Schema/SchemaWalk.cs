namespace Simulator.Experiments;

/// <summary>The keys a schema reaches, with their dotted paths (a list's items as <c>[]</c>): what <c>list keys</c> and the reference show.</summary>
public static class SchemaWalk
{
    /// <summary>Every key under <paramref name="schema"/>, depth first, each with its path below <paramref name="prefix"/> (a value's forms each in turn).</summary>
    public static IEnumerable<(string Path, Key Key)> Keys(SectionSchema schema, string prefix = "")
    {
        foreach (var key in schema.Keys)
        {
            string path = prefix.Length == 0 ? key.Name : $"{prefix}.{key.Name}";
            yield return (path, key);
            foreach (var form in key.Forms)
                foreach (var inner in Keys(form, key is ListKey ? path + "[]" : path)) yield return inner;
        }
    }

    /// <summary>Every section under <paramref name="schema"/> (itself first), each once, with the paths it appears at.</summary>
    public static IEnumerable<(SectionSchema Section, IReadOnlyList<string> Paths)> Sections(IEnumerable<(SectionSchema Schema, string Path)> roots)
    {
        var order = new List<SectionSchema>();
        var paths = new Dictionary<SectionSchema, List<string>>();
        void Visit(SectionSchema schema, string path)
        {
            if (!paths.TryGetValue(schema, out var at))
            {
                order.Add(schema);
                paths[schema] = at = new List<string>();
            }
            if (!at.Contains(path)) at.Add(path);
            foreach (var key in schema.Keys)
                foreach (var child in key.Forms) Visit(child, (path.Length == 0 ? key.Name : $"{path}.{key.Name}") + (key is ListKey ? "[]" : ""));
        }
        foreach (var (schema, path) in roots) Visit(schema, path);
        return order.Select(s => (s, (IReadOnlyList<string>)paths[s]));
    }
}

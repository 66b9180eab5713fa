namespace Simulator.Experiments;

/// <summary>
/// Where a key is declared, for a key written in the wrong section (<c>deadline</c> at the top instead of under
/// <c>scenario</c>, <c>seed</c> inside the scenario): the paths of the built-in kinds' schema and the experiment's own
/// that end with that key's name.
/// </summary>
internal static class KeyPlaces
{
    private static readonly ILookup<string, string> ByName = SchemaWalk.Keys(ExperimentKeys.Top)
        .Concat(ScenarioKinds.BuiltIn.All.SelectMany(kind => SchemaWalk.Keys(kind.Section, "scenario")))
        .Select(k => k.Path)
        .Distinct(StringComparer.Ordinal)
        .ToLookup(path => path[(path.LastIndexOf('.') + 1)..].TrimEnd('[', ']'), StringComparer.Ordinal);

    /// <summary>" 'deadline' is a key at scenario.deadline." for an unknown key at <paramref name="path"/>; empty where it is declared nowhere else.</summary>
    public static string Hint(string path, string key)
    {
        string here = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");
        var places = ByName[key].Where(p => p != here).ToArray();
        return places.Length == 0 ? "" : $" '{key}' is a key at {string.Join(", ", places.Take(3))}{(places.Length > 3 ? $" (and {places.Length - 3} more)" : "")}.";
    }
}

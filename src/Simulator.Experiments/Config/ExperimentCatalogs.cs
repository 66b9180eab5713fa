using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// The catalogs an experiment's cells serve from, one entry for each different one: the points that use it, and
/// whether it is drawn anew for each cell (a generated family) rather than fixed; a drawn one is given as its
/// first point's replication 0 draws it.
/// </summary>
public static class ExperimentCatalogs
{
    public sealed record Used(Catalog Catalog, IReadOnlyList<SweepPoint> Points, string Where, bool Drawn);

    public static IReadOnlyList<Used> Of(ExperimentSpec spec)
    {
        var used = new List<(string Key, Catalog Catalog, List<SweepPoint> Points, bool Drawn)>();
        foreach (var point in spec.Points)
        {
            Catalog Replication(int r) => point.Scenario.CatalogOf(Runner.Streams(spec, point.Index, r))
                ?? throw new FormatException($"a {spec.Kind.Name} experiment serves from no catalog.");
            var catalog = Replication(0);
            string text = CatalogYaml.Write(catalog);
            // Two replications tell a drawn catalog from a fixed one. A drawn one differs from cell to cell, so points
            // share it when they share its description: when nothing swept under scenario.catalog tells them apart.
            bool drawn = CatalogYaml.Write(Replication(1)) != text;
            string key = drawn
                ? string.Join("; ", point.Labels.Where(l => l.Key == "scenario.catalog" || l.Key.StartsWith("scenario.catalog.", StringComparison.Ordinal))
                    .OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))
                : text;
            int same = used.FindIndex(u => u.Drawn == drawn && u.Key == key);
            if (same >= 0) used[same].Points.Add(point);
            else used.Add((key, catalog, [point], drawn));
        }
        return used.Select(u => new Used(u.Catalog, u.Points, string.Join("; ", u.Points.Select(p => PlotText.Values(spec.Sweep.Select(a => a.Path), p))), u.Drawn)).ToArray();
    }
}

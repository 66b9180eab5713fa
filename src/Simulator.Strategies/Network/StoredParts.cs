using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// What a cloudlet's part store holds under the <see cref="CapacityRule.Store"/> rule, as groups the window's programs
/// can count: the blocks of the candidate models, merged where the same candidates list them, each group with its
/// bytes (alpha times, in GB) and the candidates that need it. A group counts once if any of those is chosen, so the
/// row sum_g bytes_g z_g &lt;= C_h with z_g &gt;= x_jk for every k in g is the store's capacity exactly: under the
/// catalogs' one base per family, a family's base is one group and each model's task part another.
/// </summary>
internal static class StoredParts
{
    /// <summary>One group: its bytes times alpha in GB, and the models (indices into the catalog) whose choice stores it.</summary>
    public readonly record struct Group(double GB, int[] Models);

    public static IReadOnlyList<Group> Of(NetworkView view, IEnumerable<int> candidates)
    {
        var instance = view.Instance;
        var catalog = instance.Catalog;
        var models = candidates.Distinct().Order().ToArray();
        var listedBy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (int k in models)
            foreach (string block in catalog.Models[k].BlockIds.Distinct())
            {
                if (!listedBy.TryGetValue(block, out var list)) listedBy[block] = list = new List<int>();
                list.Add(k);
            }
        return listedBy
            .GroupBy(b => string.Join(',', b.Value), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Group(instance.Rules.CapacityFactor * g.Sum(b => (double)catalog.Block(b.Key).Bytes) / Edge.Units.GB, g.First().Value.ToArray()))
            .ToArray();
    }

    /// <summary>
    /// Whether the choices <paramref name="x"/> (x(j, p) for request j's p-th candidate, fractional or whole) of the
    /// <paramref name="requests"/> homed at <paramref name="home"/> fit its store: each group counted at the largest
    /// share of a choice that needs it, the least the store's row allows.
    /// </summary>
    public static bool Fits(NetworkView view, WindowPairs pairs, int home, IReadOnlyList<int> requests, Func<int, int, double> x)
    {
        var choices = requests.SelectMany(j => pairs.Models[j].Select((k, p) => (Model: k, Share: x(j, p)))).Where(c => c.Share > 0).ToArray();
        double used = Of(view, choices.Select(c => c.Model)).Sum(g => g.GB * choices.Where(c => g.Models.Contains(c.Model)).Max(c => c.Share));
        return used <= view.Instance.Cloudlets[home].CapacityBytes / Edge.Units.GB * (1 + 1e-12);
    }
}

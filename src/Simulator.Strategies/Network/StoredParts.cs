using Google.OrTools.LinearSolver;
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
    /// The store's capacity in a program: each group's indicator (whole when <paramref name="integer"/>) on
    /// <paramref name="row"/> with its bytes, and at least every choice variable whose model needs the group.
    /// </summary>
    public static void AddRows(Solver solver, bool integer, Constraint row, NetworkView view, (int Model, Variable X)[] choices, string name)
    {
        var groups = Of(view, choices.Select(c => c.Model));
        for (int g = 0; g < groups.Count; g++)
        {
            var z = integer ? solver.MakeIntVar(0, 1, $"{name}_{g}") : solver.MakeNumVar(0, 1, $"{name}_{g}");
            row.SetCoefficient(z, groups[g].GB);
            foreach (var (_, x) in choices.Where(c => groups[g].Models.Contains(c.Model)))
            {
                var needs = solver.MakeConstraint(double.NegativeInfinity, 0, $"{name}_{g}_{x.Name()}");
                needs.SetCoefficient(x, 1);
                needs.SetCoefficient(z, -1);
            }
        }
    }

    /// <summary>
    /// Whether the choices <paramref name="x"/> (x(j, p) for request j's p-th candidate, fractional or whole) of the
    /// <paramref name="requests"/>, all homed at one cloudlet, fit its store: each group counted at the largest share
    /// of a choice that needs it, the least the store's row allows.
    /// </summary>
    public static bool Fits(NetworkView view, WindowPairs pairs, IReadOnlyList<int> requests, Func<int, int, double> x)
    {
        if (requests.Count == 0) return true;
        int home = view.Instance.Requests[requests[0]].Home;
        var choices = requests.SelectMany(j => pairs.Models[j].Select((k, p) => (Model: k, Share: x(j, p)))).Where(c => c.Share > 0).ToArray();
        double used = Of(view, choices.Select(c => c.Model)).Sum(g => g.GB * choices.Where(c => g.Models.Contains(c.Model)).Max(c => c.Share));
        return used <= view.Instance.Cloudlets[home].CapacityBytes / Edge.Units.GB * (1 + 1e-12);
    }
}

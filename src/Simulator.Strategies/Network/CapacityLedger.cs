using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// What is left of each cloudlet's capacity as a window's requests take models: under the aggregated rule each
/// request counts its model whole, under the store rule only the blocks its home does not store yet; under the
/// per-request rule every admissible pair fits on its own and nothing is counted.
/// </summary>
internal sealed class CapacityLedger(NetworkView view)
{
    private readonly double[] left = view.Instance.Cloudlets.Select(c => c.CapacityBytes).ToArray();
    private readonly CapacityRule rule = view.Instance.Rules.Capacity;
    private readonly Dictionary<int, HashSet<string>> stored = new();

    public bool TryTake(int request, int model)
    {
        if (rule == CapacityRule.PerRequest) return true;
        int home = view.Instance.Requests[request].Home;
        if (rule == CapacityRule.Aggregated)
        {
            double use = view.Estimates.CapacityUse(model);
            if (use > left[home]) return false;
            left[home] -= use;
            return true;
        }
        if (!stored.TryGetValue(home, out var held)) stored[home] = held = new HashSet<string>(StringComparer.Ordinal);
        var catalog = view.Instance.Catalog;
        var missing = catalog.Models[model].BlockIds.Distinct().Where(b => !held.Contains(b)).ToArray();
        double added = view.Instance.Rules.CapacityFactor * missing.Sum(b => (double)catalog.Block(b).Bytes);
        if (added > left[home]) return false;
        left[home] -= added;
        held.UnionWith(missing);
        return true;
    }
}

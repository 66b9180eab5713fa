using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// What is left of each cloudlet's capacity as a window's requests take models, under the aggregated rule;
/// under the per-request rule every admissible pair fits on its own and nothing is counted.
/// </summary>
internal sealed class CapacityLedger(NetworkView view)
{
    private readonly double[] left = view.Instance.Cloudlets.Select(c => c.CapacityBytes).ToArray();
    private readonly bool aggregated = view.Instance.Rules.Capacity == CapacityRule.Aggregated;

    public bool TryTake(int request, int model)
    {
        if (!aggregated) return true;
        int home = view.Instance.Requests[request].Home;
        double use = view.Estimates.CapacityUse(model);
        if (use > left[home]) return false;
        left[home] -= use;
        return true;
    }
}

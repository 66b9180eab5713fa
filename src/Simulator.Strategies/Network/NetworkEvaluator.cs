using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>One placed request as the evaluator recomputed it.</summary>
public sealed record ServedRequest(int Request, Assignment Assignment, double Pull, double Inference, double Queueing, double Transmission, double Cost, double Accuracy,
    double BaseBytes, double TaskBytes)
{
    public double Delay => Pull + Inference + Queueing + Transmission;
}

/// <summary>
/// What the evaluator found: structural faults (which make the plan invalid), the requests served with
/// their recomputed terms, the unplaced ones, and how many placed requests break accuracy, budget or capacity.
/// </summary>
public sealed record NetworkEvaluation(IReadOnlyList<string> Faults, IReadOnlyList<ServedRequest> Served, IReadOnlyList<int> Unplaced, int AccuracyViolations, int BudgetViolations, int CapacityViolations)
{
    /// <summary>Every request placed once or reported, each model and source real: a plan a run can execute and measure.</summary>
    public bool WellFormed => Faults.Count == 0;

    /// <summary>Well formed, and every placed request within its accuracy, budget and capacity with a finite delay: the window's own constraints hold.</summary>
    public bool Valid => WellFormed && AccuracyViolations == 0 && BudgetViolations == 0 && CapacityViolations == 0 && Served.All(s => double.IsFinite(s.Delay) && double.IsFinite(s.Cost));

    public double TotalDelay => Served.Sum(s => s.Delay);
}

/// <summary>
/// Re-checks any network plan and recomputes its delay, cost and accuracy with the formulas of
/// docs/network.md section 1 written out here afresh (it shares only the topology's path costs, which are
/// checked against Floyd-Warshall on their own): every request is placed once or reported, the model
/// exists, each source holds the part it supplies, and accuracy, budget and capacity hold.
/// </summary>
public static class NetworkEvaluator
{
    public static NetworkEvaluation Evaluate(NetworkInstance instance, NetworkPlan plan)
    {
        var faults = new List<string>();
        var served = new List<ServedRequest>();
        var unplaced = new List<int>();
        if (plan.Relaxation is not null) faults.Add("a relaxation is a bound, not a plan to execute");
        if (plan.Assignments.Count != instance.Requests.Count)
        {
            faults.Add($"the plan has {plan.Assignments.Count} entries for {instance.Requests.Count} requests");
            return new NetworkEvaluation(faults, served, unplaced, 0, 0, 0);
        }
        var catalog = instance.Catalog;
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in catalog.Models)
            foreach (var b in m.BlockIds) users[b] = users.GetValueOrDefault(b) + 1;
        int dc = instance.Topology.DataCentre;
        bool Holds(int location, IEnumerable<string> blocks) => location == dc || (location >= 0 && location < dc && blocks.All(instance.Holdings[location].Contains));
        double Pull(int from, int to, double bytes) => bytes <= 0 || from == to ? 0 : instance.Topology.Path(from, to).LatencySeconds + bytes * instance.Topology.Path(from, to).SecondsPerByte;
        int accuracyViolations = 0, budgetViolations = 0, capacityViolations = 0;
        var load = new double[instance.Cloudlets.Count];
        // Under the store rule, the blocks each cloudlet's requests take, each counted once.
        var stored = instance.Cloudlets.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        for (int j = 0; j < instance.Requests.Count; j++)
        {
            var r = instance.Requests[j];
            if (plan.Assignments[j] is not { } a)
            {
                unplaced.Add(j);
                continue;
            }
            if (a.Model < 0 || a.Model >= catalog.Models.Count)
            {
                faults.Add($"request {r.Id}: model {a.Model} is not in the catalog");
                continue;
            }
            var model = catalog.Models[a.Model];
            var blocks = model.BlockIds.Select(catalog.Block).ToArray();
            var shared = blocks.Where(b => users[b.Id] > 1).ToArray();
            var own = blocks.Where(b => users[b.Id] == 1).ToArray();
            int before = faults.Count;
            foreach (var (source, part, held) in new[] { (a.BaseSource, "base", shared), (a.TaskSource, "task part", own) })
                if (!instance.Topology.IsNode(source)) faults.Add($"request {r.Id}: location {source} is not in the network ({instance.Topology.NodesInWords})");
                else if (!Holds(source, held.Select(b => b.Id))) faults.Add($"request {r.Id}: location {source} does not hold the {part} of {model.Id}");
            if (faults.Count > before) continue;
            double baseBytes = shared.Sum(b => (double)b.Bytes), taskBytes = own.Sum(b => (double)b.Bytes), gb = (baseBytes + taskBytes) / 1e9;
            var c = instance.Cloudlets[r.Home];
            double pull = Math.Max(Pull(a.BaseSource, r.Home, baseBytes), Pull(a.TaskSource, r.Home, taskBytes));
            double inference = model.ComputeIntensity is { } phi ? phi * gb / c.ProcessingRate : model.Profile.Seconds(1);
            double rho = c.ArrivalRate / c.ServiceRate;
            double queueing = rho >= 1 ? double.PositiveInfinity : c.ArrivalRate * (1 / (c.ServiceRate * c.ServiceRate)) / (2 * (1 - rho));
            double transmission = (r.InputBytes + r.InputBytes * gb * r.OutputFactor[a.Model]) / r.UplinkBytesPerSecond;
            double cost = c.TxPower * (pull + transmission) + c.AccessRate * r.Instructions * c.PeakPower + inference * (c.IdlePower + c.LeakPower);
            double accuracy = r.Accuracy[a.Model];
            if (accuracy < r.AccuracyRequirement) accuracyViolations++;
            if (cost > r.Budget * (1 + 1e-12)) budgetViolations++;
            double use = instance.Rules.CapacityFactor * (baseBytes + taskBytes);
            if (instance.Rules.Capacity == CapacityRule.PerRequest && use > c.CapacityBytes * (1 + 1e-12)) capacityViolations++;
            load[r.Home] += use;
            stored[r.Home].UnionWith(model.BlockIds);
            served.Add(new ServedRequest(j, a, pull, inference, queueing, transmission, cost, accuracy, a.BaseSource == r.Home ? 0 : baseBytes, a.TaskSource == r.Home ? 0 : taskBytes));
        }
        if (instance.Rules.Capacity == CapacityRule.Store)
            for (int h = 0; h < load.Length; h++)
                load[h] = instance.Rules.CapacityFactor * stored[h].Sum(b => (double)catalog.Block(b).Bytes);
        if (instance.Rules.Capacity.Pooled())
            for (int h = 0; h < load.Length; h++)
                if (load[h] > instance.Cloudlets[h].CapacityBytes * (1 + 1e-12)) capacityViolations++;
        return new NetworkEvaluation(faults, served, unplaced, accuracyViolations, budgetViolations, capacityViolations);
    }
}

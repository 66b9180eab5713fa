using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// A site's decision as an outside policy sees it: per model (catalog order) the requests queued, the least slack
/// to a deadline, the longest wait, the share of the model's bytes on the GPU and in RAM, the estimated load time
/// and the upload time of the batch it would serve; then the time and the GPU's fill. The action is the model
/// served next, one batch of its queued requests in arrival order (as many as the memory rule allows, as
/// <c>fcfs</c> batches), or the last action, wait for the next arrival; a model with nothing queued waits too.
/// </summary>
public sealed class SiteDecisions
{
    public const string Reward = "requests served by their deadline since the last decision";

    private readonly double horizon;
    private readonly Dictionary<string, int> index;
    private readonly int models;
    // Per decision, per model: the queue's count, least slack and longest wait, and its batch's members.
    private readonly int[] queued;
    private readonly double[] slack, wait;
    private readonly List<QueuedRequest>[] members;

    /// <param name="horizonSeconds">The run's length: times are at most this, and an upload that cannot end within it shows as this long.</param>
    public SiteDecisions(Catalog catalog, double horizonSeconds)
    {
        horizon = horizonSeconds;
        models = catalog.Models.Count;
        index = catalog.Models.Select((m, k) => (m.Id, k)).ToDictionary(x => x.Id, x => x.k, StringComparer.Ordinal);
        queued = new int[models];
        slack = new double[models];
        wait = new double[models];
        members = Enumerable.Range(0, models).Select(_ => new List<QueuedRequest>()).ToArray();
        var b = new DecisionSpaceBuilder();
        foreach (var m in catalog.Models)
            b.Add($"{m.Id}.queued", 0, double.PositiveInfinity)
             .Add($"{m.Id}.least_slack_s", -horizonSeconds, double.PositiveInfinity)
             .Add($"{m.Id}.oldest_wait_s", 0, horizonSeconds)
             .Add($"{m.Id}.gpu_share", 0, 1)
             .Add($"{m.Id}.ram_share", 0, 1)
             .Add($"{m.Id}.load_s", 0, double.PositiveInfinity)
             .Add($"{m.Id}.upload_s", 0, horizonSeconds);
        b.Add("time_s", 0, horizonSeconds).Add("gpu_fill", 0, 1);
        Space = b.Build(catalog.Models.Select(m => m.Id).Append("wait").ToArray(), Reward);
    }

    public DecisionSpace Space { get; }

    /// <summary>The view as numbers, and which actions serve a batch now. Not thread-safe: one per episode or policy.</summary>
    public void Encode(SiteView view, Span<double> observation, Span<bool> mask)
    {
        var catalog = view.Catalog;
        Array.Clear(queued);
        foreach (var list in members) list.Clear();
        // One pass over the queue; a model's batch is its requests in arrival order (the queue's order, ties by id).
        foreach (var r in view.Queue)
        {
            int k = index[r.ModelId];
            double left = r.Deadline - view.Now, waited = view.Now - r.Arrival;
            slack[k] = queued[k] == 0 ? left : Math.Min(slack[k], left);
            wait[k] = queued[k] == 0 ? waited : Math.Max(wait[k], waited);
            queued[k]++;
            members[k].Add(r);
        }
        double resident = 0;
        int at = 0;
        for (int k = 0; k < models; k++)
        {
            var model = catalog.Models[k];
            double bytes = 0, onGpu = 0, inRam = 0;
            foreach (var block in catalog.BlocksOf(model))
            {
                bytes += block.Bytes;
                if (view.Resident.Contains(block.Id)) onGpu += block.Bytes;
                if (view.InRam.Contains(block.Id)) inRam += block.Bytes;
            }
            observation[at++] = queued[k];
            observation[at++] = queued[k] > 0 ? Math.Max(slack[k], -horizon) : 0;
            observation[at++] = queued[k] > 0 ? Math.Clamp(wait[k], 0, horizon) : 0;
            observation[at++] = bytes > 0 ? onGpu / bytes : 1;
            observation[at++] = bytes > 0 ? inRam / bytes : 1;
            observation[at++] = view.Loads.LoadSeconds(model, view.Resident, view.InRam);
            observation[at++] = queued[k] > 0 ? Math.Min(horizon, view.UploadSeconds(Batch(view, model, members[k]))) : 0;
            mask[k] = queued[k] > 0;
        }
        foreach (var id in view.Resident) resident += catalog.Block(id).Bytes;
        observation[at++] = Math.Min(view.Now, horizon);
        observation[at] = view.GpuBytes > 0 ? Math.Min(1, resident / view.GpuBytes) : 0;
        mask[models] = true;
    }

    /// <summary>The requests one batch of the model would take: the first in arrival order, as many as the memory rule allows.</summary>
    private static List<QueuedRequest> Batch(SiteView view, Model model, List<QueuedRequest> queued)
    {
        queued.Sort(static (a, b) => a.Arrival != b.Arrival ? a.Arrival.CompareTo(b.Arrival) : a.Id.CompareTo(b.Id));
        int max = view.MaxBatchSize(model);
        if (queued.Count > max) queued.RemoveRange(max, queued.Count - max);
        return queued;
    }

    /// <summary>
    /// The plan an outside policy answers for <paramref name="view"/>: it is shown the view's observation and mask, and
    /// what <paramref name="earned"/> says it earned since its last answer (which may add to the info it is told).
    /// </summary>
    public Plan Ask(IPolicy policy, SiteView view, Func<Dictionary<string, double>, double> earned)
    {
        var observation = new double[Space.Size];
        var mask = new bool[Space.Actions.Count];
        Encode(view, observation, mask);
        var info = new Dictionary<string, double>(StringComparer.Ordinal) { ["time_s"] = view.Now };
        double reward = earned(info);
        return PlanFor(view, policy.Act(observation, mask, reward, info));
    }

    /// <summary>The plan an action stands for: one batch of the model, or nothing (wait).</summary>
    public static Plan PlanFor(SiteView view, int action)
    {
        if (action >= view.Catalog.Models.Count) return Plan.Empty;
        var model = view.Catalog.Models[action];
        return OneBatchScheduler.Batch(view, model, OneBatchScheduler.InArrivalOrder(view, model));
    }

    /// <summary>Counts the outcomes a site's decisions led to between two decisions: the reward and the rest.</summary>
    internal sealed class Tally : IOutcomeObserver
    {
        private long onTime, late, expired, rejected;

        public void Observe(in RequestOutcome outcome)
        {
            switch (outcome.Outcome)
            {
                case Outcome.OnTime: onTime++; break;
                case Outcome.Late: late++; break;
                case Outcome.Expired: expired++; break;
                case Outcome.Rejected: rejected++; break;
            }
        }

        /// <summary>The on-time count since the last call (the reward); the other outcomes go into <paramref name="info"/>.</summary>
        public double Take(Dictionary<string, double> info)
        {
            info["on_time"] = onTime;
            info["late"] = late;
            info["expired"] = expired;
            info["rejected"] = rejected;
            double reward = onTime;
            onTime = late = expired = rejected = 0;
            return reward;
        }
    }
}

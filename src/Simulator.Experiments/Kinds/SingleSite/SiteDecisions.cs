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
public static class SiteDecisions
{
    public const string Reward = "requests served by their deadline since the last decision";

    public static DecisionSpace Space(Catalog catalog)
    {
        var b = new DecisionSpaceBuilder();
        foreach (var m in catalog.Models)
            b.Add($"{m.Id}.queued", 0, double.PositiveInfinity)
             .Add($"{m.Id}.least_slack_s", double.NegativeInfinity, double.PositiveInfinity)
             .Add($"{m.Id}.oldest_wait_s", 0, double.PositiveInfinity)
             .Add($"{m.Id}.gpu_share", 0, 1)
             .Add($"{m.Id}.ram_share", 0, 1)
             .Add($"{m.Id}.load_s", 0, double.PositiveInfinity)
             .Add($"{m.Id}.upload_s", 0, double.PositiveInfinity);
        b.Add("time_s", 0, double.PositiveInfinity).Add("gpu_fill", 0, double.PositiveInfinity);
        return b.Build(catalog.Models.Select(m => m.Id).Append("wait").ToArray(), Reward);
    }

    /// <summary>The view as numbers, and which actions serve a batch now.</summary>
    public static void Encode(SiteView view, Span<double> observation, Span<bool> mask)
    {
        var catalog = view.Catalog;
        int at = 0;
        for (int k = 0; k < catalog.Models.Count; k++)
        {
            var model = catalog.Models[k];
            int queued = 0;
            double slack = 0, wait = 0;
            foreach (var r in view.Queue)
            {
                if (r.ModelId != model.Id) continue;
                slack = queued == 0 ? r.Deadline - view.Now : Math.Min(slack, r.Deadline - view.Now);
                wait = Math.Max(wait, view.Now - r.Arrival);
                queued++;
            }
            double bytes = catalog.Bytes(model), onGpu = 0, inRam = 0;
            foreach (var id in model.BlockIds)
            {
                long b = catalog.Block(id).Bytes;
                if (view.Resident.Contains(id)) onGpu += b;
                if (view.InRam.Contains(id)) inRam += b;
            }
            observation[at++] = queued;
            observation[at++] = slack;
            observation[at++] = wait;
            observation[at++] = bytes > 0 ? onGpu / bytes : 1;
            observation[at++] = bytes > 0 ? inRam / bytes : 1;
            observation[at++] = view.Loads.LoadSeconds(model, view.Resident, view.InRam);
            observation[at++] = queued > 0 ? view.UploadSeconds(OneBatchScheduler.InArrivalOrder(view, model).Take(view.MaxBatchSize(model)).ToArray()) : 0;
            mask[k] = queued > 0;
        }
        observation[at++] = view.Now;
        observation[at] = view.GpuBytes > 0 ? view.Resident.Sum(id => (double)catalog.Block(id).Bytes) / view.GpuBytes : 0;
        mask[catalog.Models.Count] = true;
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

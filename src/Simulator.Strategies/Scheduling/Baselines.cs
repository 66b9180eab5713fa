using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// The one-batch baselines : each picks a model and batches queued requests of it
/// in arrival order, as many as the memory rule allows. They differ only in which model, and edf also in
/// which requests.
/// </summary>
public abstract class OneBatchScheduler : IBatchScheduler
{
    public Plan Plan(SiteView view)
    {
        if (view.Queue.Count == 0) return Edge.Plan.Empty;
        var model = view.Catalog.Model(PickModel(view));
        return Batch(view, model, Members(view, model));
    }

    protected abstract string PickModel(SiteView view);

    protected virtual IEnumerable<QueuedRequest> Members(SiteView view, Model model) => InArrivalOrder(view, model);

    /// <summary>The queued requests of <paramref name="model"/> in arrival order (ties by id).</summary>
    public static IEnumerable<QueuedRequest> InArrivalOrder(SiteView view, Model model) =>
        view.Queue.Where(r => r.ModelId == model.Id).OrderBy(r => r.Arrival).ThenBy(r => r.Id);

    /// <summary>One batch of <paramref name="model"/>: the first of <paramref name="members"/>, as many as the memory rule allows (none: the empty plan).</summary>
    public static Plan Batch(SiteView view, Model model, IEnumerable<QueuedRequest> members)
    {
        var ids = members.Take(view.MaxBatchSize(model)).Select(r => r.Id).ToArray();
        return ids.Length == 0 ? Edge.Plan.Empty : new Plan(new[] { new PlannedBatch(model.Id, ids) });
    }
}

/// <summary>`edf`: the model of the earliest deadline; its requests, earliest deadline first, that can still make it.</summary>
[Strategy("edf", "Earliest deadline first: that request's model, with its requests that can still make it.")]
public sealed class EdfScheduler : OneBatchScheduler
{
    protected override string PickModel(SiteView view) => view.Queue.MinBy(r => (r.Deadline, r.Id))!.ModelId;

    protected override IEnumerable<QueuedRequest> Members(SiteView view, Model model)
    {
        // Drop the requests the batch would finish too late for, until every one left makes it.
        var batch = view.Queue.Where(r => r.ModelId == model.Id).OrderBy(r => r.Deadline).ThenBy(r => r.Id).Take(view.MaxBatchSize(model)).ToList();
        double load = view.Loads.LoadSeconds(model, view.Resident, view.InRam);
        while (batch.Count > 0)
        {
            double end = view.Now + view.Combine(view.UploadSeconds(batch), load) + model.Profile.Seconds(batch.Count);
            int before = batch.Count;
            batch.RemoveAll(r => r.Deadline < end);
            if (batch.Count == before) return batch;
        }
        // None can make it: serve the most urgent one, which the site's admission control would have dropped.
        return view.Queue.Where(r => r.ModelId == model.Id).OrderBy(r => r.Deadline).ThenBy(r => r.Id).Take(1);
    }
}

/// <summary>`max-batch`: the model with the most queued requests (ties: the one queued first).</summary>
[Strategy("max-batch", "The model with the most queued requests, all of them (memory cap applies).")]
public sealed class MaxBatchScheduler : OneBatchScheduler
{
    protected override string PickModel(SiteView view) =>
        view.Queue.GroupBy(r => r.ModelId).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(r => (r.Arrival, r.Id))).First().Key;
}

/// <summary>`random`: a uniformly random model among those queued, from the strategy's own stream.</summary>
[Strategy("random", "A uniformly random queued model, all its requests; draws from the strategy's own stream.")]
public sealed class RandomScheduler(Random rng) : OneBatchScheduler
{
    protected override string PickModel(SiteView view)
    {
        var models = view.Queue.Select(r => r.ModelId).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
        return models[rng.Next(models.Length)];
    }
}

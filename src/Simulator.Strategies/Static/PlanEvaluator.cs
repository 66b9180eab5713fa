using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// What the evaluator found: each batch's completion time, the users served on time, those completing
/// after their deadline, and every structural rule broken (unknown or unqueued requests, wrong model,
/// a request twice, an empty batch, the memory rule).
/// </summary>
public sealed record PlanEvaluation(IReadOnlyList<double> Completions, int Served, IReadOnlyList<long> Late, IReadOnlyList<string> Violations)
{
    /// <summary>Each batch's timeline and each user's bandwidth, as the formulas give them.</summary>
    public IReadOnlyList<BatchTiming> Timings { get; init; } = Array.Empty<BatchTiming>();

    /// <summary>No structural rule is broken.</summary>
    public bool Valid => Violations.Count == 0;

    /// <summary>Valid, and every planned user meets its deadline: a solution of the static problem.</summary>
    public bool Feasible => Valid && Late.Count == 0;
}

/// <summary>One batch on the static timeline, in seconds, and the bandwidth (Hz) of each of its users by id.</summary>
public sealed record BatchTiming(double Start, double UploadEnd, double LoadEnd, double Completion, IReadOnlyDictionary<long, double> ShareHz);

/// <summary>
/// Re-checks a plan against the static problem's rules, written out here from docs/site.md section 5
/// rather than taken from any planner: batches are disjoint and non-empty; each names queued requests of
/// its model; the memory rule holds; the timeline formula gives E_n; a user of batch n is served when
/// E_n <= T_k and late otherwise. The value is the number served. A sharing-blind strategy is evaluated
/// in its own world, a view on the catalog that shares nothing (<see cref="SharingBlind"/>).
/// </summary>
public static class PlanEvaluator
{
    public static PlanEvaluation Evaluate(StaticProblem problem, Plan plan)
    {
        var violations = new List<string>();
        var late = new List<long>();
        var timings = new List<BatchTiming>();
        var completions = new List<double>();
        var seen = new HashSet<long>();
        double t = problem.Now;
        Model? previous = null;
        int served = 0;
        for (int n = 0; n < plan.Batches.Count; n++)
        {
            var batch = plan.Batches[n];
            if (!problem.Catalog.Contains(batch.ModelId))
            {
                violations.Add($"batch {n}: unknown model '{batch.ModelId}'");
                completions.Add(double.NaN);
                continue;
            }
            var model = problem.Catalog.Model(batch.ModelId);
            var users = new List<int>();
            if (batch.RequestIds.Count == 0) violations.Add($"batch {n}: empty");
            foreach (var id in batch.RequestIds)
            {
                if (!problem.Index.TryGetValue(id, out int k)) violations.Add($"batch {n}: request {id} is not queued");
                else if (problem.Users[k].ModelId != model.Id) violations.Add($"batch {n}: request {id} wants '{problem.Users[k].ModelId}', not '{model.Id}'");
                else if (!seen.Add(id)) violations.Add($"batch {n}: request {id} is already served");
                else users.Add(k);
            }
            int cap = problem.View.MaxBatchSize(model);
            if (batch.RequestIds.Count > cap) violations.Add($"batch {n}: {batch.RequestIds.Count} requests break the memory rule (at most {cap})");
            var allocation = users.Count > 0 ? problem.View.Allocate(users.Select(k => problem.Users[k]).ToArray()) : new BandwidthAllocation(Array.Empty<double>(), 0);
            double upload = allocation.UploadSeconds;
            IReadOnlySet<string> resident = previous is null ? problem.View.Resident : problem.Catalog.BlockSet(previous);
            double load = problem.View.Loads.LoadSeconds(model, resident, problem.View.InRam);
            double combined = problem.View.Timeline == Timeline.Sequential ? upload + load : Math.Max(upload, load);
            double start = t;
            t = StaticProblem.Next(t, combined, model.Profile.Seconds(Math.Max(1, users.Count)));
            completions.Add(t);
            double loadEnd = problem.View.Timeline == Timeline.Sequential ? start + upload + load : start + load;
            timings.Add(new BatchTiming(start, start + upload, loadEnd, t, users.Select((k, j) => (problem.Users[k].Id, allocation.ShareHz[j])).ToDictionary(x => x.Id, x => x.Item2)));
            foreach (int k in users)
            {
                if (t > problem.Users[k].Deadline) late.Add(problem.Users[k].Id);
                else served++;
            }
            previous = model;
        }
        return new PlanEvaluation(completions, served, late, violations) { Timings = timings };
    }
}

using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>How pl-greedy picks the next model.</summary>
public enum GreedyVariant
{
    /// <summary>The model and batch with the most users per second added.</summary>
    Default,

    /// <summary>The model sharing most bytes with the resident set, then its best batch.</summary>
    Overlap,
}

/// <summary>
/// `pl-greedy`, for sharing at arbitrary positions: repeatedly, for every model and
/// batch size n, take the n smallest-u users whose deadlines admit the batch's completion, score n / Δt
/// with Δt = combine(upload, L(i | resident)) + τ_i(n), and append the best; the GPU then holds the
/// model's blocks (previous-model) and the clock advances. A model may appear again later.
/// With <c>variant: overlap</c> (`pl-greedy-overlap`) the next model is the one sharing the most bytes with
/// the resident set among those with feasible users, and only its batch size is scored.
/// </summary>
[Strategy("pl-greedy", "PartialLoading greedy for sharing at any position: repeatedly the batch serving most users per second added.")]
[Strategy("pl-greedy-overlap", "pl-greedy whose next model is the one sharing most bytes with the GPU's resident blocks.", Preset = "variant=overlap")]
public sealed class PartialLoadingGreedy(GreedyVariant variant = GreedyVariant.Default) : IBatchScheduler
{
    private readonly bool overlapFirst = variant == GreedyVariant.Overlap;

    public Plan Plan(SiteView view)
    {
        var p = new StaticProblem(view);
        var isLeft = new bool[p.Users.Count];
        Array.Fill(isLeft, true);
        int left = isLeft.Length;
        var models = p.Users.Select(u => u.ModelId).Distinct().Select(p.Catalog.Model).ToArray();
        // Sorted once; each round keeps the users still left, in the same order.
        var sorted = models.Select(m => p.UsersByCost(m.Id)).ToArray();
        var caps = models.Select(m => view.MaxBatchSize(m)).ToArray();
        // Each model's users still left, with their prefixes' uploads and earliest deadlines: remade only for the
        // model a round serves, since the others keep theirs.
        var current = (int[][])sorted.Clone();
        var uploads = new Func<ReadOnlySpan<int>, double>[models.Length];
        var earliest = new double[models.Length][];
        void Refresh(int i)
        {
            int longest = Math.Min(current[i].Length, caps[i]);
            uploads[i] = p.PrefixUploads(current[i], longest);
            earliest[i] = p.EarliestDeadlines(current[i], longest);
        }
        for (int i = 0; i < models.Length; i++) Refresh(i);
        var batches = new List<PlannedBatch>();
        double t = p.Now;
        Model? previous = null;
        while (left > 0)
        {
            (int Index, ArraySegment<int> Users, double Seconds, double Score, long Shared)? best = null;
            for (int i = 0; i < models.Length; i++)
            {
                var byCost = current[i];
                if (byCost.Length == 0) continue;
                var model = models[i];
                int cap = Math.Min(byCost.Length, caps[i]);
                long shared = !overlapFirst || cap == 0 ? 0
                    : previous is null ? p.Catalog.ResidentBytes(model, view.Resident) : p.Catalog.SharedBytes(model, previous);
                double load = p.Load(model, previous);
                var upload = uploads[i];
                Func<ReadOnlySpan<int>, double> added = s => p.BatchSeconds(model, load, upload(s), s.Length);
                for (int n = 1; n <= cap; n++)
                {
                    if (!p.TryChooseUsers(byCost, n, t, added, out var chosen, out double dt, earliest[i])) continue;
                    double score = n / Math.Max(dt, 1e-12);
                    bool better = best is null
                        || (overlapFirst ? shared > best.Value.Shared || (shared == best.Value.Shared && score > best.Value.Score) : score > best.Value.Score);
                    if (better) best = (i, chosen, dt, score, shared);
                }
            }
            if (best is null) break;
            var (served, users, seconds, _, _) = best.Value;
            batches.Add(new PlannedBatch(models[served].Id, users.Select(k => p.Users[k].Id).ToArray()));
            foreach (int k in users) isLeft[k] = false;
            current[served] = Array.FindAll(current[served], k => isLeft[k]);
            Refresh(served);
            left -= users.Count;
            t += seconds;
            previous = models[served];
        }
        return new Plan(batches);
    }
}

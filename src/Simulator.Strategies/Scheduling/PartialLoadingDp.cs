using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>What pl-dp does with a catalog that is not backbone-sharing.</summary>
public enum DpFallback
{
    None,
    PlGreedy,
}

/// <summary>
/// `pl-dp`: the PartialLoading dynamic program for the backbone-sharing case.
/// </summary>
/// <remarks>
/// <para>Setting: a common deadline T, the sequential timeline, the optimal fixed-psd split (so a batch's
/// upload time is U(S) = Σ_{k∈S} u_k) and previous-model residency (after a batch of model i the GPU
/// holds J_i). Batch n adds Δ_n = U(S_n) + L(i_n | i_{n-1}) + τ_{i_n}(|S_n|), and a schedule is feasible
/// iff Σ Δ_n ≤ T − now. The three facts below make the DP exact under these assumptions; with per-user
/// deadlines or the overlap timeline it is a heuristic whose gap is measured, not hidden.</para>
/// <para><b>Fact 1</b> (for a fixed model and batch size n, the n users of smallest u are best). In a
/// feasible schedule, swap a user k of a batch of model i for an unserved user k' of the same model with
/// u_{k'} ≤ u_k. Only U(S) changes, and it does not grow; L and τ depend on the model and |S| alone. Every
/// completion time is a prefix sum of the Δ's, so none grows and the deadline still holds with the same
/// number served. Repeating the swap makes the users served for each model its smallest-u ones.</para>
/// <para><b>Fact 2</b> (within a cluster, an order that loads each backbone layer once is best). A model
/// owns a prefix of depth d_i of its cluster's backbone plus private blocks. Under previous-model
/// residency, moving from model a to model b of the cluster keeps the common prefix min(d_a, d_b) and
/// loads the layers d_a … d_b − 1 when d_b > d_a, plus b's private blocks. Over a visit entering with
/// a resident prefix of depth e, the layers loaded number Σ max(0, d_next − d_prev) ≥ max(0, d_max − e),
/// while private blocks are loaded once per batch whatever the order (except those already resident
/// when a model is served first). Visiting in <i>descending</i> depth reaches the bound: the deepest model
/// loads every missing layer in one load, and every later model finds its prefix resident. One load of
/// all the layers is never slower than the same layers split over several loads, because the pipeline's
/// completion time only grows when a stretch of blocks is cut in two. The paper states the order as
/// ascending, which is equally good when nothing of the cluster is resident at entry (d_max layers either
/// way, in one load or in several). With the GPU holding R_0 = J_x of a model x of depth e it is not:
/// ascending from a shallower model reloads layers that were resident. The exhaustive oracle caught
/// exactly that case; hence descending order, plus the option of serving the model that R_0 holds first,
/// before the descent, which loads at most its missing blocks and keeps the bound.</para>
/// <para><b>Fact 3</b> (one contiguous stretch per cluster). Clusters share no block, so leaving a cluster
/// evicts all of it. A cluster visited in two stretches reloads at least its entry prefix again. Merging
/// the stretches into one, in the order of fact 2, loads no more and changes nothing in other clusters'
/// Δ's, since they enter with nothing of their own cluster resident either way.</para>
/// <para>Algorithm: per cluster c, G_c[m] = least time to serve m users of c entering with nothing of c
/// resident, by a DP over (last model in descending depth, users served) whose transition appends a
/// later model with its n' smallest-u users. G'_{c0} for the cluster holding R_0 is the better of that DP
/// entered with R_0 and of serving R_0's model first and then that DP over the others. Then
/// F = G'_{c0} ⊕ G_1 ⊕ … (min-plus), c0 first; the answer is the largest m with F[m] ≤ T − now,
/// backtracked into batches. When R_0 holds blocks of several clusters (lru, pin-shared residency), each
/// of them is tried as c0 and the plan serving most, then ending first, is kept; only the first batch
/// sees R_0, so that is exact. The chosen m is confirmed by the timeline's own batch-by-batch sum
/// (<see cref="StaticProblem.Completions"/>), so a deadline tie is decided as the evaluator decides it.
/// Cost O(Σ_c p_c² K_c²) with p_c models and K_c users in cluster c, times the clusters R_0 touches.</para>
/// </remarks>
[Strategy("pl-dp", "PartialLoading dynamic program, exact for backbone-sharing catalogs with a common deadline on the sequential timeline.")]
[Strategy("no-sharing", "Baseline: pl-dp on a sharing-blind site, whose catalog shares nothing: it keeps the models it holds and loads any other whole.", Preset = "whole-models=false", Site = "sharing: false")]
[Strategy("plan-without-sharing", "Baseline: plans as no-sharing, but the site loads only missing blocks (separates planning from partial loading).", Preset = "whole-models=true")]
public sealed class PartialLoadingDp : IBatchScheduler
{
    private static readonly IReadOnlySet<string> Nothing = System.Collections.Frozen.FrozenSet<string>.Empty;
    private readonly bool fallbackToGreedy;
    private readonly bool wholeModels;
    // The catalog's structure does not change during a run; a scheduler is asked at every decision.
    private (Catalog Catalog, IReadOnlyList<BackboneCluster> Clusters, string? WhyNot)? structure;
    private (Catalog Shared, LoadEstimator SharedLoads, Catalog Unshared, LoadEstimator Loads)? blind;

    /// <param name="fallback">What to do when the catalog is not backbone-sharing: fail, or plan with pl-greedy.</param>
    /// <param name="wholeModels">Plan sharing-blind (plan-without-sharing): on the view of the catalog that shares nothing, where every batch loads its whole model unless the GPU holds it.</param>
    public PartialLoadingDp(DpFallback fallback = DpFallback.None, bool wholeModels = false)
    {
        fallbackToGreedy = fallback == DpFallback.PlGreedy;
        this.wholeModels = wholeModels;
    }

    public Plan Plan(SiteView view)
    {
        if (wholeModels) view = Blind(view);
        if (structure is not { } known || !ReferenceEquals(known.Catalog, view.Catalog))
        {
            var found = BackboneStructure.Find(view.Catalog, out string? reason);
            structure = known = (view.Catalog, found, reason);
        }
        var (_, clusters, whyNot) = known;
        if (whyNot is not null)
            return fallbackToGreedy
                ? new PartialLoadingGreedy().Plan(view)
                : throw new StrategyException($"pl-dp needs a backbone-sharing catalog: {whyNot}. Use pl-greedy, or pl-dp with fallback: pl-greedy.");
        var problem = new StaticProblem(view);
        if (problem.Users.Count == 0) return Edge.Plan.Empty;
        var resident = view.Resident;
        // lru and pin-shared residency can leave blocks of several clusters: each is tried as the one
        // entered first, with the resident set (after that first batch the GPU holds only J_i).
        var entries = clusters.Where(c => c.Models.Any(m => m.BlockIds.Any(resident.Contains))).ToArray<BackboneCluster?>();
        if (entries.Length == 0) entries = new BackboneCluster?[] { null };
        bool common = problem.Users.Select(u => u.Deadline).Distinct().Count() <= 1;
        return common ? CommonDeadline(problem, clusters, entries, resident) : PerUserDeadlines(problem, clusters, entries, resident);
    }

    private SiteView Blind(SiteView view)
    {
        if (blind is not { } known || !ReferenceEquals(known.Shared, view.Catalog) || !ReferenceEquals(known.SharedLoads, view.Loads))
        {
            var unshared = SharingBlind.Unshared(view.Catalog);
            blind = known = (view.Catalog, view.Loads, unshared, LoadEstimator.For(unshared, view.Spec));
        }
        return SharingBlind.View(view, known.Unshared, known.Loads);
    }

    private static Plan CommonDeadline(StaticProblem p, IReadOnlyList<BackboneCluster> clusters, BackboneCluster?[] entries, IReadOnlySet<string> resident)
    {
        // Each table counts time from now; with one deadline, F[m] <= T - now decides feasibility. The
        // tables' own deadline filter (now + t0 + Δ, added in its own order) only prunes, so it starts a
        // slack early: at a tie it must not drop a user the timeline finds on time.
        double early = p.Now - TieSlack(p.Users[0].Deadline);
        var plain = clusters.ToDictionary(c => c, c => ClusterTable.Best(p, c, Nothing, early));
        Candidate best = Candidate.None;
        foreach (var first in entries)
        {
            var ordered = clusters.OrderBy(c => c == first ? 0 : 1).ToArray();
            var tables = ordered.Select(c => c == first ? ClusterTable.Best(p, c, resident, early) : plain[c]).ToArray();
            var candidate = MinPlus(p, tables);
            if (candidate.IsBetterThan(best)) best = candidate;
        }
        return new Plan(best.Batches);
    }

    /// <summary>F = G_first ⊕ G_2 ⊕ …, and the most users whose plan meets the deadline as the timeline adds it up.</summary>
    private static Candidate MinPlus(StaticProblem p, ClusterTable[] tables)
    {
        double deadline = p.Users[0].Deadline, budget = deadline - p.Now;
        var f = new double[p.Users.Count + 1];
        Array.Fill(f, double.PositiveInfinity);
        f[0] = 0;
        var take = new int[tables.Length, p.Users.Count + 1];
        for (int c = 0; c < tables.Length; c++)
        {
            var next = new double[f.Length];
            Array.Fill(next, double.PositiveInfinity);
            for (int m = 0; m < f.Length; m++)
                for (int x = 0; x <= m && x < tables[c].Time.Length; x++)
                {
                    double v = f[m - x] + tables[c].Time[x];
                    if (v < next[m]) { next[m] = v; take[c, m] = x; }
                }
            f = next;
        }
        // F adds per-cluster sums, the timeline adds batch by batch: at a tie with the deadline the two can
        // differ in the last bit, so near-ties are decided by the timeline's own sum.
        double slack = TieSlack(deadline);
        for (int served = f.Length - 1; served > 0; served--)
        {
            if (!(f[served] <= budget + slack)) continue;
            var perCluster = new int[tables.Length];
            for (int c = tables.Length - 1, m = served; c >= 0; c--)
            {
                perCluster[c] = take[c, m];
                m -= perCluster[c];
            }
            var batches = Enumerable.Range(0, tables.Length).SelectMany(c => tables[c].Batches(perCluster[c])).ToArray();
            var ends = p.Completions(batches);
            if (ends[^1] <= deadline) return new Candidate(batches, served, ends[^1]);
        }
        return Candidate.None;
    }

    /// <summary>Far above the rounding of sums of a few hundred terms near <paramref name="deadline"/>, far below any time that matters.</summary>
    private static double TieSlack(double deadline) => 1e-9 * (1 + Math.Abs(deadline));

    /// <summary>The heuristic for per-user deadlines: clusters one after another (the entry's first, then by earliest deadline), each taking as many users as it can from the time reached.</summary>
    private static Plan PerUserDeadlines(StaticProblem p, IReadOnlyList<BackboneCluster> clusters, BackboneCluster?[] entries, IReadOnlySet<string> resident)
    {
        Candidate best = Candidate.None;
        foreach (var first in entries)
        {
            var ordered = clusters.OrderBy(c => c == first ? 0 : 1).ThenBy(c => EarliestDeadline(p, c)).ToArray();
            double t = p.Now;
            var batches = new List<PlannedBatch>();
            foreach (var c in ordered)
            {
                var table = ClusterTable.Best(p, c, c == first && batches.Count == 0 ? resident : Nothing, t);
                int m = Enumerable.Range(0, table.Time.Length).Where(x => !double.IsInfinity(table.Time[x])).Max();
                if (m == 0) continue;
                batches.AddRange(table.Batches(m));
                t += table.Time[m];
            }
            var candidate = OnTime(p, batches);
            if (candidate.IsBetterThan(best)) best = candidate;
        }
        return new Plan(best.Batches);
    }

    /// <summary>
    /// The plan without the users the timeline finds late. Cluster tables check deadlines from their own
    /// start (a head batch's table does not know how long the head took), so the heuristic can plan a user
    /// too late; dropping one shortens its batch and every later one, unless its batch empties and the next
    /// model loads from another predecessor, hence the loop.
    /// </summary>
    private static Candidate OnTime(StaticProblem p, List<PlannedBatch> batches)
    {
        while (batches.Count > 0)
        {
            var ends = p.Completions(batches);
            bool late = false;
            for (int n = 0; n < batches.Count; n++)
            {
                var kept = batches[n].RequestIds.Where(id => p.Users[p.Index[id]].Deadline >= ends[n]).ToArray();
                if (kept.Length == batches[n].RequestIds.Count) continue;
                late = true;
                batches[n] = batches[n] with { RequestIds = kept };
            }
            if (!late) return new Candidate(batches.ToArray(), batches.Sum(b => b.RequestIds.Count), ends[^1]);
            batches.RemoveAll(b => b.RequestIds.Count == 0);
        }
        return Candidate.None;
    }

    /// <summary>A plan with the users it serves and when its last batch ends: more served wins, then the earlier end.</summary>
    private sealed record Candidate(IReadOnlyList<PlannedBatch> Batches, int Served, double End)
    {
        public static readonly Candidate None = new(Array.Empty<PlannedBatch>(), 0, double.PositiveInfinity);

        public bool IsBetterThan(Candidate other) => Served > other.Served || (Served == other.Served && End < other.End);
    }

    private static double EarliestDeadline(StaticProblem p, BackboneCluster cluster)
    {
        double earliest = double.PositiveInfinity;
        foreach (var model in cluster.Models)
            foreach (int k in p.UsersByCost(model.Id))
                earliest = Math.Min(earliest, p.Users[k].Deadline);
        return earliest;
    }

    /// <summary>A cluster's table: least added time to serve m of its users, and how.</summary>
    private sealed class ClusterTable
    {
        private readonly Func<int, IEnumerable<PlannedBatch>> batches;

        private ClusterTable(double[] time, Func<int, IEnumerable<PlannedBatch>> batches)
        {
            Time = time;
            this.batches = batches;
        }

        public double[] Time { get; }

        public IEnumerable<PlannedBatch> Batches(int served) => served == 0 ? Array.Empty<PlannedBatch>() : batches(served);

        /// <summary>
        /// G (entering with <paramref name="entry"/> resident): the descending-depth DP, and, when the entry
        /// holds blocks of the cluster, also "the model most resident first, then the DP over the others".
        /// </summary>
        public static ClusterTable Best(StaticProblem p, BackboneCluster cluster, IReadOnlySet<string> entry, double start)
        {
            var descending = cluster.Models.Reverse().ToArray();
            var plain = Descent(p, descending, entry, start);
            // The model with the most blocks in the entry state (the first such on ties), if any.
            Model? head = null;
            int most = 0;
            foreach (var model in cluster.Models)
            {
                int count = 0;
                foreach (var id in model.BlockIds)
                    if (entry.Contains(id)) count++;
                if (count > most) (head, most) = (model, count);
            }
            if (head is null) return plain;
            // Serve `head` first with its n smallest-u users, then descend through the rest from J_head; a head
            // without users forms no batch, and the table is the plain descent's.
            var headUsers = p.UsersByCost(head.Id);
            if (headUsers.Length == 0) return plain;
            var rest = Descent(p, descending.Where(m => m != head).ToArray(), p.Catalog.BlockSet(head), start);
            var time = (double[])plain.Time.Clone();
            var how = new (int HeadUsers, ArraySegment<int> Chosen)[time.Length];
            int cap = Math.Min(headUsers.Length, p.View.MaxBatchSize(head));
            double headLoad = p.LoadFrom(head, entry);
            var headUploads = p.PrefixUploads(headUsers, cap);
            var headEarliest = p.EarliestDeadlines(headUsers, cap);
            Func<ReadOnlySpan<int>, double> added = s => p.BatchSeconds(head, headLoad, headUploads(s), s.Length);
            for (int n = 1; n <= cap; n++)
            {
                if (!p.TryChooseUsers(headUsers, n, start, added, out var chosen, out double t, headEarliest)) continue;
                for (int m = n; m < time.Length && m - n < rest.Time.Length; m++)
                    if (t + rest.Time[m - n] < time[m])
                    {
                        time[m] = t + rest.Time[m - n];
                        how[m] = (n, chosen);
                    }
            }
            return new ClusterTable(time, m => how[m].HeadUsers > 0
                ? rest.Batches(m - how[m].HeadUsers).Prepend(new PlannedBatch(head.Id, how[m].Chosen.Select(k => p.Users[k].Id).ToArray()))
                : plain.Batches(m));
        }

        /// <summary>DP over (last model, users served) with models visited in the given order.</summary>
        private static ClusterTable Descent(StaticProblem p, Model[] models, IReadOnlySet<string> entry, double start)
        {
            // A model without users never forms a batch, and a batch's load depends only on the one before it:
            // leaving such models out changes no table entry, and spares the loads of every pair they are in.
            models = Array.FindAll(models, m => p.UsersByCost(m.Id).Length > 0);
            var users = models.Select(m => p.UsersByCost(m.Id)).ToArray();
            var caps = models.Select((m, j) => Math.Min(users[j].Length, p.View.MaxBatchSize(m))).ToArray();
            int total = users.Sum(u => u.Length), width = total + 1;
            // added[prev + 1][j]: the time a batch of model j adds after one of model prev (-1: the entry state). Loads
            // are fixed per (prev, j) and uploads per prefix of j's users, so the innermost loop only adds them up.
            var uploads = models.Select((m, j) => p.PrefixUploads(users[j], caps[j])).ToArray();
            var earliest = models.Select((m, j) => p.EarliestDeadlines(users[j], caps[j])).ToArray();
            var added = new Func<ReadOnlySpan<int>, double>[models.Length + 1][];
            for (int prev = -1; prev < models.Length; prev++)
            {
                added[prev + 1] = new Func<ReadOnlySpan<int>, double>[models.Length];
                for (int j = prev + 1; j < models.Length; j++)
                {
                    var model = models[j];
                    var upload = uploads[j];
                    double load = prev < 0 ? p.LoadFrom(model, entry) : p.Load(model, models[prev]);
                    added[prev + 1][j] = s => p.BatchSeconds(model, load, upload(s), s.Length);
                }
            }
            // Flat [model * width + served] tables.
            var time = new double[models.Length * width];
            var back = new (int Prev, int PrevServed, ArraySegment<int> Users)[models.Length * width];
            Array.Fill(time, double.PositiveInfinity);
            for (int prev = -1; prev < models.Length; prev++)
                for (int served = 0; served <= total; served++)
                {
                    double t0 = prev < 0 ? (served == 0 ? 0 : double.PositiveInfinity) : time[prev * width + served];
                    if (double.IsInfinity(t0)) continue;
                    for (int j = prev + 1; j < models.Length; j++)
                    {
                        var batch = added[prev + 1][j];
                        int cap = caps[j];
                        for (int n = 1; n <= cap && served + n <= total; n++)
                        {
                            if (!p.TryChooseUsers(users[j], n, start + t0, batch, out var chosen, out double seconds, earliest[j])) continue;
                            double t1 = t0 + seconds;
                            int cell = j * width + served + n;
                            if (t1 < time[cell])
                            {
                                time[cell] = t1;
                                back[cell] = (prev, served, chosen);
                            }
                        }
                    }
                }
            var best = new double[width];
            var end = new int[width];
            for (int m = 0; m <= total; m++)
            {
                best[m] = m == 0 ? 0 : double.PositiveInfinity;
                end[m] = -1;
                for (int j = 0; j < models.Length; j++)
                    if (time[j * width + m] < best[m]) { best[m] = time[j * width + m]; end[m] = j; }
            }
            return new ClusterTable(best, served =>
            {
                var list = new List<PlannedBatch>();
                for (int j = end[served], m = served; j >= 0;)
                {
                    var (prev, prevServed, chosen) = back[j * width + m];
                    list.Add(new PlannedBatch(models[j].Id, chosen.Select(k => p.Users[k].Id).ToArray()));
                    j = prev;
                    m = prevServed;
                }
                list.Reverse();
                return list;
            });
        }
    }
}

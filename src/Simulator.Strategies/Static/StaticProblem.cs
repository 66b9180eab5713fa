using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// The static scheduling problem of docs/site.md section 5 seen from a <see cref="SiteView"/>: every
/// queued request is present now, with upload cost u_k (its upload time alone with the whole band),
/// deadline T_k; the GPU holds the view's resident set R_0; after a batch of model i the GPU holds J_i
/// (previous-model residency, the paper's); batch n completes at
/// E_n = E_{n-1} + combine(upload(S_n), L(i_n | resident)) + tau_{i_n}(|S_n|), with E_0 = now.
/// The planners and the evaluator share these definitions and nothing else.
/// </summary>
public sealed class StaticProblem
{
    private readonly Dictionary<(string Model, string? After), double> loads = new();
    private readonly Dictionary<string, int[]> byCost = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyDictionary<long, int>> index;

    public StaticProblem(SiteView view)
    {
        View = view;
        Users = view.Queue;
        var single = new int[1];
        UploadCost = Enumerable.Range(0, Users.Count).Select(k =>
        {
            single[0] = k;
            return Upload(single);
        }).ToArray();
        index = new Lazy<IReadOnlyDictionary<long, int>>(() => Users.Select((u, k) => (u.Id, k)).ToDictionary(x => x.Id, x => x.k));
    }

    public SiteView View { get; }

    public Catalog Catalog => View.Catalog;

    public IReadOnlyList<QueuedRequest> Users { get; }

    /// <summary>u_k: user k's upload time alone with the whole band (additive in a batch under the optimal fixed-psd split).</summary>
    public IReadOnlyList<double> UploadCost { get; }

    /// <summary>Users' positions by request id (built on first use: planners do not need it).</summary>
    public IReadOnlyDictionary<long, int> Index => index.Value;

    public double Now => View.Now;

    /// <summary>The upload time of users (by index) uploading together under the site's allocator.</summary>
    public double Upload(ReadOnlySpan<int> users)
    {
        if (users.Length == 0) return 0;
        // Planners call this in their innermost loops: the demands on the stack.
        Span<UploadDemand> demands = users.Length <= 256 ? stackalloc UploadDemand[users.Length] : new UploadDemand[users.Length];
        for (int i = 0; i < users.Length; i++) demands[i] = new UploadDemand(Users[users[i]].InputBits, Users[users[i]].SnrHz);
        return UploadTime.Seconds(View.Spec.Uplink, demands);
    }

    /// <summary>L(i | the GPU after a batch of <paramref name="previous"/>, or R_0 when null), memoised.</summary>
    public double Load(Model model, Model? previous)
    {
        var key = (model.Id, previous?.Id);
        if (loads.TryGetValue(key, out double t)) return t;
        return loads[key] = LoadFrom(model, previous is null ? View.Resident : Catalog.BlockSet(previous));
    }

    /// <summary>L(i | the GPU holding <paramref name="gpu"/>).</summary>
    public double LoadFrom(Model model, IReadOnlySet<string> gpu) => View.Loads.LoadSeconds(model, gpu, View.InRam);

    /// <summary>The users of <paramref name="modelId"/> by upload cost (ties: deadline, then id), memoised; callers must not change the array.</summary>
    public int[] UsersByCost(string modelId)
    {
        if (byCost.Count == 0 && Users.Count > 0) SortByCost();
        return byCost.TryGetValue(modelId, out var users) ? users : Array.Empty<int>();
    }

    // Every model's users in one pass over the queue: a planner asks about every model of the catalog, most with no user queued.
    private void SortByCost()
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int k = 0; k < Users.Count; k++)
        {
            if (!lists.TryGetValue(Users[k].ModelId, out var list)) lists[Users[k].ModelId] = list = new List<int>();
            list.Add(k);
        }
        foreach (var (model, list) in lists)
            byCost[model] = list.OrderBy(k => UploadCost[k]).ThenBy(k => Users[k].Deadline).ThenBy(k => Users[k].Id).ToArray();
    }

    /// <summary>
    /// The n smallest-cost users of <paramref name="byCost"/> whose deadlines admit the batch's completion
    /// <paramref name="start"/> + <paramref name="added"/>(users), found by dropping those it would miss and
    /// trying again; false when n such users cannot be found. The choice is a prefix of an array that is never
    /// changed afterwards, so planners keep it without a copy.
    /// </summary>
    /// <param name="earliest">The earliest deadline of each prefix of <paramref name="byCost"/> (<see cref="EarliestDeadlines"/>), or null:
    /// with it, the first try checks its n users by one comparison.</param>
    public bool TryChooseUsers(int[] byCost, int n, double start, Func<ReadOnlySpan<int>, double> added, out ArraySegment<int> chosen, out double seconds, double[]? earliest = null)
    {
        // Plain loops and no copy of the common, feasible case: planners call this in their innermost loops.
        var candidates = byCost;
        while (candidates.Length >= n)
        {
            seconds = added(candidates.AsSpan(0, n));
            double end = start + seconds;
            if (earliest is not null && candidates == byCost && n < earliest.Length && earliest[n] >= end)
            {
                chosen = new ArraySegment<int>(candidates, 0, n);
                return true;
            }
            int late = 0;
            for (int i = 0; i < n; i++)
                if (Users[candidates[i]].Deadline < end) late++;
            if (late == 0)
            {
                chosen = new ArraySegment<int>(candidates, 0, n);
                return true;
            }
            int keep = 0;
            foreach (int k in candidates)
                if (Users[k].Deadline >= end) keep++;
            if (keep == candidates.Length) break;
            var left = new int[keep];
            int j = 0;
            foreach (int k in candidates)
                if (Users[k].Deadline >= end) left[j++] = k;
            candidates = left;
        }
        chosen = default;
        seconds = double.NaN;
        return false;
    }

    /// <summary>Time a batch adds: combine(upload, load) + tau(n).</summary>
    public double BatchSeconds(Model model, Model? previous, ReadOnlySpan<int> users) =>
        BatchSeconds(model, Load(model, previous), Upload(users), users.Length);

    /// <summary>Time a batch of <paramref name="count"/> users adds, given its upload and its model's load time.</summary>
    public double BatchSeconds(Model model, double load, double upload, int count) =>
        View.Combine(upload, load) + model.Profile.Seconds(count);

    /// <summary>The earliest deadline among the first n users of <paramref name="byCost"/>, for n up to <paramref name="longest"/> (index 0: none).</summary>
    public double[] EarliestDeadlines(int[] byCost, int longest)
    {
        var earliest = new double[Math.Min(longest, byCost.Length) + 1];
        earliest[0] = double.PositiveInfinity;
        for (int n = 1; n < earliest.Length; n++) earliest[n] = Math.Min(earliest[n - 1], Users[byCost[n - 1]].Deadline);
        return earliest;
    }

    /// <summary>
    /// <see cref="Upload"/>, remembered for the prefixes of <paramref name="byCost"/> up to <paramref name="longest"/>
    /// users: a planner asks for the same prefix once per state it extends, and the upload of a prefix does not
    /// depend on the state. Other spans (the candidates left after dropping late users) are computed afresh.
    /// </summary>
    public Func<ReadOnlySpan<int>, double> PrefixUploads(int[] byCost, int longest)
    {
        var known = new double[Math.Min(longest, byCost.Length) + 1];
        Array.Fill(known, double.NaN);
        return users =>
        {
            if (users.Length < known.Length && users.Overlaps(byCost, out int offset) && offset == 0)
            {
                ref double upload = ref known[users.Length];
                if (double.IsNaN(upload)) upload = Upload(users);
                return upload;
            }
            return Upload(users);
        };
    }

    /// <summary>
    /// E_n = E_{n-1} + (combine + tau): the one order in which the timeline is added up. Planners that add
    /// times in another order (pl-dp's min-plus over clusters) check their plan with <see cref="Completions"/>
    /// and the evaluator adds with this, so a deadline met to the last bit is met for both.
    /// </summary>
    public static double Next(double previousEnd, double combined, double inference) => previousEnd + (combined + inference);

    /// <summary>Each batch's completion E_n from now, in the planners' own terms (users by request id).</summary>
    public double[] Completions(IReadOnlyList<PlannedBatch> batches)
    {
        var ends = new double[batches.Count];
        double t = Now;
        Model? previous = null;
        for (int n = 0; n < batches.Count; n++)
        {
            var model = Catalog.Model(batches[n].ModelId);
            var users = batches[n].RequestIds.Select(id => Index[id]).ToArray();
            t = ends[n] = Next(t, View.Combine(Upload(users), Load(model, previous)), model.Profile.Seconds(users.Length));
            previous = model;
        }
        return ends;
    }
}

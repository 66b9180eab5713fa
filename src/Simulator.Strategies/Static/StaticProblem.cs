using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// The static scheduling problem of system-model.md section 5 seen from a <see cref="SiteView"/>: every
/// queued request is present now, with upload cost u_k (its upload time alone with the whole band),
/// deadline T_k; the GPU holds the view's resident set R_0; after a batch of model i the GPU holds J_i
/// (previous-model residency, the paper's); batch n completes at
/// E_n = E_{n-1} + combine(upload(S_n), L(i_n | resident)) + tau_{i_n}(|S_n|), with E_0 = now.
/// The planners and the evaluator share these definitions and nothing else.
/// </summary>
public sealed class StaticProblem
{
    private readonly Dictionary<(string Model, string? After), double> loads = new();
    private readonly bool additive;

    /// <param name="wholeModels">Sharing off: every batch loads its whole model (the no-sharing baseline's world).</param>
    public StaticProblem(SiteView view, bool wholeModels = false)
    {
        View = view;
        WholeModels = wholeModels;
        additive = OptimalAllocator.IsClosedForm(view.Spec.Uplink);
        Users = view.Queue;
        var single = new int[1];
        UploadCost = Enumerable.Range(0, Users.Count).Select(k =>
        {
            single[0] = k;
            return Upload(single);
        }).ToArray();
        Index = Users.Select((u, k) => (u.Id, k)).ToDictionary(x => x.Id, x => x.k);
    }

    public SiteView View { get; }

    /// <summary>Sharing off: nothing counts as resident when a model loads.</summary>
    public bool WholeModels { get; }

    public Catalog Catalog => View.Catalog;

    public IReadOnlyList<QueuedRequest> Users { get; }

    /// <summary>u_k: user k's upload time alone with the whole band (additive in a batch under the optimal fixed-psd split).</summary>
    public IReadOnlyList<double> UploadCost { get; }

    public IReadOnlyDictionary<long, int> Index { get; }

    public double Now => View.Now;

    /// <summary>The upload time of users (by index) uploading together under the site's allocator.</summary>
    public double Upload(IReadOnlyList<int> users)
    {
        if (users.Count == 0) return 0;
        if (!additive) return View.UploadSeconds(users.Select(k => Users[k]).ToArray());
        // Planners call this in their innermost loops: the allocator's own closed form, on the stack.
        Span<UploadDemand> demands = users.Count <= 256 ? stackalloc UploadDemand[users.Count] : new UploadDemand[users.Count];
        for (int i = 0; i < users.Count; i++) demands[i] = new UploadDemand(Users[users[i]].InputBits, Users[users[i]].SnrHz);
        return OptimalAllocator.ClosedFormSeconds(demands, View.Spec.Uplink.BandwidthHz);
    }

    /// <summary>L(i | the GPU after a batch of <paramref name="previous"/>, or R_0 when null), memoised.</summary>
    public double Load(Model model, Model? previous)
    {
        var key = (model.Id, previous?.Id);
        if (loads.TryGetValue(key, out double t)) return t;
        IReadOnlySet<string> resident = WholeModels ? new HashSet<string>()
            : previous is null ? View.Resident : new HashSet<string>(previous.BlockIds, StringComparer.Ordinal);
        return loads[key] = View.Loads.LoadSeconds(model, resident, View.InRam);
    }

    /// <summary>The users of <paramref name="modelId"/> among <paramref name="candidates"/>, by upload cost (ties: deadline, then id).</summary>
    public int[] UsersByCost(string modelId, IEnumerable<int> candidates) =>
        candidates.Where(k => Users[k].ModelId == modelId).OrderBy(k => UploadCost[k]).ThenBy(k => Users[k].Deadline).ThenBy(k => Users[k].Id).ToArray();

    /// <summary>
    /// The n smallest-cost users of <paramref name="byCost"/> whose deadlines admit the batch's completion
    /// <paramref name="start"/> + <paramref name="added"/>(users), found by dropping those it would miss and
    /// trying again; null when n such users cannot be found.
    /// </summary>
    public int[]? ChooseUsers(int[] byCost, int n, double start, Func<int[], double> added)
    {
        // Plain loops: planners call this in their innermost loops.
        var candidates = byCost;
        while (candidates.Length >= n)
        {
            var chosen = new int[n];
            Array.Copy(candidates, chosen, n);
            double end = start + added(chosen);
            int late = 0;
            foreach (int k in chosen)
                if (Users[k].Deadline < end) late++;
            if (late == 0) return chosen;
            int keep = 0;
            foreach (int k in candidates)
                if (Users[k].Deadline >= end) keep++;
            if (keep == candidates.Length) return null;
            var left = new int[keep];
            int i = 0;
            foreach (int k in candidates)
                if (Users[k].Deadline >= end) left[i++] = k;
            candidates = left;
        }
        return null;
    }

    /// <summary>Time a batch adds: combine(upload, load) + tau(n).</summary>
    public double BatchSeconds(Model model, Model? previous, IReadOnlyList<int> users) =>
        View.Combine(Upload(users), Load(model, previous)) + model.Profile.Seconds(users.Count);
}

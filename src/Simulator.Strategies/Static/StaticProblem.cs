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
        additive = view.Spec.Uplink.Allocator is OptimalAllocator && view.Spec.Uplink.RateModel == RateModel.FixedPsd && view.Spec.Uplink.BandwidthHz > 0;
        Users = view.Queue;
        UploadCost = Users.Select(u => view.UploadSeconds(new[] { u })).ToArray();
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
        // The optimal fixed-psd split in closed form, computed as OptimalAllocator computes it (the same
        // terms summed in the same order, then divided by B), so the result is the same to the last bit,
        // without the arrays: planners call this in their innermost loops.
        double bandwidth = View.Spec.Uplink.BandwidthHz, sum = 0;
        bool anyBits = false;
        foreach (int k in users)
        {
            var u = Users[k];
            if (u.InputBits <= 0) continue;
            if (!(u.SnrHz > 0)) return double.PositiveInfinity;
            anyBits = true;
        }
        if (!anyBits) return 0;
        foreach (int k in users) sum += Users[k].InputBits / Math.Log2(1 + Users[k].SnrHz / bandwidth);
        return sum / bandwidth;
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
        var candidates = byCost;
        while (candidates.Length >= n)
        {
            var chosen = candidates.Take(n).ToArray();
            double end = start + added(chosen);
            if (chosen.All(k => Users[k].Deadline >= end)) return chosen;
            var left = candidates.Where(k => Users[k].Deadline >= end).ToArray();
            if (left.Length == candidates.Length) return null;
            candidates = left;
        }
        return null;
    }

    /// <summary>Time a batch adds: combine(upload, load) + tau(n).</summary>
    public double BatchSeconds(Model model, Model? previous, IReadOnlyList<int> users) =>
        View.Combine(Upload(users), Load(model, previous)) + model.Profile.Seconds(users.Count);
}

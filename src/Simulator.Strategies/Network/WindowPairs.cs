using Simulator.Edge.Network;

namespace Simulator.Strategies.Network;

/// <summary>
/// The (request, model) pairs a window's strategies choose among: per request, the admissible models
/// (accuracy, the per-request capacity row, budget at the nearest sources) with their candidate sources.
/// A request with no admissible model is reported unplaced by every strategy. With <c>nearestOnly</c>,
/// each part keeps only its nearest holders (all of them on a tie): in the window's program with a per-request
/// pull epigraph, moving any y-mass of a part to its nearest holder lowers that part's sum and touches no
/// other term, so the LP's and the ILP's optima keep their values (a test compares both forms).
/// </summary>
internal sealed class WindowPairs
{
    public WindowPairs(NetworkView view, bool sharing = true, bool nearestOnly = false)
    {
        var est = view.Estimates;
        var instance = view.Instance;
        int k = instance.Parts.Count;
        Models = new int[instance.Requests.Count][];
        Base = new IReadOnlyList<Source>[instance.Requests.Count][];
        Task = new IReadOnlyList<Source>[instance.Requests.Count][];
        // With nearest holders only, the estimator's nearest lists serve (made once per home and part).
        IReadOnlyList<Source> BaseOf(int home, int m) =>
            !nearestOnly ? est.BaseSources(home, m, sharing) : sharing ? est.NearestBaseSources(home, m) : ServiceEstimator.Quickest(est.BaseSources(home, m, sharing));
        IReadOnlyList<Source> TaskOf(int home, int m) => nearestOnly ? est.NearestTaskSources(home, m) : est.TaskSources(home, m);
        var admissible = new List<int>(k);
        for (int j = 0; j < instance.Requests.Count; j++)
        {
            int home = instance.Requests[j].Home;
            var models = Models[j] = AdmissibleModels(est, j, sharing, admissible);
            var bases = Base[j] = new IReadOnlyList<Source>[models.Length];
            var tasks = Task[j] = new IReadOnlyList<Source>[models.Length];
            for (int p = 0; p < models.Length; p++)
            {
                bases[p] = BaseOf(home, models[p]);
                tasks[p] = TaskOf(home, models[p]);
            }
        }
    }

    /// <summary>The models admissible for request j, in model order (<paramref name="scratch"/> is reused between calls).</summary>
    public static int[] AdmissibleModels(ServiceEstimator est, int j, bool sharing, List<int> scratch)
    {
        scratch.Clear();
        for (int m = 0; m < est.Instance.Parts.Count; m++)
            if (est.Admissible(j, m, sharing)) scratch.Add(m);
        return scratch.ToArray();
    }

    /// <summary>Admissible model indices per request.</summary>
    public int[][] Models { get; }

    /// <summary>Candidate base sources per request and pair.</summary>
    public IReadOnlyList<Source>[][] Base { get; }

    /// <summary>Candidate task-part sources per request and pair.</summary>
    public IReadOnlyList<Source>[][] Task { get; }
}

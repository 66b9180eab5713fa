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
/// <remarks>
/// The candidate sources are made on first use: strategies that pick a model per request from the nearest
/// holders read only the admissible models, and the lists grow with homes x holders (a family's base spreads to
/// most cloudlets of a city-sized network).
/// </remarks>
internal sealed class WindowPairs
{
    private readonly ServiceEstimator est;
    private readonly bool sharing, nearestOnly;
    private IReadOnlyList<Source>[][]? bases, tasks;

    public WindowPairs(NetworkView view, bool sharing = true, bool nearestOnly = false)
    {
        est = view.Estimates;
        this.sharing = sharing;
        this.nearestOnly = nearestOnly;
        var requests = view.Instance.Requests;
        Models = new int[requests.Count][];
        var admissible = new List<int>(view.Instance.Parts.Count);
        for (int j = 0; j < requests.Count; j++)
        {
            admissible.Clear();
            for (int m = 0; m < view.Instance.Parts.Count; m++)
                if (est.Admissible(j, m, sharing)) admissible.Add(m);
            Models[j] = admissible.ToArray();
        }
    }

    /// <summary>Admissible model indices per request.</summary>
    public int[][] Models { get; }

    /// <summary>Candidate base sources per request and pair.</summary>
    public IReadOnlyList<Source>[][] Base
    {
        get
        {
            if (bases is null) MakeSources();
            return bases!;
        }
    }

    /// <summary>Candidate task-part sources per request and pair.</summary>
    public IReadOnlyList<Source>[][] Task
    {
        get
        {
            if (tasks is null) MakeSources();
            return tasks!;
        }
    }

    private void MakeSources()
    {
        // With nearest holders only, the estimator's nearest lists serve (made once per home and part).
        IReadOnlyList<Source> BaseOf(int home, int m) => nearestOnly ? est.NearestBaseSources(home, m, sharing) : est.BaseSources(home, m, sharing);
        IReadOnlyList<Source> TaskOf(int home, int m) => nearestOnly ? est.NearestTaskSources(home, m) : est.TaskSources(home, m);
        var requests = est.Instance.Requests;
        bases = new IReadOnlyList<Source>[Models.Length][];
        tasks = new IReadOnlyList<Source>[Models.Length][];
        for (int j = 0; j < Models.Length; j++)
        {
            int home = requests[j].Home;
            var models = Models[j];
            var b = bases[j] = new IReadOnlyList<Source>[models.Length];
            var t = tasks[j] = new IReadOnlyList<Source>[models.Length];
            for (int p = 0; p < models.Length; p++)
            {
                b[p] = BaseOf(home, models[p]);
                t[p] = TaskOf(home, models[p]);
            }
        }
    }
}

namespace Simulator.Edge.Network;

/// <summary>
/// One round of online model selection (network.md section 5): what a learner may read of the request (not
/// its accuracies or its hidden type), the features it chooses to observe (recorded, so a result can say how
/// many it read and which), and, for <c>mec-oracle</c> alone, every model's true penalty.
/// </summary>
public sealed class OnlineRound
{
    private readonly NetworkRequest request;
    private readonly double[] penalties;

    public OnlineRound(int round, NetworkRequest request, double[] penalties)
    {
        Round = round;
        this.request = request;
        this.penalties = penalties;
    }

    /// <summary>0, 1, 2, ...: how many rounds came before.</summary>
    public int Round { get; }

    public int Models => penalties.Length;

    /// <summary>N: the context features there are.</summary>
    public int Features => request.Context.Count;

    public int Home => request.Home;

    /// <summary>The features read this round, in the order asked.</summary>
    public IReadOnlyList<int> Observed { get; private set; } = Array.Empty<int>();

    /// <summary>The values of the features asked for; the restricted context: ask only for those you mean to pay for.</summary>
    public double[] Observe(IReadOnlyList<int> features)
    {
        Observed = features.ToArray();
        var values = new double[features.Count];
        for (int i = 0; i < values.Length; i++) values[i] = request.Context[features[i]];
        return values;
    }

    /// <summary>Every model's penalty this round under the current cache: the regret reference, for the oracle only.</summary>
    public IReadOnlyList<double> TruePenalties => penalties;
}

/// <summary>
/// An online network strategy: it picks a model per request as requests come, then learns from the penalty
/// that choice earned. Its state lives in the strategy; its random stream comes from the registry; parts are
/// pulled from their nearest holders, so only the model is its choice.
/// </summary>
public interface IOnlineSelector
{
    int Choose(OnlineRound round);

    void Learn(OnlineRound round, int model, double penalty);
}

/// <summary>The online penalty's weights: p = xi (-ln a) + (1 - xi) D / unit.</summary>
public sealed record PenaltySpec(double Xi = 0.98, double DelayUnitSeconds = 100);

/// <summary>What an online strategy earned over a window served one request at a time.</summary>
public sealed record OnlineOutcome(IReadOnlyList<Assignment> Choices, IReadOnlyList<ServiceTerms> Terms, IReadOnlyList<double> Penalty, IReadOnlyList<double> Regret,
    IReadOnlyList<bool> PickedBest, IReadOnlyList<int> LastObserved);

/// <summary>
/// A window served online: the requests one at a time in order; each round the learner sees the request and
/// picks a model; both parts come from their nearest holders under what the cloudlets hold now; the penalty
/// p_jk = xi (-ln a_jk) + (1 - xi) D_jk / unit goes back to the learner (the authors count D in seconds; a unit
/// of 100 s keeps either term from swamping the other, see the README); the regret is
/// p(chosen) - min_k p(k) under the same cache; and what was pulled stays at the home (LRU within capacity).
/// As in the authors' OL, every model is an arm (the accuracy requirement and the budget are not rows here).
/// </summary>
public static class OnlineWindow
{
    public static double Penalty(PenaltySpec spec, double accuracy, double delay) => spec.Xi * -Math.Log(accuracy) + (1 - spec.Xi) * delay / spec.DelayUnitSeconds;

    public static OnlineOutcome Run(NetworkInstance window, IOnlineSelector learner, PenaltySpec penaltySpec)
    {
        var parts = window.Parts;
        var stores = window.Cloudlets.Select(c => new PartStore(window.Catalog, c.CapacityBytes, window.Holdings[c.Index])).ToArray();
        var held = stores.Select(s => s.Held).ToArray();
        int n = window.Requests.Count, models = parts.Count;
        var choices = new Assignment[n];
        var terms = new ServiceTerms[n];
        var penalty = new double[n];
        var regret = new double[n];
        var best = new bool[n];
        IReadOnlyList<int> observed = Array.Empty<int>();
        for (int j = 0; j < n; j++)
        {
            var r = window.Requests[j];
            var step = Step(window.Topology, window.Cloudlets, parts, held, window.Rules, r, j, learner, penaltySpec);
            choices[j] = step.Choice;
            terms[j] = step.Terms;
            penalty[j] = step.Penalty;
            regret[j] = step.Regret;
            best[j] = step.Regret == 0;
            observed = step.Observed;
            stores[r.Home].Add(parts.Base[step.Choice.Model]);
            stores[r.Home].Add(parts.Task[step.Choice.Model]);
        }
        return new OnlineOutcome(choices, terms, penalty, regret, best, observed);
    }

    /// <summary>What one round decided and earned.</summary>
    public readonly record struct StepResult(Assignment Choice, ServiceTerms Terms, double Penalty, double Regret, IReadOnlyList<int> Observed, ServiceEstimator Estimates);

    /// <summary>
    /// One round against what the cloudlets hold now: every model's terms from its nearest holders, the penalties,
    /// the learner's choice and its update. The window served online and the stochastic network both take this step.
    /// </summary>
    public static StepResult Step(Topology topology, IReadOnlyList<Cloudlet> cloudlets, ModelParts parts, IReadOnlyList<IReadOnlySet<string>> held, NetworkRules rules,
        NetworkRequest r, int round, IOnlineSelector learner, PenaltySpec penaltySpec)
    {
        int models = parts.Count;
        var est = new ServiceEstimator(new NetworkInstance(topology, cloudlets, parts, held, new[] { r }, rules));
        var all = new ServiceTerms[models];
        var p = new double[models];
        for (int k = 0; k < models; k++)
        {
            all[k] = est.NearestTerms(0, k);
            p[k] = Penalty(penaltySpec, r.Accuracy[k], all[k].Delay);
        }
        var view = new OnlineRound(round, r, p);
        int chosen = learner.Choose(view);
        if (chosen < 0 || chosen >= models) throw new InvalidOperationException($"{learner.GetType().Name} chose model {chosen} of {models}.");
        learner.Learn(view, chosen, p[chosen]);
        var choice = new Assignment(chosen, ServiceEstimator.Nearest(est.BaseSources(r.Home, chosen)).Location, ServiceEstimator.Nearest(est.TaskSources(r.Home, chosen)).Location);
        return new StepResult(choice, all[chosen], p[chosen], p[chosen] - p.Min(), view.Observed, est);
    }
}

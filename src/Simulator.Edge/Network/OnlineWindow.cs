namespace Simulator.Edge.Network;

/// <summary>Which delay D a learner's penalty charges.</summary>
public enum Feedback
{
    /// <summary>The delay planned at the decision, told at once (the paper's).</summary>
    Planned,

    /// <summary>The delay the request took, told when its result is back: a learner hears of a pick only after later picks, and not at all of one still under way at the horizon.</summary>
    Realized,
}

/// <summary>The online penalty's weights, p = xi (-ln a) + (1 - xi) D / unit, and which delay D is.</summary>
public sealed record PenaltySpec(double Xi = 0.98, double DelayUnitSeconds = 100, Feedback Feedback = Feedback.Planned);

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
        var rounds = new WindowRounds(window, penaltySpec);
        while (!rounds.Done) rounds.Answer(learner.Choose(rounds.Ask().Round), learner);
        return rounds.Outcome();
    }

    /// <summary>What one round decided and earned.</summary>
    public readonly record struct StepResult(Assignment Choice, ServiceTerms Terms, double Penalty, double Regret, IReadOnlyList<int> Observed, ServiceEstimator Estimates);

    /// <summary>A round put to the learner: what it may read, and what the round's end needs to score its pick.</summary>
    public sealed record Question(OnlineRound Round, NetworkRequest Request, ServiceEstimator Estimates, ServiceTerms[] Terms, double[] Penalties);

    /// <summary>
    /// The round's question: every model's terms from its nearest holders now, and their penalties. The window served
    /// online and the stochastic network both ask it; <paramref name="index"/> (over the stores behind
    /// <paramref name="held"/>) finds the holders without asking every store.
    /// </summary>
    public static Question Ask(Topology topology, IReadOnlyList<Cloudlet> cloudlets, ModelParts parts, IReadOnlyList<IReadOnlySet<string>> held, NetworkRules rules,
        NetworkRequest r, int round, PenaltySpec penaltySpec, HolderIndex index)
    {
        int models = parts.Count;
        var est = new ServiceEstimator(new NetworkInstance(topology, cloudlets, parts, held, new[] { r }, rules), index);
        var all = new ServiceTerms[models];
        var p = new double[models];
        for (int k = 0; k < models; k++)
        {
            all[k] = est.NearestTerms(0, k);
            p[k] = Penalty(penaltySpec, r.Accuracy[k], all[k].Delay);
        }
        return new Question(new OnlineRound(round, r, p, all), r, est, all, p);
    }

    /// <summary>
    /// The learner's pick scored: its update with the penalty planned (a pick given from outside has no learner to
    /// tell; <paramref name="learnNow"/> false leaves it to the caller), the sources, the regret.
    /// </summary>
    public static StepResult Answer(Question question, int chosen, IOnlineSelector? learner, bool learnNow = true)
    {
        var (view, r, est, all, p) = question;
        if (chosen < 0 || chosen >= p.Length) throw new InvalidOperationException($"{learner?.GetType().Name ?? "the policy"} chose model {chosen} of {p.Length}.");
        if (learnNow) learner?.Learn(view, chosen, p[chosen]);
        var choice = new Assignment(chosen, est.NearestBase(r.Home, chosen).Location, est.NearestTask(r.Home, chosen).Location);
        return new StepResult(choice, all[chosen], p[chosen], p[chosen] - p.Min(), view.Observed, est);
    }
}

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

    /// <summary>Round <paramref name="round"/> for <paramref name="request"/>, with every model's true penalty (for the oracle) and the terms the network knows.</summary>
    public OnlineRound(int round, NetworkRequest request, double[] penalties, IReadOnlyList<ServiceTerms>? terms = null)
    {
        Round = round;
        this.request = request;
        this.penalties = penalties;
        Terms = terms ?? Array.Empty<ServiceTerms>();
    }

    /// <summary>Every model's delay and cost from its nearest holders now: what the network knows before the pick (not the accuracy).</summary>
    public IReadOnlyList<ServiceTerms> Terms { get; }

    /// <summary>0, 1, 2, ...: how many rounds came before.</summary>
    public int Round { get; }

    /// <summary>K, the models to choose among (by the catalog's index).</summary>
    public int Models => penalties.Length;

    /// <summary>N: the context features there are.</summary>
    public int Features => request.Context.Count;

    /// <summary>The request's home cloudlet.</summary>
    public int Home => request.Home;

    /// <summary>The features read this round, in the order asked.</summary>
    public IReadOnlyList<int> Observed => observed;

    private int[] observed = Array.Empty<int>();

    /// <summary>
    /// The features read this round (<see cref="Observed"/>) and their values, in the order asked. A learner learns
    /// from the round's own observation: under realized feedback it hears of a round after it has chosen in later ones.
    /// </summary>
    public ReadOnlySpan<int> ObservedFeatures => observed;

    /// <summary>The values of <see cref="ObservedFeatures"/>.</summary>
    public ReadOnlySpan<double> ObservedValues => observedValues;

    private double[] observedValues = Array.Empty<double>();

    /// <summary>The values of the features asked for; the restricted context: ask only for those you mean to pay for.</summary>
    public double[] Observe(IReadOnlyList<int> features)
    {
        observed = features.ToArray();
        var values = new double[features.Count];
        for (int i = 0; i < values.Length; i++) values[i] = request.Context[features[i]];
        observedValues = values;
        return values;
    }

    /// <summary>Under realized feedback, the seconds the request took from its decision to its result, set when it is learnt from; null otherwise.</summary>
    public double? RealizedDelay { get; internal set; }

    /// <summary>Every model's penalty this round under the current cache: the regret reference, for the oracle only.</summary>
    public IReadOnlyList<double> TruePenalties => penalties;
}

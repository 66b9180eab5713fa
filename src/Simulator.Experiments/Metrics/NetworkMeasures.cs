using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// The measures of the network tier (docs/network.md): the delay of a request served with the paper's terms and
/// its parts, its cost and accuracy, and where its model's parts came from. Where a relaxation (<c>mec-lp</c>)
/// reports its bound instead of a plan's value, the metric says so.
/// </summary>
public static class NetworkMeasures
{
    public static readonly Metric MeanDelay = new("mean_delay", MetricUnit.Seconds, "Mean delay of a served (of a window planned at once: placed) request: pull, queueing, inference and transmission.") { Better = Better.Lower };
    public static readonly Metric DelayP95 = new("delay_p95", MetricUnit.Seconds, "95th percentile delay of the served (of a window planned at once: placed) requests.") { Better = Better.Lower };
    public static readonly Metric PullMean = new("pull_mean", MetricUnit.Seconds, "Mean time a served (of a window planned at once: placed) request waited for its model's parts to reach its cloudlet.") { Better = Better.Lower };
    public static readonly Metric InferenceMean = new("inference_mean", MetricUnit.Seconds, "Mean inference delay phi_k |M_k| / f_h of a served (of a window planned at once: placed) request.") { Better = Better.Lower };
    public static readonly Metric QueueingMean = new("queueing_mean", MetricUnit.Seconds, "Mean wait in the cloudlet's queue: the analytic W_h, or the simulated FIFO server's.") { Better = Better.Lower };
    public static readonly Metric TransmissionMean = new("transmission_mean", MetricUnit.Seconds, "Mean time to send the input and return the output over the user's link.") { Better = Better.Lower };
    public static readonly Metric MeanCost = new("mean_cost", MetricUnit.None, "Mean energy cost of a served (of a window planned at once: placed) request, in the paper's units; mec-lp: at its fractional solution.") { Better = Better.Lower, Bound = true, Guard = true, NonNegative = true };
    public static readonly Metric MeanAccuracy = new("mean_accuracy", MetricUnit.None, "Mean accuracy (0 to 1) of the models chosen; mec-lp: at its fractional solution.") { Better = Better.Higher, Bound = true, Guard = true, NonNegative = true };
    public static readonly Metric BytesFromDc = new("bytes_from_dc", MetricUnit.Bytes, "Bytes pulled from the data centre for requests counted.") { Better = Better.Lower };
    public static readonly Metric BytesFromCloudlets = new("bytes_from_cloudlets", MetricUnit.Bytes, "Bytes pulled from other cloudlets for requests counted.");
    public static readonly Metric StoreHitRatio = new("store_hit_ratio", MetricUnit.Fraction, "Share of the parts a decision needed that were already at the request's cloudlet.") { Better = Better.Higher };
    public static readonly Metric Evictions = new("evictions", MetricUnit.Count, "Blocks evicted from the cloudlets' stores to make room for pulled parts.");

    public static readonly Level InNetwork = new("in_network", "requests in the network", MetricUnit.Count, "Requests arrived (during the warm-up too) and not ended: waiting for their window, pulling their model's parts, queued or being served.");
    public static readonly Level AwaitingParts = new("awaiting_parts", "requests awaiting parts", MetricUnit.Count, "Requests placed whose model's parts are still on their way to their cloudlet.");
    public static readonly Level StoredBytes = new("stored_bytes", "bytes in the part stores", MetricUnit.Bytes, "Bytes of model blocks the cloudlets' part stores hold, all cloudlets together.");

    /// <summary>The network's levels a traced run keeps, as a time series draws them.</summary>
    public static IReadOnlyList<Level> Levels { get; } = new[] { InNetwork, AwaitingParts, StoredBytes };

    /// <summary>A traced run's network levels over the horizon, by name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(double Start, double Mean)>> Traced(NetworkLevels levels, double horizonSeconds) =>
        new Dictionary<string, IReadOnlyList<(double Start, double Mean)>>
        {
            [InNetwork.Name] = levels.InSystem.Means(horizonSeconds),
            [AwaitingParts.Name] = levels.AwaitingParts.Means(horizonSeconds),
            [StoredBytes.Name] = levels.StoredBytes.Means(horizonSeconds),
        };
}

/// <summary>The measures of online selection (docs/network.md section 5): the penalty a learner earned, its regret against the best model of each round, and what it read.</summary>
public static class OnlineMeasures
{
    public static readonly Metric TotalPenalty = new("total_penalty", MetricUnit.None, "Sum over the rounds of the penalty xi (-ln a) + (1 - xi) D / unit of the model chosen.") { Better = Better.Lower, NonNegative = true };
    public static readonly Metric Regret = new("regret", MetricUnit.None, "Cumulative regret at the end: the penalty earned minus the best model's in each round, summed.") { Better = Better.Lower, NonNegative = true };
    public static readonly Metric RegretExponent = new("regret_exponent", MetricUnit.None, "a in R(t) ~ t^a, the least-squares slope of ln R against ln t (below 1: regret grows sublinearly); NaN with too few points of positive regret.") { Better = Better.Lower };
    public static readonly Metric OraclePickRatio = new("oracle_pick_ratio", MetricUnit.Fraction, "Share of the rounds in which the best model was picked.") { Better = Better.Higher };
    public static readonly Metric InformativeObserved = new("informative_observed", MetricUnit.Fraction, "Of the context features read in the last round, the share that inform (of as many as could); NaN without a latent context.") { Better = Better.Higher };
}

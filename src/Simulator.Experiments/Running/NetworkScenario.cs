using System.Diagnostics;
using MathNet.Numerics.Statistics;
using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Strategies;
using Simulator.Strategies.Network;

namespace Simulator.Experiments;

/// <summary>
/// The second paper's setting (<c>network-one-shot</c>): each replication draws one window of requests at
/// t = 0 over a drawn network, nothing cached beyond the initial placement; the network strategy plans it,
/// and the independent <see cref="NetworkEvaluator"/> scores the plan. A relaxation (<c>mec-lp</c>) reports
/// its bound in total_delay and the authors' plotted quantity in lp_plotted_delay; what it cannot have
/// (delay parts, p95, bytes) is NaN.
/// </summary>
/// <param name="Catalog">Builds the catalog for a replication from its stream (a pfm catalog is drawn anew each time; files are fixed).</param>
public sealed record NetworkScenario(Func<Random, Catalog> Catalog, NetworkWorldSpec World, int Requests, PenaltySpec Penalty) : IScenario
{
    public static readonly MetricSet MetricSet = new(new[]
    {
        "requests", "placed", "unplaced", "total_delay", "mean_delay", "delay_p95",
        "pull_mean", "inference_mean", "queueing_mean", "transmission_mean",
        "mean_cost", "mean_accuracy", "accuracy_violations", "budget_violations", "capacity_violations",
        "bytes_from_dc", "bytes_from_cloudlets", "store_hit_ratio", "lp_plotted_delay",
        "total_penalty", "regret", "regret_1_16", "regret_1_8", "regret_1_4", "regret_1_2", "regret_exponent", "oracle_pick_ratio", "informative_observed",
    }, "total_delay", "Total delay (s)", new[] { "total_delay", "mean_cost", "mean_accuracy", "regret" })
    {
        PrimaryHigherIsBetter = false,
        Explaining = new[] { "pull_mean", "queueing_mean", "transmission_mean", "bytes_from_dc", "store_hit_ratio", "mean_accuracy", "unplaced" },
    };

    /// <summary>The rounds R(t) is reported at, as fractions of the window: T/16, T/8, T/4, T/2 (and T, "regret").</summary>
    private static readonly (string Name, int Divisor)[] Checkpoints = { ("regret_1_16", 16), ("regret_1_8", 8), ("regret_1_4", 4), ("regret_1_2", 2), ("regret", 1) };

    public string Kind => "network-one-shot";

    public IReadOnlySet<StrategyKind> Strategies { get; } = new HashSet<StrategyKind> { StrategyKind.Network, StrategyKind.Online };

    public MetricSet Metrics => MetricSet;

    public bool SimulatesTime => false;

    public bool HasSiteMetrics => false;

    /// <summary>The window a replication draws: the same for every strategy (common random numbers).</summary>
    public NetworkInstance Draw(RandomStreams streams) => NetworkWorld.Draw(World, Catalog(streams.Stream("network:catalog")), Requests, streams);

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var instance = Draw(streams);
        var registry = strategy.Registry;
        var stream = streams.Stream("strategy:" + strategy.Label);
        var clock = Stopwatch.StartNew();
        if (registry.KindOf(strategy.Name) == StrategyKind.Online)
        {
            var outcome = OnlineWindow.Run(instance, registry.CreateOnline(strategy.Name, strategy.Arguments, stream), Penalty);
            double perDecision = clock.Elapsed.TotalMilliseconds / Math.Max(1, instance.Requests.Count);
            // The context structure again from the cell's streams (the same draw the window's requests used).
            var informative = NetworkWorld.Contexts(World, instance.Catalog, streams)?.Informative;
            return (new RunRecord(cell, FromOnline(instance, outcome, informative), perDecision, perDecision), null);
        }
        var plan = registry.CreateSelector(strategy.Name, strategy.Arguments, stream).Select(new NetworkView(instance));
        double ms = clock.Elapsed.TotalMilliseconds;
        var metrics = plan.Relaxation is { } bound ? FromRelaxation(instance, bound) : FromPlan(instance, strategy, plan, Penalty);
        return (new RunRecord(cell, metrics, ms, ms), null);
    }

    /// <summary>
    /// An online run's metrics: the plan its choices make (each pulled from the nearest holders under the cache
    /// of its round), scored like any plan, then its penalty and regret. The evaluator's pull times assume the
    /// initial placement, so delay, cost and bytes come from the rounds' own terms here.
    /// </summary>
    private static double[] FromOnline(NetworkInstance instance, OnlineOutcome o, IReadOnlySet<int>? informative)
    {
        var m = New();
        void Set(string name, double value) => m[MetricSet.Index(name)] = value;
        int n = o.Terms.Count;
        double Mean(Func<ServiceTerms, double> f) => n > 0 ? o.Terms.Average(f) : double.NaN;
        Set("requests", instance.Requests.Count);
        Set("placed", n);
        Set("unplaced", instance.Requests.Count - n);
        Set("total_delay", o.Terms.Sum(t => t.Delay));
        Set("mean_delay", Mean(t => t.Delay));
        Set("delay_p95", n > 0 ? o.Terms.Select(t => t.Delay).QuantileCustom(0.95, QuantileDefinition.R7) : double.NaN);
        Set("pull_mean", Mean(t => t.Pull));
        Set("inference_mean", Mean(t => t.Inference));
        Set("queueing_mean", Mean(t => t.Queueing));
        Set("transmission_mean", Mean(t => t.Transmission));
        Set("mean_cost", Mean(t => t.Cost));
        Set("mean_accuracy", n > 0 ? o.Choices.Select((c, j) => instance.Requests[j].Accuracy[c.Model]).Average() : double.NaN);
        Set("accuracy_violations", o.Choices.Where((c, j) => instance.Requests[j].Accuracy[c.Model] < instance.Requests[j].AccuracyRequirement).Count());
        Set("budget_violations", o.Terms.Where((t, j) => t.Cost > instance.Requests[j].Budget).Count());
        Set("lp_plotted_delay", o.Terms.Sum(t => t.Delay));
        SetRegret(m, o.Penalty, o.Regret, o.PickedBest);
        Set("informative_observed", LearningCurve.InformativeShare(informative, o.LastObserved));
        return m;
    }

    /// <summary>Penalty, cumulative regret at the checkpoints, the fitted exponent of R(t) ~ t^a over them, and how often the best model was picked.</summary>
    private static void SetRegret(double[] m, IReadOnlyList<double> penalty, IReadOnlyList<double> regret, IReadOnlyList<bool> best)
    {
        int n = regret.Count;
        m[MetricSet.Index("total_penalty")] = penalty.Sum();
        m[MetricSet.Index("oracle_pick_ratio")] = n > 0 ? (double)best.Count(b => b) / n : double.NaN;
        var cumulative = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) cumulative[t] = sum += regret[t];
        var curve = new List<(double Round, double Regret)>();
        foreach (var (name, divisor) in Checkpoints)
        {
            int t = Math.Max(1, n / divisor);
            double r = n > 0 ? cumulative[t - 1] : double.NaN;
            m[MetricSet.Index(name)] = r;
            curve.Add((t, r));
        }
        m[MetricSet.Index("regret_exponent")] = LearningCurve.Exponent(curve, Checkpoints.Length);
    }

    private static double[] FromPlan(NetworkInstance instance, StrategyChoice strategy, NetworkPlan plan, PenaltySpec penaltySpec)
    {
        var e = NetworkEvaluator.Evaluate(instance, plan);
        if (!e.Valid) throw new InvalidOperationException($"{strategy.Label} returned an invalid plan: {string.Join("; ", e.Faults)}.");
        var m = New();
        void Set(string name, double value) => m[MetricSet.Index(name)] = value;
        var s = e.Served;
        double Mean(Func<ServedRequest, double> f) => s.Count > 0 ? s.Average(f) : double.NaN;
        int dc = instance.Topology.DataCentre;
        int parts = 0, hits = 0;
        foreach (var r in s)
        {
            int home = instance.Requests[r.Request].Home;
            foreach (var (source, has) in new[] { (r.Assignment.BaseSource, instance.Parts.Base[r.Assignment.Model].Length > 0), (r.Assignment.TaskSource, instance.Parts.Task[r.Assignment.Model].Length > 0) })
            {
                if (!has) continue;
                parts++;
                if (source == home) hits++;
            }
        }
        Set("requests", instance.Requests.Count);
        Set("placed", s.Count);
        Set("unplaced", e.Unplaced.Count);
        Set("total_delay", e.TotalDelay);
        Set("mean_delay", Mean(r => r.Delay));
        Set("delay_p95", s.Count > 0 ? s.Select(r => r.Delay).QuantileCustom(0.95, QuantileDefinition.R7) : double.NaN);
        Set("pull_mean", Mean(r => r.Pull));
        Set("inference_mean", Mean(r => r.Inference));
        Set("queueing_mean", Mean(r => r.Queueing));
        Set("transmission_mean", Mean(r => r.Transmission));
        Set("mean_cost", Mean(r => r.Cost));
        Set("mean_accuracy", Mean(r => r.Accuracy));
        Set("accuracy_violations", e.AccuracyViolations);
        Set("budget_violations", e.BudgetViolations);
        Set("capacity_violations", e.CapacityViolations);
        Set("bytes_from_dc", s.Sum(r => (r.Assignment.BaseSource == dc ? r.BaseBytes : 0) + (r.Assignment.TaskSource == dc ? r.TaskBytes : 0)));
        Set("bytes_from_cloudlets", s.Sum(r => (r.Assignment.BaseSource != dc ? r.BaseBytes : 0) + (r.Assignment.TaskSource != dc ? r.TaskBytes : 0)));
        Set("store_hit_ratio", parts > 0 ? (double)hits / parts : double.NaN);
        // For an integer plan the per-pair sum the authors plot is the delay itself.
        Set("lp_plotted_delay", e.TotalDelay);
        // The online penalty of the window's choices, and its regret against each request's best model under the initial cache.
        var est = new ServiceEstimator(instance);
        var penalty = s.Select(r => OnlineWindow.Penalty(penaltySpec, r.Accuracy, r.Delay)).ToArray();
        var regret = s.Select((r, i) => penalty[i] - Enumerable.Range(0, instance.Parts.Count).Min(k => OnlineWindow.Penalty(penaltySpec, instance.Requests[r.Request].Accuracy[k], est.NearestTerms(r.Request, k).Delay))).ToArray();
        SetRegret(m, penalty, regret, regret.Select(x => x <= 0).ToArray());
        return m;
    }

    private static double[] FromRelaxation(NetworkInstance instance, Relaxation bound)
    {
        var m = New();
        void Set(string name, double value) => m[MetricSet.Index(name)] = value;
        Set("requests", instance.Requests.Count);
        Set("total_delay", bound.Bound);
        Set("mean_cost", bound.MeanCost);
        Set("mean_accuracy", bound.MeanAccuracy);
        Set("lp_plotted_delay", bound.PlottedDelay);
        return m;
    }

    private static double[] New()
    {
        var m = new double[MetricSet.Count];
        Array.Fill(m, double.NaN);
        return m;
    }
}

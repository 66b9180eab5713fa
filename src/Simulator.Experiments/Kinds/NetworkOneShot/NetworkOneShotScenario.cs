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
/// (delay parts, p95, bytes) is NaN. An outside policy serves the window as a learner does, one request at a time
/// (<see cref="WindowEpisode"/>).
/// </summary>
/// <param name="Catalog">Builds the catalog for a replication from its stream (a pfm catalog is drawn anew each time; files are fixed).</param>
public sealed record NetworkOneShotScenario(NetworkOneShotKind Kind, Func<Random, Catalog> Catalog, NetworkWorldSpec World, int Requests, PenaltySpec Penalty) : IWindowScenario, IEnvironmentScenario
{
    public int? ContextFeatures => World.Context?.Features ?? 0;

    ScenarioKind IScenario.Kind => Kind;

    private MetricSet Set => Kind.Metrics;

    /// <summary>The window a replication draws: the same for every strategy (common random numbers).</summary>
    public NetworkInstance Draw(RandomStreams streams) => NetworkWorld.Draw(World, CatalogOf(streams), Requests, streams);

    public Catalog CatalogOf(RandomStreams streams) => NetworkCatalog.Of(Catalog, streams);

    public DecisionSpace Space(RunLength length) => NetworkDecisions.Space(World, Catalog);

    public IReadOnlyList<string> Rewards => NetworkDecisions.Rewards;

    public Episode Begin(RandomStreams streams, RunLength length, string? reward = null, StrategyChoice? entry = null)
    {
        var instance = Draw(streams);
        return WindowEpisode.Start(Space(length), new WindowRounds(instance, Penalty), outcome => FromOnline(instance, outcome, Informative(instance, streams)), NetworkDecisions.CheckReward(reward));
    }

    public object Policy(IPolicy policy, RunLength length, string? reward = null) => new NetworkPolicy(policy, Space(length), NetworkDecisions.CheckReward(reward));

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var instance = Draw(streams);
        var (decider, process) = ExternalRuns.For(strategy, this, cell, streams, length, () => strategy.Registry.CreateNetwork(strategy.Name, strategy.Arguments, strategy.Stream(streams)));
        using var _ = process;
        var clock = Stopwatch.StartNew();
        if (decider is IOnlineSelector learner)
        {
            var outcome = OnlineWindow.Run(instance, learner, Penalty);
            double perDecision = clock.Elapsed.TotalMilliseconds / Math.Max(1, instance.Requests.Count);
            return (new RunRecord(cell, FromOnline(instance, outcome, Informative(instance, streams)), perDecision, perDecision), null);
        }
        var plan = ((INetworkSelector)decider).Select(new NetworkView(instance))
            ?? throw new InvalidOperationException($"{strategy.Label} returned no plan (null).");
        double ms = clock.Elapsed.TotalMilliseconds;
        var metrics = plan.Relaxation is { } bound ? FromRelaxation(instance, bound) : FromPlan(instance, strategy, plan, Penalty);
        return (new RunRecord(cell, metrics, ms, ms), null);
    }

    /// <summary>The context structure again from the cell's streams (the same draw the window's requests used).</summary>
    private IReadOnlySet<int>? Informative(NetworkInstance instance, RandomStreams streams) => NetworkWorld.Contexts(World, instance.Catalog, streams)?.Informative;

    /// <summary>
    /// An online run's metrics (of the rounds served so far, for an episode under way): the plan its choices make (each pulled from the nearest holders under the cache
    /// of its round), scored like any plan, then its penalty and regret. The evaluator's pull times assume the
    /// initial placement, so delay, cost and bytes come from the rounds' own terms here.
    /// </summary>
    private MetricValues FromOnline(NetworkInstance instance, OnlineOutcome o, IReadOnlySet<int>? informative)
    {
        var m = new MetricValues(Set);
        void Put(string name, double value) => m[Set[name]] = value;
        int n = o.Terms.Count;
        double Mean(Func<ServiceTerms, double> f) => n > 0 ? o.Terms.Average(f) : double.NaN;
        Put("requests", instance.Requests.Count);
        Put("placed", n);
        Put("unplaced", instance.Requests.Count - n);
        Put("total_delay", o.Terms.Sum(t => t.Delay));
        Put("mean_delay", Mean(t => t.Delay));
        Put("delay_p95", n > 0 ? o.Terms.Select(t => t.Delay).QuantileCustom(0.95, QuantileDefinition.R7) : double.NaN);
        Put("pull_mean", Mean(t => t.Pull));
        Put("inference_mean", Mean(t => t.Inference));
        Put("queueing_mean", Mean(t => t.Queueing));
        Put("transmission_mean", Mean(t => t.Transmission));
        Put("mean_cost", Mean(t => t.Cost));
        Put("mean_accuracy", n > 0 ? o.Choices.Select((c, j) => instance.Requests[j].Accuracy[c.Model]).Average() : double.NaN);
        Put("accuracy_violations", o.Choices.Where((c, j) => instance.Requests[j].Accuracy[c.Model] < instance.Requests[j].AccuracyRequirement).Count());
        Put("budget_violations", o.Terms.Where((t, j) => t.Cost > instance.Requests[j].Budget).Count());
        Put("lp_plotted_delay", o.Terms.Sum(t => t.Delay));
        SetRegret(m, o.Penalty, o.Regret, o.PickedBest);
        Put("informative_observed", LearningCurve.InformativeShare(informative, o.LastObserved));
        return m;
    }

    /// <summary>Penalty, cumulative regret at the checkpoints, the fitted exponent of R(t) ~ t^a over them, and how often the best model was picked.</summary>
    private void SetRegret(MetricValues m, IReadOnlyList<double> penalty, IReadOnlyList<double> regret, IReadOnlyList<bool> best)
    {
        int n = regret.Count;
        m[OnlineMeasures.TotalPenalty] = penalty.Sum();
        m[OnlineMeasures.OraclePickRatio] = n > 0 ? (double)best.Count(b => b) / n : double.NaN;
        var cumulative = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) cumulative[t] = sum += regret[t];
        var curve = new List<(double Round, double Regret)>();
        foreach (var (metric, divisor) in NetworkOneShotKind.Checkpoints)
        {
            int t = Math.Max(1, n / divisor);
            double r = n > 0 ? cumulative[t - 1] : double.NaN;
            m[metric] = r;
            curve.Add((t, r));
        }
        m[OnlineMeasures.RegretExponent] = LearningCurve.Exponent(curve, NetworkOneShotKind.Checkpoints.Count);
    }

    private MetricValues FromPlan(NetworkInstance instance, StrategyChoice strategy, NetworkPlan plan, PenaltySpec penaltySpec)
    {
        var e = NetworkEvaluator.Evaluate(instance, plan);
        if (!e.WellFormed)
        {
            const int Shown = 5;
            string more = e.Faults.Count > Shown ? $"; and {e.Faults.Count - Shown} more" : "";
            throw new InvalidOperationException($"{strategy.Label} returned an invalid plan: {string.Join("; ", e.Faults.Take(Shown))}{more}.");
        }
        var m = new MetricValues(Set);
        void Put(string name, double value) => m[Set[name]] = value;
        var s = e.Served;
        double Mean(Func<ServedRequest, double> f) => s.Count > 0 ? s.Average(f) : double.NaN;
        int dc = instance.Topology.DataCentre;
        int parts = 0, hits = 0;
        foreach (var r in s)
        {
            int home = instance.Requests[r.Request].Home;
            foreach (var (source, has) in new[] { (r.Assignment.BaseSource, instance.Parts.BaseOf(r.Assignment.Model).Count > 0), (r.Assignment.TaskSource, instance.Parts.TaskOf(r.Assignment.Model).Count > 0) })
            {
                if (!has) continue;
                parts++;
                if (source == home) hits++;
            }
        }
        Put("requests", instance.Requests.Count);
        Put("placed", s.Count);
        Put("unplaced", e.Unplaced.Count);
        Put("total_delay", e.TotalDelay);
        Put("mean_delay", Mean(r => r.Delay));
        Put("delay_p95", s.Count > 0 ? s.Select(r => r.Delay).QuantileCustom(0.95, QuantileDefinition.R7) : double.NaN);
        Put("pull_mean", Mean(r => r.Pull));
        Put("inference_mean", Mean(r => r.Inference));
        Put("queueing_mean", Mean(r => r.Queueing));
        Put("transmission_mean", Mean(r => r.Transmission));
        Put("mean_cost", Mean(r => r.Cost));
        Put("mean_accuracy", Mean(r => r.Accuracy));
        Put("accuracy_violations", e.AccuracyViolations);
        Put("budget_violations", e.BudgetViolations);
        Put("capacity_violations", e.CapacityViolations);
        Put("bytes_from_dc", s.Sum(r => (r.Assignment.BaseSource == dc ? r.BaseBytes : 0) + (r.Assignment.TaskSource == dc ? r.TaskBytes : 0)));
        Put("bytes_from_cloudlets", s.Sum(r => (r.Assignment.BaseSource != dc ? r.BaseBytes : 0) + (r.Assignment.TaskSource != dc ? r.TaskBytes : 0)));
        Put("store_hit_ratio", parts > 0 ? (double)hits / parts : double.NaN);
        // For an integer plan the per-pair sum the authors plot is the delay itself.
        Put("lp_plotted_delay", e.TotalDelay);
        // The online penalty of the window's choices, and its regret against each request's best model under the initial cache.
        var est = new ServiceEstimator(instance);
        var penalty = s.Select(r => OnlineWindow.Penalty(penaltySpec, r.Accuracy, r.Delay)).ToArray();
        var regret = s.Select((r, i) => penalty[i] - Enumerable.Range(0, instance.Parts.Count).Min(k => OnlineWindow.Penalty(penaltySpec, instance.Requests[r.Request].Accuracy[k], est.NearestTerms(r.Request, k).Delay))).ToArray();
        SetRegret(m, penalty, regret, regret.Select(x => x <= 0).ToArray());
        return m;
    }

    private MetricValues FromRelaxation(NetworkInstance instance, Relaxation bound)
    {
        var m = new MetricValues(Set);
        void Put(string name, double value) => m[Set[name]] = value;
        Put("requests", instance.Requests.Count);
        Put("total_delay", bound.Bound);
        Put("mean_cost", bound.MeanCost);
        Put("mean_accuracy", bound.MeanAccuracy);
        Put("lp_plotted_delay", bound.PlottedDelay);
        return m;
    }
}

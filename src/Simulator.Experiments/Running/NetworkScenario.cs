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
public sealed record NetworkScenario(Func<Random, Catalog> Catalog, NetworkWorldSpec World, int Requests) : IScenario
{
    public static readonly MetricSet MetricSet = new(new[]
    {
        "requests", "placed", "unplaced", "total_delay", "mean_delay", "delay_p95",
        "pull_mean", "inference_mean", "queueing_mean", "transmission_mean",
        "mean_cost", "mean_accuracy", "accuracy_violations", "budget_violations", "capacity_violations",
        "bytes_from_dc", "bytes_from_cloudlets", "store_hit_ratio", "lp_plotted_delay",
    }, "total_delay", "Total delay (s)", new[] { "total_delay", "mean_cost", "mean_accuracy", "unplaced" });

    public string Kind => "network-one-shot";

    public StrategyKind Strategies => StrategyKind.Network;

    public MetricSet Metrics => MetricSet;

    public bool SimulatesTime => false;

    public bool HasSiteMetrics => false;

    /// <summary>The window a replication draws: the same for every strategy (common random numbers).</summary>
    public NetworkInstance Draw(RandomStreams streams) => NetworkWorld.Draw(World, Catalog(streams.Stream("network:catalog")), Requests, streams);

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var instance = Draw(streams);
        var selector = StrategyRegistry.BuiltIn.CreateSelector(strategy.Name, strategy.Arguments, streams.Stream("strategy:" + strategy.Label));
        var clock = Stopwatch.StartNew();
        var plan = selector.Select(new NetworkView(instance));
        double ms = clock.Elapsed.TotalMilliseconds;
        var metrics = plan.Relaxation is { } bound ? FromRelaxation(instance, bound) : FromPlan(instance, strategy, plan);
        return (new RunRecord(cell, metrics, ms, ms), null);
    }

    private static double[] FromPlan(NetworkInstance instance, StrategyChoice strategy, NetworkPlan plan)
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

using MathNet.Numerics.Statistics;
using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// A one-shot round at one sweep point (the papers' static setting): each cell draws the round, lets the strategy
/// plan it as the site's executor would with plan-to-completion, and scores the plan with the independent
/// <see cref="PlanEvaluator"/>. Throughput is the number served, as the static problem defines it. The loading
/// metrics follow the plan's batches from an empty GPU; queue and GPU memory over time do not exist here and are NaN.
/// From outside, the round is planned one batch a decision (<see cref="RoundEpisode"/>, <see cref="RoundPolicy"/>).
/// </summary>
public sealed record OneShotScenario(ScenarioKind Kind, Catalog Catalog, SiteSpec Site, IWorkload Workload) : IEnvironmentScenario
{
    public Catalog CatalogOf(RandomStreams streams) => Catalog;

    public int? QueuedAtOnce => Workload.RoundAtZero;

    public DecisionSpace Space(RunLength length) => Decisions(length).Space;

    // A round passes no horizon: its times are bounded by the latest deadline a user can have, past which nothing is on time.
    private SiteDecisions Decisions(RunLength length) => new(Catalog, Workload.RoundDeadline ?? length.HorizonSeconds);

    public IReadOnlyList<string> Rewards { get; } = new[] { "on-time" };

    public Episode Begin(RandomStreams streams, RunLength length, string? reward = null, StrategyChoice? entry = null)
    {
        CheckReward(reward);
        return RoundEpisode.Start(Decisions(length), new RoundSteps(Round(streams)), (plan, evaluation, view) => Values(plan, evaluation, view).Metrics);
    }

    public object Policy(IPolicy policy, RunLength length, string? reward = null)
    {
        CheckReward(reward);
        return new RoundPolicy(policy, Decisions(length));
    }

    private void CheckReward(string? reward) => IEnvironmentScenario.Counted(Rewards, reward, "a round's");

    /// <summary>The replication's round in the world its site plans in (sharing-blind when the site is).</summary>
    private SiteView Round(RandomStreams streams) => StaticRun.World(StaticRound.Draw(Catalog, Site, Workload, streams));

    public (RunRecord Record, RunTrace? Trace) Run(Cell cell, StrategyChoice strategy, RandomStreams streams, RunLength length, bool trace)
    {
        var (scheduler, process) = ExternalRuns.For(strategy, this, cell, streams, length, () => strategy.Registry.Create(strategy.Name, strategy.Arguments, strategy.Stream(streams)).Scheduler);
        using var _ = process;
        var (plan, evaluation, seconds, view) = StaticRun.Solve(scheduler, StaticRound.Draw(Catalog, Site, Workload, streams));
        if (!evaluation.Valid) throw new InvalidOperationException($"{strategy.Label} planned an invalid round: {string.Join("; ", evaluation.Violations)}.");
        var (metrics, latencies) = Values(plan, evaluation, view);
        var record = new RunRecord(cell, metrics, seconds * 1000, seconds * 1000);
        if (!trace) return (record, null);
        var distribution = new LatencyHistogram();
        foreach (double l in latencies) distribution.Add(l);
        return (record, RunTrace.Of(distribution));
    }

    /// <summary>The kind's metrics of a plan of the round <paramref name="view"/> and its evaluation, with the served users' latencies.</summary>
    private (MetricValues Metrics, List<double> Latencies) Values(Plan plan, PlanEvaluation evaluation, SiteView view)
    {
        var metrics = new MetricValues(Kind.Metrics);
        void Set(Metric metric, double value) => metrics[metric] = value;
        int users = view.Queue.Count, planned = plan.Batches.Sum(b => b.RequestIds.Count);
        var late = evaluation.Late.ToHashSet();
        var latencies = new List<double>();
        double waiting = 0, upload = 0, loading = 0, inference = 0, loadingTotal = 0, computingTotal = 0, criticalUpload = 0, gpuWait = 0, criticalLoading = 0;
        long disk = 0, pcie = 0, saved = 0, ramHits = 0, ramLookups = 0, gpuHits = 0, gpuLookups = 0;
        IReadOnlySet<string> resident = view.Resident;
        for (int n = 0; n < plan.Batches.Count; n++)
        {
            var batch = plan.Batches[n];
            var timing = evaluation.Timings[n];
            var model = view.Catalog.Model(batch.ModelId);
            double loadStart = view.Timeline == Timeline.Sequential ? timing.UploadEnd : timing.Start, load = timing.LoadEnd - loadStart;
            double compute = model.Profile.Seconds(batch.RequestIds.Count);
            long copied = 0;
            foreach (var block in view.Catalog.BlocksOf(model))
            {
                gpuLookups++;
                if (resident.Contains(block.Id)) { gpuHits++; continue; }
                ramLookups++;
                copied += block.Bytes;
                if (view.InRam.Contains(block.Id)) ramHits++;
                else disk += block.Bytes;
            }
            pcie += copied;
            saved += view.Catalog.Bytes(model) - copied;
            loadingTotal += load;
            computingTotal += compute;
            foreach (var id in batch.RequestIds)
            {
                if (late.Contains(id)) continue;
                latencies.Add(timing.Completion);
                waiting += timing.Start;
                upload += timing.UploadEnd - timing.Start;
                loading += load;
                inference += compute;
                var path = CriticalPath.Of(0, timing.Start, timing.UploadEnd, loadStart, timing.LoadEnd, timing.Completion - compute, timing.Completion, 0);
                criticalUpload += path.Upload;
                gpuWait += path.GpuWait;
                criticalLoading += path.Loading;
            }
            resident = view.Catalog.BlockSet(model); // previous-model residency: the paper's
        }
        int served = evaluation.Served;
        double makespan = evaluation.Completions.Count > 0 ? evaluation.Completions[^1] : double.NaN;
        Set(OneShotKind.UsersServed, served);
        Set(SiteMeasures.OnTimeRatio, users > 0 ? (double)served / users : double.NaN);
        Set(RequestMeasures.Arrived, users);
        Set(SiteMeasures.OnTime, served);
        Set(SiteMeasures.Late, late.Count);
        Set(SiteMeasures.Expired, 0);
        Set(SiteMeasures.Rejected, users - planned);
        Set(RequestMeasures.Unfinished, 0);
        if (served > 0)
        {
            Set(SiteMeasures.LatencyMean, latencies.Average());
            Set(SiteMeasures.LatencyP50, latencies.QuantileCustom(0.50, QuantileDefinition.R7));
            Set(SiteMeasures.LatencyP95, latencies.QuantileCustom(0.95, QuantileDefinition.R7));
            Set(SiteMeasures.LatencyP99, latencies.QuantileCustom(0.99, QuantileDefinition.R7));
            Set(SiteMeasures.WaitingMean, waiting / served);
            Set(SiteMeasures.UploadMean, upload / served);
            Set(SiteMeasures.LoadingMean, loading / served);
            Set(SiteMeasures.InferenceMean, inference / served);
            Set(SiteMeasures.DownlinkMean, 0);
            Set(SiteMeasures.UploadCriticalMean, criticalUpload / served);
            Set(SiteMeasures.GpuWaitMean, gpuWait / served);
            Set(SiteMeasures.LoadingCriticalMean, criticalLoading / served);
        }
        Set(SiteMeasures.BytesDisk, disk);
        Set(SiteMeasures.BytesPcie, pcie);
        Set(SiteMeasures.BytesSaved, saved);
        Set(SiteMeasures.RamHitRatio, ramLookups > 0 ? (double)ramHits / ramLookups : double.NaN);
        Set(SiteMeasures.GpuHitRatio, gpuLookups > 0 ? (double)gpuHits / gpuLookups : double.NaN);
        Set(SiteMeasures.GpuLoadingFraction, loadingTotal / makespan);
        Set(SiteMeasures.GpuComputingFraction, computingTotal / makespan);
        Set(SiteMeasures.MeanBatchSize, plan.Batches.Count > 0 ? (double)planned / plan.Batches.Count : double.NaN);
        return (metrics, latencies);
    }
}

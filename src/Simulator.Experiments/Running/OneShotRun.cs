using MathNet.Numerics.Statistics;
using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// A cell of a one-shot scenario (the papers' static setting): draw the round, let the strategy plan it
/// as the site's executor would with plan-to-completion, and score the plan with the independent
/// <see cref="PlanEvaluator"/>. Throughput is the number served, as system-model.md section 7 defines it
/// for the static problem. The loading metrics follow the plan's batches from an empty GPU; queue and
/// GPU memory over time do not exist here and are NaN.
/// </summary>
internal static class OneShotRun
{
    public static (RunRecord Record, RunTrace? Trace) Run(Cell cell, SiteScenario scenario, StrategySetup setup, RandomStreams streams, bool trace)
    {
        var (plan, evaluation, seconds, view) = StaticRun.Solve(setup, StaticRound.Draw(scenario.Catalog, scenario.Site, scenario.Workload, streams));
        if (!evaluation.Valid) throw new InvalidOperationException($"{setup.Name} planned an invalid round: {string.Join("; ", evaluation.Violations)}.");

        var metrics = new double[RunMetrics.Names.Count];
        Array.Fill(metrics, double.NaN);
        void Set(string name, double value) => metrics[RunMetrics.Index(name)] = value;
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
        Set("throughput", served);
        Set("on_time_ratio", users > 0 ? (double)served / users : double.NaN);
        Set("arrived", users);
        Set("on_time", served);
        Set("late", late.Count);
        Set("expired", 0);
        Set("rejected", users - planned);
        Set("unfinished", 0);
        if (served > 0)
        {
            Set("latency_mean", latencies.Average());
            Set("latency_p50", latencies.QuantileCustom(0.50, QuantileDefinition.R7));
            Set("latency_p95", latencies.QuantileCustom(0.95, QuantileDefinition.R7));
            Set("latency_p99", latencies.QuantileCustom(0.99, QuantileDefinition.R7));
            Set("waiting_mean", waiting / served);
            Set("upload_mean", upload / served);
            Set("loading_mean", loading / served);
            Set("inference_mean", inference / served);
            Set("downlink_mean", 0);
            Set("upload_critical_mean", criticalUpload / served);
            Set("gpu_wait_mean", gpuWait / served);
            Set("loading_critical_mean", criticalLoading / served);
        }
        Set("bytes_disk", disk);
        Set("bytes_pcie", pcie);
        Set("bytes_saved", saved);
        Set("ram_hit_ratio", ramLookups > 0 ? (double)ramHits / ramLookups : double.NaN);
        Set("gpu_hit_ratio", gpuLookups > 0 ? (double)gpuHits / gpuLookups : double.NaN);
        Set("gpu_loading_fraction", loadingTotal / makespan);
        Set("gpu_computing_fraction", computingTotal / makespan);
        Set("mean_batch_size", plan.Batches.Count > 0 ? (double)planned / plan.Batches.Count : double.NaN);
        var record = new RunRecord(cell, metrics, seconds * 1000, seconds * 1000);
        if (!trace) return (record, null);
        var distribution = new LatencyHistogram();
        foreach (double l in latencies) distribution.Add(l);
        return (record, RunTrace.Of(distribution));
    }
}

using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// The measures of a site's requests, batches and loading (docs/site.md section 7), in runs.csv order: every
/// world whose cloudlets are sites reports them (a network of sites pools them over its cloudlets).
/// </summary>
public static class SiteMeasures
{
    public static readonly Metric Throughput = new("throughput", MetricUnit.PerSecond, "Requests served by their deadline per second of the measured span (after the warm-up).") { Better = Better.Higher };
    public static readonly Metric OnTimeRatio = new("on_time_ratio", MetricUnit.Fraction, "Share of the requests that arrived after the warm-up served by their deadline.") { Better = Better.Higher };
    public static readonly Metric OnTime = new("on_time", MetricUnit.Count, "Requests served by their deadline.") { Better = Better.Higher, Words = "on time" };
    public static readonly Metric Late = new("late", MetricUnit.Count, "Requests served after their deadline.") { Better = Better.Lower };
    public static readonly Metric Expired = new("expired", MetricUnit.Count, "Requests dropped by admission control: even served alone at once, they would have missed their deadline.") { Better = Better.Lower };
    public static readonly Metric Rejected = new("rejected", MetricUnit.Count, "Requests the strategy rejected from the queue.") { Better = Better.Lower };
    public static readonly Metric LatencyMean = new("latency_mean", MetricUnit.Seconds, "Mean time from a served request's arrival to its result's return.") { Better = Better.Lower };
    public static readonly Metric LatencyP50 = new("latency_p50", MetricUnit.Seconds, "Median latency of the served requests (from bins of 0.5 %).") { Better = Better.Lower };
    public static readonly Metric LatencyP95 = new("latency_p95", MetricUnit.Seconds, "95th percentile latency of the served requests (from bins of 0.5 %).") { Better = Better.Lower };
    public static readonly Metric LatencyP99 = new("latency_p99", MetricUnit.Seconds, "99th percentile latency of the served requests (from bins of 0.5 %).") { Better = Better.Lower };
    public static readonly Metric WaitingMean = new("waiting_mean", MetricUnit.Seconds, "Mean time a served request waited in its site's queue before its batch started.") { Better = Better.Lower };
    public static readonly Metric UploadMean = new("upload_mean", MetricUnit.Seconds, "Mean upload time of a served request's batch.") { Better = Better.Lower };
    public static readonly Metric LoadingMean = new("loading_mean", MetricUnit.Seconds, "Mean time a served request's batch took to load its model onto the GPU.") { Better = Better.Lower };
    public static readonly Metric InferenceMean = new("inference_mean", MetricUnit.Seconds, "Mean inference time of a served request's batch.") { Better = Better.Lower };
    public static readonly Metric DownlinkMean = new("downlink_mean", MetricUnit.Seconds, "Mean time a served request's result took to return.") { Better = Better.Lower };
    public static readonly Metric UploadCriticalMean = new("upload_critical_mean", MetricUnit.Seconds, "Mean upload on a served request's critical path (the parts of the latency along it add up to its mean).") { Better = Better.Lower };
    public static readonly Metric GpuWaitMean = new("gpu_wait_mean", MetricUnit.Seconds, "Mean wait for the GPU on a served request's critical path.") { Better = Better.Lower };
    public static readonly Metric LoadingCriticalMean = new("loading_critical_mean", MetricUnit.Seconds, "Mean loading on a served request's critical path.") { Better = Better.Lower };
    public static readonly Metric BytesDisk = new("bytes_disk", MetricUnit.Bytes, "Bytes read from the disk by loads and prefetches of batches started after the warm-up.") { Better = Better.Lower };
    public static readonly Metric BytesPcie = new("bytes_pcie", MetricUnit.Bytes, "Bytes copied over PCIe to the GPU.") { Better = Better.Lower };
    public static readonly Metric BytesSaved = new("bytes_saved", MetricUnit.Bytes, "Bytes not copied because they were resident on the GPU, against loading every batch's model whole.") { Better = Better.Higher };
    public static readonly Metric RamHitRatio = new("ram_hit_ratio", MetricUnit.Fraction, "Share of the blocks missing on the GPU that were found in RAM.") { Better = Better.Higher };
    public static readonly Metric GpuHitRatio = new("gpu_hit_ratio", MetricUnit.Fraction, "Share of a batch's model's blocks already resident on the GPU.") { Better = Better.Higher };
    public static readonly Metric GpuLoadingFraction = new("gpu_loading_fraction", MetricUnit.Fraction, "Share of the measured span the GPU spent loading.") { Better = Better.Lower };
    public static readonly Metric GpuComputingFraction = new("gpu_computing_fraction", MetricUnit.Fraction, "Share of the measured span the GPU spent computing.");
    public static readonly Metric MeanBatchSize = new("mean_batch_size", MetricUnit.None, "Mean requests per batch.") { NonNegative = true };
    public static readonly Metric QueueMean = new("queue_mean", MetricUnit.None, "Time-average number of queued requests, per site.") { Better = Better.Lower, NonNegative = true };
    public static readonly Metric GpuMemoryMean = new("gpu_memory_mean", MetricUnit.Bytes, "Time-average GPU memory in use (weights and activations), per site.");

    public static readonly Level Queue = new("queue_length", "queue length", MetricUnit.Count, "Requests waiting at the site for a batch.");
    public static readonly Level GpuMemory = new("gpu_memory", "GPU memory in use", MetricUnit.Bytes, "Bytes on the GPU: resident blocks, and a running batch's activations.");

    /// <summary>The levels a traced site keeps, as a time series draws them.</summary>
    public static IReadOnlyList<Level> Levels { get; } = new[] { Queue, GpuMemory };

    /// <summary>A site's level as a world of several sites keeps it: their sum, which its words and definition say.</summary>
    public static Level Summed(Level level) =>
        level with { Words = $"{level.Words}, all cloudlets together", Definition = $"{level.Definition} Summed over the cloudlets." };

    /// <summary>A traced site's levels over the horizon, by name (summed over its sites).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(double Start, double Mean)>> Traced(SiteMetrics m, double horizonSeconds) =>
        new Dictionary<string, IReadOnlyList<(double Start, double Mean)>>
        {
            [Queue.Name] = m.QueueWindows!.Means(horizonSeconds),
            [GpuMemory.Name] = m.GpuWindows!.Means(horizonSeconds),
        };

    /// <summary>The site's columns, in runs.csv order.</summary>
    public static IReadOnlyList<Metric> All { get; } = new[]
    {
        Throughput, OnTimeRatio, RequestMeasures.Arrived, OnTime, Late, Expired, Rejected, RequestMeasures.Unfinished,
        LatencyMean, LatencyP50, LatencyP95, LatencyP99,
        WaitingMean, UploadMean, LoadingMean, InferenceMean, DownlinkMean,
        UploadCriticalMean, GpuWaitMean, LoadingCriticalMean,
        BytesDisk, BytesPcie, BytesSaved, RamHitRatio, GpuHitRatio,
        GpuLoadingFraction, GpuComputingFraction, MeanBatchSize, QueueMean, GpuMemoryMean,
    };

    /// <summary>The measures that explain a difference in throughput.</summary>
    public static IReadOnlyList<Metric> Explaining { get; } = new[] { LoadingCriticalMean, WaitingMean, GpuHitRatio, RamHitRatio, BytesPcie, MeanBatchSize, Expired, Rejected, Late };

    /// <summary>
    /// The site's measures, pooled over its sites, with the requests that arrived and those placed nowhere (0 at a
    /// lone site) counted by the pipeline; the queue and GPU levels per site.
    /// </summary>
    public static void Fill(MetricValues v, SiteMetrics m, RequestPipeline pipeline, int sites, double measuredSeconds)
    {
        static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
        long arrived = pipeline.Arrived;
        v[Throughput] = m.OnTime / measuredSeconds;
        v[OnTimeRatio] = Ratio(m.OnTime, arrived);
        v[RequestMeasures.Arrived] = arrived;
        v[OnTime] = m.OnTime;
        v[Late] = m.Late;
        v[Expired] = m.Expired;
        v[Rejected] = m.Rejected;
        v[RequestMeasures.Unfinished] = arrived - m.Ended - pipeline.Unplaced;
        v[LatencyMean] = m.Latency.Mean;
        v[LatencyP50] = m.LatencyP50;
        v[LatencyP95] = m.LatencyP95;
        v[LatencyP99] = m.LatencyP99;
        v[WaitingMean] = m.Waiting.Mean;
        v[UploadMean] = m.Upload.Mean;
        v[LoadingMean] = m.Loading.Mean;
        v[InferenceMean] = m.Inference.Mean;
        v[DownlinkMean] = m.Downlink.Mean;
        v[UploadCriticalMean] = m.CriticalUpload.Mean;
        v[GpuWaitMean] = m.GpuWait.Mean;
        v[LoadingCriticalMean] = m.CriticalLoading.Mean;
        v[BytesDisk] = m.BytesFromDisk;
        v[BytesPcie] = m.BytesOverPcie;
        v[BytesSaved] = m.BytesSaved;
        v[RamHitRatio] = Ratio(m.RamHits, m.RamLookups);
        v[GpuHitRatio] = Ratio(m.GpuHits, m.GpuLookups);
        v[GpuLoadingFraction] = m.LoadingSeconds / measuredSeconds;
        v[GpuComputingFraction] = m.ComputingSeconds / measuredSeconds;
        v[MeanBatchSize] = m.BatchSize.Mean;
        v[QueueMean] = m.QueueLength.Mean / sites;
        v[GpuMemoryMean] = m.GpuBytes.Mean / sites;
    }
}

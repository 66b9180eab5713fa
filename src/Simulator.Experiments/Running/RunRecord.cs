using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>One cell of the grid: a sweep point, a strategy (by index in the experiment) and a replication.</summary>
public readonly record struct Cell(int Point, int Strategy, int Replication);

/// <summary>What one cell measured: the deterministic metrics, and the machine-dependent decision times apart.</summary>
public sealed record RunRecord(Cell Cell, IReadOnlyList<double> Metrics, double DecisionMsMean, double DecisionMsMax);

/// <summary>
/// What one traced run saw, in memory that does not grow with the horizon: the served latencies' CDF
/// (binned, <see cref="LatencyHistogram"/>), their count and exact mean, and the queue length and GPU
/// memory as means per window (start, mean) of the width the time-series plots draw.
/// </summary>
public sealed record RunTrace(IReadOnlyList<(double Latency, double Fraction)> LatencyCdf, long Served, double LatencyMean,
    IReadOnlyList<(double Start, double Mean)> QueueLength, IReadOnlyList<(double Start, double Mean)> GpuBytes)
{
    /// <summary>A trace from its latencies and, for runs that simulate time, the queue's and GPU memory's window means.</summary>
    public static RunTrace Of(LatencyHistogram latencies, IReadOnlyList<(double Start, double Mean)>? queue = null, IReadOnlyList<(double Start, double Mean)>? gpu = null) =>
        new(latencies.Cdf(), latencies.Count, latencies.Mean, queue ?? Array.Empty<(double, double)>(), gpu ?? Array.Empty<(double, double)>());
}

/// <summary>The per-run metrics of the site scenarios (system-model.md section 7), in the order of the columns of runs.csv.</summary>
public static class RunMetrics
{
    public static readonly MetricSet Set = new(new[]
    {
        "throughput", "on_time_ratio", "arrived", "on_time", "late", "expired", "rejected", "unfinished",
        "latency_mean", "latency_p50", "latency_p95", "latency_p99",
        "waiting_mean", "upload_mean", "loading_mean", "inference_mean", "downlink_mean",
        "upload_critical_mean", "gpu_wait_mean", "loading_critical_mean",
        "bytes_disk", "bytes_pcie", "bytes_saved", "ram_hit_ratio", "gpu_hit_ratio",
        "gpu_loading_fraction", "gpu_computing_fraction", "mean_batch_size", "queue_mean", "gpu_memory_mean",
    }, "throughput", "Throughput (/s)", new[] { "throughput", "on_time_ratio", "latency_p95", "bytes_saved" })
    {
        Explaining = new[] { "loading_critical_mean", "waiting_mean", "gpu_hit_ratio", "ram_hit_ratio", "bytes_pcie", "mean_batch_size", "expired", "rejected", "late" },
    };

    /// <summary>A one-shot round reports the same columns; its throughput is the number served.</summary>
    public static readonly MetricSet OneShot = Set with { PrimaryTitle = "Users served (users)" };

    public static IReadOnlyList<string> Names => Set.Names;

    public static int Index(string name) => Set.Index(name);

    /// <summary>The site's measures, with the requests that arrived and those placed nowhere (0 at a lone site) counted by the pipeline.</summary>
    public static double[] From(SiteMetrics m, RequestPipeline pipeline, double measuredSeconds)
    {
        static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
        long arrived = pipeline.Arrived;
        return new[]
        {
            m.OnTime / measuredSeconds, Ratio(m.OnTime, arrived), arrived, m.OnTime, m.Late, m.Expired, m.Rejected, arrived - m.Ended - pipeline.Unplaced,
            m.Latency.Mean, m.LatencyP50, m.LatencyP95, m.LatencyP99,
            m.Waiting.Mean, m.Upload.Mean, m.Loading.Mean, m.Inference.Mean, m.Downlink.Mean,
            m.CriticalUpload.Mean, m.GpuWait.Mean, m.CriticalLoading.Mean,
            m.BytesFromDisk, m.BytesOverPcie, m.BytesSaved, Ratio(m.RamHits, m.RamLookups), Ratio(m.GpuHits, m.GpuLookups),
            m.LoadingSeconds / measuredSeconds, m.ComputingSeconds / measuredSeconds, m.BatchSize.Mean, m.QueueLength.Mean, m.GpuBytes.Mean,
        };
    }
}

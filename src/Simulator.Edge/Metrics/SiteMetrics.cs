using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>
/// How a served request's time was spent, in seconds: in a network, the wait for the selector's window and the
/// pull of its model's parts to the site (both 0 at a lone site); the wait in the site's queue; the batch's phases. Upload and loading run together on the overlap
/// timeline, so there the parts add up to more than the latency.
/// </summary>
public readonly record struct LatencyParts(double Waiting, double Upload, double Loading, double Inference, double Downlink, double Selection = 0, double Pull = 0);

/// <summary>
/// The measures of docs/site.md section 6 for one run, streamed: counts, Welford moments and latencies
/// in bins of 0.5 % for the quantiles, so memory does not grow with the horizon. Requests arriving before the warm-up ends and
/// batches starting before it are not counted.
/// </summary>
public sealed class SiteMetrics
{
    private readonly SampleMonitor latency;
    private readonly SampleMonitor selection = new("selection wait"), pull = new("pull"), waiting = new("waiting"), upload = new("upload"),
        loading = new("loading"), inference = new("inference"), downlink = new("downlink"), batchSize = new("batch size"),
        criticalUpload = new("upload on the critical path"), gpuWait = new("GPU wait on the critical path"), criticalLoading = new("loading on the critical path"),
        decision = new("decision wall time");

    /// <param name="traceWindowSeconds">
    /// Also keep the queue's and GPU memory's means per window of this width
    /// (for CDF and time-series plots of one replication); null: not traced. Bounded either way: a
    /// histogram and one number per window, not every latency and every change.
    /// </param>
    public SiteMetrics(Simulation env, double warmupSeconds, double? traceWindowSeconds = null)
    {
        if (!(warmupSeconds >= 0)) throw new ArgumentOutOfRangeException(nameof(warmupSeconds), warmupSeconds, "The warm-up cannot be negative.");
        WarmupSeconds = warmupSeconds;
        latency = new SampleMonitor("latency");
        QueueLength = new TimeSeriesMonitor(env, 0, "queue length");
        GpuBytes = new TimeSeriesMonitor(env, 0, "GPU bytes in use");
        if (traceWindowSeconds is { } width)
        {
            QueueWindows = Follow(env, QueueLength, width);
            GpuWindows = Follow(env, GpuBytes, width);
        }
    }

    private static WindowedLevel Follow(Simulation env, TimeSeriesMonitor monitor, double width)
    {
        var windows = new WindowedLevel(width, monitor.Current);
        monitor.Updated += (_, _) => windows.Set(env.NowD, monitor.Current);
        return windows;
    }

    public bool Traced => QueueWindows is not null;

    /// <summary>Every counted latency, binned: the quantiles below, and a traced run's CDF.</summary>
    public LatencyHistogram LatencyDistribution { get; } = new();

    /// <summary>Traced runs: the queue length's mean per window.</summary>
    public WindowedLevel? QueueWindows { get; }

    /// <summary>Traced runs: GPU memory in use, mean per window.</summary>
    public WindowedLevel? GpuWindows { get; }

    public double WarmupSeconds { get; }

    public long OnTime { get; private set; }
    public long Late { get; private set; }
    public long Expired { get; private set; }
    public long Rejected { get; private set; }

    public long BytesFromDisk { get; private set; }
    public long BytesOverPcie { get; private set; }
    /// <summary>Bytes not copied because they were resident, against loading every batch's model whole.</summary>
    public long BytesSaved { get; private set; }
    public long RamHits { get; private set; }
    public long RamHitBytes { get; private set; }
    /// <summary>Seconds the disk and the PCIe link were busy (loads and prefetches).</summary>
    public double DiskSeconds { get; private set; }
    public double PcieSeconds { get; private set; }
    public long RamLookups { get; private set; }
    public long GpuHits { get; private set; }
    public long GpuLookups { get; private set; }
    public double LoadingSeconds { get; private set; }
    public double ComputingSeconds { get; private set; }

    public TimeSeriesMonitor QueueLength { get; }
    public TimeSeriesMonitor GpuBytes { get; }

    public SampleMonitor Latency => latency;
    public SampleMonitor Selection => selection;
    public SampleMonitor Pull => pull;
    public SampleMonitor Waiting => waiting;
    public SampleMonitor Upload => upload;
    public SampleMonitor Loading => loading;
    public SampleMonitor Inference => inference;
    public SampleMonitor Downlink => downlink;
    public SampleMonitor CriticalUpload => criticalUpload;
    public SampleMonitor GpuWait => gpuWait;
    public SampleMonitor CriticalLoading => criticalLoading;
    public SampleMonitor BatchSize => batchSize;
    /// <summary>Wall-clock seconds per scheduler call: machine-dependent, so kept apart from the simulated measures.</summary>
    public SampleMonitor DecisionWallSeconds => decision;

    public double LatencyP50 => LatencyDistribution.Quantile(0.50);
    public double LatencyP95 => LatencyDistribution.Quantile(0.95);
    public double LatencyP99 => LatencyDistribution.Quantile(0.99);

    /// <summary>Requests with an outcome at the site that count (arrived after the warm-up).</summary>
    public long Ended => OnTime + Late + Expired + Rejected;

    public bool Counts(double arrival) => arrival >= WarmupSeconds;

    internal void OnExpired(InferenceRequest r)
    {
        if (Counts(r.Arrival)) Expired++;
    }

    internal void OnRejected(InferenceRequest r)
    {
        if (Counts(r.Arrival)) Rejected++;
    }

    internal void OnServed(InferenceRequest r, double finish, LatencyParts parts, CriticalPath path)
    {
        if (!Counts(r.Arrival)) return;
        if (finish <= r.Deadline) OnTime++;
        else Late++;
        double total = finish - r.Arrival;
        latency.Add(total);
        LatencyDistribution.Add(total);
        selection.Add(parts.Selection);
        pull.Add(parts.Pull);
        waiting.Add(parts.Waiting);
        upload.Add(parts.Upload);
        loading.Add(parts.Loading);
        inference.Add(parts.Inference);
        downlink.Add(parts.Downlink);
        criticalUpload.Add(path.Upload);
        gpuWait.Add(path.GpuWait);
        criticalLoading.Add(path.Loading);
    }

    internal void OnBatch(double start, int size, LoadReport load, long modelBytes, int modelBlocks, double computeSeconds)
    {
        if (start < WarmupSeconds) return;
        batchSize.Add(size);
        BytesFromDisk += load.BytesFromDisk;
        BytesOverPcie += load.BytesOverPcie;
        BytesSaved += modelBytes - load.BytesOverPcie;
        Tiers(load);
        GpuHits += load.GpuHits;
        GpuLookups += modelBlocks;
        LoadingSeconds += load.Seconds;
        ComputingSeconds += computeSeconds;
    }

    /// <summary>Blocks copied ahead of their batch still cross the disk and the link.</summary>
    internal void OnPrefetch(double start, LoadReport copied)
    {
        if (start < WarmupSeconds) return;
        BytesFromDisk += copied.BytesFromDisk;
        BytesOverPcie += copied.BytesOverPcie;
        Tiers(copied);
    }

    private void Tiers(LoadReport load)
    {
        RamHits += load.RamHits;
        RamHitBytes += load.RamHitBytes;
        RamLookups += load.Missing;
        DiskSeconds += load.DiskSeconds;
        PcieSeconds += load.PcieSeconds;
    }

    internal void OnDecision(double wallSeconds) => decision.Add(wallSeconds);
}

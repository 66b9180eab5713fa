namespace Simulator.Edge;

/// <summary>What a scheduler sees of a queued request: never the request object itself.</summary>
public sealed record QueuedRequest(long Id, string ModelId, double InputBits, double SnrHz, double SpectralEfficiency, double Arrival, double Deadline)
{
    /// <summary>A request as a scheduler sees it at time <paramref name="now"/>: with the channel of that moment.</summary>
    public static QueuedRequest At(InferenceRequest r, double now) =>
        new(r.Id, r.ModelId, r.InputBits, r.Channel.SnrHz(now), r.Channel.SpectralEfficiency(now), r.Arrival, r.Deadline);
}

/// <summary>
/// The read-only view a batch scheduler decides on: the time, the queue with each user's current
/// channel, the GPU's resident set, the catalog and the estimators of upload, load and inference time.
/// </summary>
public sealed class SiteView
{
    private readonly SiteSpec spec;

    public SiteView(double now, IReadOnlyList<QueuedRequest> queue, IReadOnlySet<string> resident, IReadOnlySet<string> inRam, Catalog catalog, LoadEstimator loads, SiteSpec spec)
    {
        Now = now;
        Queue = queue;
        Resident = resident;
        InRam = inRam;
        Catalog = catalog;
        Loads = loads;
        this.spec = spec;
    }

    public double Now { get; }

    public IReadOnlyList<QueuedRequest> Queue { get; }

    public IReadOnlySet<string> Resident { get; }

    public IReadOnlySet<string> InRam { get; }

    public Catalog Catalog { get; }

    public LoadEstimator Loads { get; }

    public Timeline Timeline => spec.Timeline;

    /// <summary>The site's settings (timeline, GPU memory, radio), for building views of what-if states.</summary>
    public SiteSpec Spec => spec;

    public long GpuBytes => spec.GpuBytes;

    /// <summary>The largest batch of <paramref name="model"/> the memory rule and <c>max_batch</c> allow.</summary>
    public int MaxBatchSize(Model model) => Site.MaxBatchSize(model, Catalog, spec);

    /// <summary>The upload time of users uploading together, under the site's allocation policy and rate model.</summary>
    public double UploadSeconds(IReadOnlyList<QueuedRequest> users)
    {
        var demands = new UploadDemand[users.Count];
        for (int i = 0; i < demands.Length; i++) demands[i] = new UploadDemand(users[i].InputBits, users[i].SnrHz);
        return UploadTime.Seconds(spec.Uplink, demands);
    }

    /// <summary>The site's split of the band among users uploading together.</summary>
    public BandwidthAllocation Allocate(IReadOnlyList<QueuedRequest> users) =>
        spec.Uplink.Allocator.Allocate(users.Select(u => new UploadDemand(u.InputBits, u.SnrHz)).ToArray(), spec.Uplink.BandwidthHz, spec.Uplink.RateModel);

    /// <summary>How upload and loading combine on the site's timeline: max, or sum when sequential.</summary>
    public double Combine(double upload, double load) => Site.Combine(spec.Timeline, upload, load);
}

/// <summary>One batch of a plan: a model and queued requests for it, by id.</summary>
public sealed record PlannedBatch(string ModelId, IReadOnlyList<long> RequestIds);

/// <summary>An ordered list of batches; requests named in <c>Rejected</c> are dropped from the queue (counted as rejected).</summary>
public sealed record Plan(IReadOnlyList<PlannedBatch> Batches, IReadOnlyList<long>? Rejected = null)
{
    public static Plan Empty { get; } = new(Array.Empty<PlannedBatch>());
}

/// <summary>A batch scheduler (strategies.md): a read-only view in, a plan out. It never touches the kernel.</summary>
public interface IBatchScheduler
{
    Plan Plan(SiteView view);
}

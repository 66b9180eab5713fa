namespace Simulator.Edge;

/// <summary>What a scheduler sees of a queued request, never the request object itself.</summary>
/// <param name="Id">The request's id, unique in the run.</param>
/// <param name="ModelId">The model it asks for.</param>
/// <param name="InputBits">Its input's size in bits.</param>
/// <param name="SnrHz">Its channel of this moment: received power over noise power spectral density, in Hz.</param>
/// <param name="SpectralEfficiency">Its rate per Hz of band alone with the whole band, in bit/s/Hz.</param>
/// <param name="Arrival">When it arrived, in seconds.</param>
/// <param name="Deadline">When its result is due, in seconds (absolute).</param>
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

    /// <summary>A view of a site at <paramref name="now"/>; the simulator builds it (a what-if planner may too).</summary>
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

    /// <summary>The simulated time of the decision, in seconds.</summary>
    public double Now { get; }

    /// <summary>The queued requests, in arrival order, each with its channel of this moment.</summary>
    public IReadOnlyList<QueuedRequest> Queue { get; }

    /// <summary>The ids of the blocks resident on the GPU.</summary>
    public IReadOnlySet<string> Resident { get; }

    /// <summary>The ids of the blocks cached in RAM (empty without a RAM cache).</summary>
    public IReadOnlySet<string> InRam { get; }

    /// <summary>The site's models and their blocks (for a sharing-blind site, its unshared catalog).</summary>
    public Catalog Catalog { get; }

    /// <summary>The uncontended load-time estimate of a model from the current resident set and RAM.</summary>
    public LoadEstimator Loads { get; }

    /// <summary>How upload, loading and inference of a batch combine at this site.</summary>
    public Timeline Timeline => spec.Timeline;

    /// <summary>The site's settings (timeline, GPU memory, radio), for building views of what-if states.</summary>
    public SiteSpec Spec => spec;

    /// <summary>The GPU's memory in bytes, weights and activations together.</summary>
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
/// <param name="ModelId">The model the batch runs.</param>
/// <param name="RequestIds">The queued requests it serves, all asking for that model.</param>
public sealed record PlannedBatch(string ModelId, IReadOnlyList<long> RequestIds);

/// <summary>An ordered list of batches; requests named in <c>Rejected</c> are dropped from the queue (counted as rejected).</summary>
/// <param name="Batches">The batches, in the order they run.</param>
/// <param name="Rejected">Queued requests the plan refuses; null or empty for none.</param>
public sealed record Plan(IReadOnlyList<PlannedBatch> Batches, IReadOnlyList<long>? Rejected = null)
{
    /// <summary>No batch: the site waits for the next arrival or completion.</summary>
    public static Plan Empty { get; } = new(Array.Empty<PlannedBatch>());
}

/// <summary>A batch scheduler: a read-only view in, a plan out. It never touches the kernel.</summary>
public interface IBatchScheduler
{
    /// <summary>The batches to run next, in order; the site runs the first and asks again as its re-planning rule says.</summary>
    Plan Plan(SiteView view);
}

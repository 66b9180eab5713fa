using System.Diagnostics;
using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>
/// One edge server as kernel processes: the service stage of a <see cref="RequestPipeline"/>, which admits
/// each request to the queue (<see cref="Admit"/>) as it arrives, or, in a network, once its model's parts
/// are on the site's disk. A planning stage, at each decision epoch, drops requests that can
/// no longer make their deadline (admission), takes the next batch from the scheduler's plan, and starts
/// its upload with the allocator's split. A GPU stage (one batch at a time) loads the model through the
/// <see cref="Loader"/> and runs inference. On the overlap and sequential timelines the next epoch is
/// when the batch completes; on the pipelined timeline it is when its upload ends.
/// </summary>
public sealed class EdgeSite
{
    private readonly Simulation env;
    private readonly Catalog catalog;
    private readonly SiteSpec spec;
    private readonly IBatchScheduler scheduler;
    private readonly IOutcomeObserver? observer;
    private readonly List<InferenceRequest> queue = new();
    private readonly Queue<PlannedBatch> plan = new();
    private readonly Resource gpuUnit;
    private Event? wakeup;
    private bool arrivedSincePlan;
    // What this site adds to the (possibly shared) level monitors.
    private double queueShown, gpuShown;

    /// <summary>
    /// A site fed by <see cref="Admit"/>, reporting into <paramref name="metrics"/>, which several sites may
    /// share: counts and samples pool, and the queue and GPU levels add up over the sites. <see cref="Start"/> it
    /// after what feeds it has started.
    /// </summary>
    public EdgeSite(Simulation env, Catalog catalog, SiteSpec spec, IBatchScheduler scheduler, SiteMetrics metrics)
    {
        this.env = env;
        // Sharing off is the same site on a catalog whose models share nothing (a sharing-blind system).
        if (!spec.Sharing) catalog = SharingBlind.Unshared(catalog);
        this.catalog = catalog;
        this.spec = spec;
        this.scheduler = scheduler;
        observer = scheduler as IOutcomeObserver;
        Estimator = LoadEstimator.For(catalog, spec);
        var ram = new RamCache(spec.RamBytes);
        ram.Preload(catalog, spec.RamPreload);
        Loader = new Loader(env, catalog, Estimator, new ResidentSet(spec.GpuBytes), ram, spec.Residency);
        Metrics = metrics;
        gpuUnit = new Resource(env, 1);
    }

    /// <summary>Starts the planner.</summary>
    public void Start() => env.Process(Planner());

    public SiteMetrics Metrics { get; }

    public Loader Loader { get; }

    public LoadEstimator Estimator { get; }

    /// <summary>Raised when a batch completes; leave unset for long runs (nothing is kept otherwise).</summary>
    public event Action<BatchRecord>? BatchCompleted;

    /// <summary>Raised when a request arrives; tests use it to compare what strategies see.</summary>
    public event Action<InferenceRequest>? RequestArrived;

    /// <summary>Raised when a request's outcome is known (warm-up or not): the request, its outcome, and when (a served one's result is back then).</summary>
    public event Action<InferenceRequest, Outcome, double>? Ended;

    public int QueueLength => queue.Count;

    /// <summary>Requests taken from the queue into a batch that has not completed.</summary>
    public int InService { get; private set; }

    /// <summary>The catalog the site loads by: the one it was given, or its sharing-blind copy.</summary>
    public Catalog Catalog => catalog;

    /// <summary>Queues a request now and wakes the planner if it sleeps; its outcome reaches <see cref="Ended"/>.</summary>
    public void Admit(InferenceRequest request)
    {
        queue.Add(request);
        ShowQueue();
        RequestArrived?.Invoke(request);
        arrivedSincePlan = true;
        if (wakeup is { } w)
        {
            wakeup = null;
            w.Succeed();
        }
    }

    private void ShowQueue() => Show(Metrics.QueueLength, ref queueShown, queue.Count);

    private static void Show(TimeSeriesMonitor level, ref double shown, double value)
    {
        level.UpdateTo(level.Current - shown + value);
        shown = value;
    }

    private IEnumerable<Event> Planner()
    {
        while (true)
        {
            double t0 = env.NowD;
            if (spec.Admission == Admission.DropInfeasible) DropInfeasible(t0);
            if (queue.Count > 0 && NeedsPlan())
            {
                var view = View(t0);
                long started = Stopwatch.GetTimestamp();
                if (scheduler is IDeferredScheduler deferred)
                {
                    // The plan comes from outside: the run pauses until it does, and this planner goes on first.
                    var decided = new Event(env);
                    deferred.Ask(view, answer => decided.Succeed(answer, priority: Urgent));
                    if (decided.IsAlive) env.StopAsync();
                    yield return decided;
                    Adopt((Plan)decided.Value!, started);
                }
                else Adopt(scheduler.Plan(view), started);
            }
            var next = queue.Count > 0 ? NextBatch() : null;
            if (next is null)
            {
                wakeup = new Event(env); // nothing to serve: sleep until the next arrival
                yield return wakeup;
                continue;
            }
            var (model, members) = next.Value;
            InService += members.Count;
            double upload = UploadTime.OfBatch(spec.Uplink, members, t0);
            if (double.IsInfinity(upload))
            {
                InService -= members.Count;
                foreach (var r in members) Expire(r); // some user has no usable channel: the batch cannot upload
                continue;
            }
            double uploadEnd = env.DueD(upload);
            var uploaded = env.TimeoutD(upload);
            var job = env.Process(Serve(t0, model, members, uploaded, upload, uploadEnd));
            yield return spec.Timeline == Timeline.Pipelined ? uploaded : job;
        }
    }

    private IEnumerable<Event> Serve(double t0, Model model, IReadOnlyList<InferenceRequest> members, Event uploaded, double uploadSeconds, double uploadEnd)
    {
        using (var unit = gpuUnit.Request())
        {
            yield return unit;
            if (spec.Timeline == Timeline.Sequential) yield return uploaded;
            double loadStart = env.NowD;
            var load = Loader.Load(model, members.Count);
            yield return spec.Timeline == Timeline.Sequential ? load : uploaded & load;
            var report = (LoadReport)load.Value!;
            Show(Metrics.GpuBytes, ref gpuShown, Loader.Gpu.Bytes + (long)members.Count * model.ActivationBytesPerSample);
            double compute = model.Profile.Seconds(members.Count);
            if (spec.Prefetch && plan.TryPeek(out var upcoming) && Loader.Prefetch(catalog.Model(upcoming.ModelId), (long)members.Count * model.ActivationBytesPerSample) is { } prefetch)
            {
                double prefetchStart = env.NowD;
                prefetch.AddCallback(p => Metrics.OnPrefetch(prefetchStart, (LoadReport)p.Value!));
            }
            double inferenceStart = env.NowD;
            yield return env.TimeoutD(compute);
            double completion = env.NowD;
            Show(Metrics.GpuBytes, ref gpuShown, Loader.Gpu.Bytes);
            double downlink = DownlinkSeconds();
            InService -= members.Count;
            BatchCompleted?.Invoke(new BatchRecord(t0, model.Id, members.Select(r => r.Id).ToArray(), uploadEnd, loadStart, loadStart + report.Seconds, inferenceStart, completion, report));
            foreach (var r in members)
                Served(r, completion + downlink, new LatencyParts(t0 - r.Admitted, uploadSeconds, report.Seconds, compute, downlink, r.Decided - r.Arrival, r.Admitted - r.Decided),
                    CriticalPath.Of(r.Admitted, t0, uploadEnd, loadStart, loadStart + report.Seconds, inferenceStart, completion, downlink));
            Metrics.OnBatch(t0, members.Count, report, catalog.Bytes(model), model.BlockIds.Count, compute);
        }
    }

    private void Expire(InferenceRequest r)
    {
        End(r, Outcome.Expired, env.NowD, double.NaN);
        Metrics.OnExpired(r);
    }

    private void Served(InferenceRequest r, double finish, LatencyParts parts, CriticalPath path)
    {
        End(r, finish <= r.Deadline ? Outcome.OnTime : Outcome.Late, finish, finish - r.Arrival);
        Metrics.OnServed(r, finish, parts, path);
    }

    /// <summary>The outcome to whoever listens, and to the scheduler when it learns from outcomes.</summary>
    private void End(InferenceRequest r, Outcome outcome, double at, double delay)
    {
        Ended?.Invoke(r, outcome, at);
        observer?.Observe(new RequestOutcome(r.Id, r.ModelId, outcome, at, delay));
    }

    private double DownlinkSeconds() =>
        spec.Uplink.DownlinkBitsPerSecond is { } rate ? 8 * spec.ResultBytes / rate : 0;

    /// <summary>Admission: a request is expired when even alone, right now, it would finish after its deadline.</summary>
    private void DropInfeasible(double now)
    {
        var loadByModel = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = queue.Count - 1; i >= 0; i--)
        {
            var r = queue[i];
            var model = catalog.Model(r.ModelId);
            if (!loadByModel.TryGetValue(model.Id, out double load))
                loadByModel[model.Id] = load = Estimator.LoadSeconds(model, Loader.Gpu, Loader.Ram);
            var alone = new UploadDemand(r.InputBits, r.Channel.SnrHz(now));
            double upload = UploadTime.Seconds(spec.Uplink, new ReadOnlySpan<UploadDemand>(in alone));
            double finish = now + Site.Combine(spec.Timeline, upload, load) + model.Profile.Seconds(1) + DownlinkSeconds();
            if (finish > r.Deadline)
            {
                queue.RemoveAt(i);
                Expire(r);
            }
        }
        ShowQueue();
    }

    /// <summary>An answer from outside goes before every other event at its instant: the planner resumes as if it had never waited.</summary>
    private const int Urgent = -1 << 20;

    private bool NeedsPlan() => spec.Replan switch
    {
        Replan.EveryBatch => true,
        Replan.OnArrival => arrivedSincePlan || plan.Count == 0,
        _ => plan.Count == 0,
    };

    private (Model Model, IReadOnlyList<InferenceRequest> Members)? NextBatch()
    {
        while (plan.TryDequeue(out var batch))
        {
            // A kept plan may name requests that expired since: serve those still queued.
            var members = queue.Where(r => batch.RequestIds.Contains(r.Id)).ToArray();
            if (members.Length == 0) continue;
            foreach (var r in members) queue.Remove(r);
            ShowQueue();
            return (catalog.Model(batch.ModelId), members);
        }
        return null;
    }

    private SiteView View(double now) => new(now, queue.Select(r => QueuedRequest.At(r, now)).ToArray(), Loader.Gpu, Loader.Ram, catalog, Estimator, spec);

    /// <summary>The scheduler's plan replaces the one kept: its rejections end now, its batches wait their turn.</summary>
    private void Adopt(Plan decided, long started)
    {
        Metrics.OnDecision(Stopwatch.GetElapsedTime(started).TotalSeconds);
        arrivedSincePlan = false;
        plan.Clear();
        Validate(decided);
        foreach (var id in decided.Rejected ?? Array.Empty<long>())
        {
            var r = queue.First(q => q.Id == id);
            queue.Remove(r);
            End(r, Outcome.Rejected, env.NowD, double.NaN);
            Metrics.OnRejected(r);
        }
        foreach (var b in decided.Batches) plan.Enqueue(b);
    }

    /// <summary>A plan must name queued requests of the batch's model, each once, within the memory rule.</summary>
    private void Validate(Plan decided)
    {
        string who = scheduler.GetType().Name;
        if (decided is null) throw new InvalidOperationException($"{who} returned no plan (null); Plan.Empty waits for the next arrival.");
        var byId = queue.ToDictionary(r => r.Id);
        var seen = new HashSet<long>();
        foreach (var id in decided.Rejected ?? Array.Empty<long>())
            if (!byId.ContainsKey(id) || !seen.Add(id)) throw new InvalidOperationException($"{who} rejected request {id}, which is not queued or is named twice.");
        foreach (var b in decided.Batches)
        {
            if (b?.ModelId is null || b.RequestIds is null) throw new InvalidOperationException($"{who} planned a batch that is null or lacks its model or its requests.");
            if (!catalog.Contains(b.ModelId)) throw new InvalidOperationException($"{who} planned a batch of unknown model '{b.ModelId}'.");
            var model = catalog.Model(b.ModelId);
            if (b.RequestIds.Count == 0) throw new InvalidOperationException($"{who} planned an empty batch of '{b.ModelId}'.");
            int max = Site.MaxBatchSize(model, catalog, spec);
            if (b.RequestIds.Count > max) throw new InvalidOperationException($"{who} planned {b.RequestIds.Count} requests of '{b.ModelId}', more than the {max} the memory rule and max_batch allow.");
            foreach (var id in b.RequestIds)
            {
                if (!byId.TryGetValue(id, out var r)) throw new InvalidOperationException($"{who} planned request {id}, which is not queued.");
                if (r.ModelId != b.ModelId) throw new InvalidOperationException($"{who} put request {id} for '{r.ModelId}' in a batch of '{b.ModelId}'.");
                if (!seen.Add(id)) throw new InvalidOperationException($"{who} planned request {id} twice.");
            }
        }
    }
}

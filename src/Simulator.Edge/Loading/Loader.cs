using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>What one load did.</summary>
public sealed record LoadReport(double Seconds, long BytesFromDisk, long BytesOverPcie, int GpuHits, int RamHits, int Missing)
{
    /// <summary>Bytes of the blocks found in RAM: with <see cref="BytesFromDisk"/>, what crossed PCIe.</summary>
    public long RamHitBytes { get; init; }

    /// <summary>Seconds the disk and the link were busy with this load (under lumped loading, the disk's is the whole wait).</summary>
    public double DiskSeconds { get; init; }

    public double PcieSeconds { get; init; }
}

/// <summary>
/// Brings a model's missing blocks onto the GPU as kernel processes. The disk and the PCIe link are
/// resources of capacity one, so concurrent loads contend. In pipelined mode a reader takes the blocks
/// in model order from RAM or, through the disk, from storage, and hands each to a copier that moves it
/// over the link: exactly the two-stage pipeline <see cref="LoadEstimator"/> computes.
/// </summary>
public sealed class Loader
{
    private readonly Simulation env;
    private readonly Catalog catalog;
    private readonly IResidencyPolicy policy;
    private Process? prefetching;

    public Loader(Simulation env, Catalog catalog, LoadEstimator estimator, ResidentSet gpu, RamCache ram, IResidencyPolicy policy)
    {
        this.env = env;
        this.catalog = catalog;
        this.policy = policy;
        Estimator = estimator;
        Gpu = gpu;
        Ram = ram;
        Disk = new Resource(env, 1);
        Pcie = new Resource(env, 1);
        foreach (var m in catalog.Models) CheckFits(m, m.ActivationBytesPerSample);
    }

    public LoadEstimator Estimator { get; }

    public ResidentSet Gpu { get; }

    public RamCache Ram { get; }

    public Resource Disk { get; }

    public Resource Pcie { get; }

    /// <summary>Raised when a device finishes a transfer (the device's name, start, end, bytes); for traces, unset otherwise.</summary>
    public event Action<string, double, double, long>? Transferred;

    /// <summary>Makes room for a batch of <paramref name="batchSize"/> and loads the model; the process's value is a <see cref="LoadReport"/>.</summary>
    public Process Load(Model model, int batchSize) => env.Process(Run(model, (long)batchSize * model.ActivationBytesPerSample));

    /// <summary>
    /// Copies <paramref name="next"/>'s missing blocks while the current batch computes, evicting nothing,
    /// if they fit beside what is resident and <paramref name="currentActivationBytes"/>. Returns the
    /// process (its value a <see cref="LoadReport"/>), or null when they do not fit. A later load waits
    /// for it to finish rather than copying the same blocks again.
    /// </summary>
    public Process? Prefetch(Model next, long currentActivationBytes)
    {
        var missing = catalog.Missing(next, Gpu).ToArray();
        if (missing.Length == 0 || Gpu.Bytes + missing.Sum(b => b.Bytes) + currentActivationBytes > Gpu.CapacityBytes) return null;
        return prefetching = env.Process(Transfer(missing, 0));
    }

    /// <summary>Memory rule: bytes(J_i) + activations &lt;= Q; a model that cannot fit is a configuration error.</summary>
    private void CheckFits(Model model, long activationBytes)
    {
        long weights = catalog.Bytes(model);
        if (weights + activationBytes > Gpu.CapacityBytes)
            throw new CatalogException($"Model '{model.Id}' needs {weights:N0} bytes of weights plus {activationBytes:N0} of activations, more than the GPU's {Gpu.CapacityBytes:N0} bytes.");
    }

    private IEnumerable<Event> Run(Model model, long activationBytes)
    {
        double start = env.NowD;
        CheckFits(model, activationBytes);
        if (prefetching is { IsProcessed: false } pending) yield return pending;
        var evict = policy.Evict(Gpu, model, activationBytes, catalog);
        foreach (var id in evict) Gpu.Remove(id);
        var missing = catalog.Missing(model, Gpu).ToArray();
        long missingBytes = missing.Sum(b => b.Bytes);
        if (Gpu.Bytes + missingBytes + activationBytes > Gpu.CapacityBytes)
            throw new InvalidOperationException($"Residency policy {policy.GetType().Name} left too little room for model '{model.Id}'.");
        int gpuHits = model.BlockIds.Count - missing.Length;
        var transfer = env.Process(Transfer(missing, gpuHits));
        yield return transfer;
        Gpu.Touch(model.BlockIds);
        // The report is the process's value; ending here keeps the load free of a closing event.
        env.ActiveProcess!.Succeed(((LoadReport)transfer.Value!) with { Seconds = env.NowD - start });
        yield break;
    }

    /// <summary>
    /// The two-stage pipeline: a reader hands blocks (from RAM or through the disk) to this copier, which
    /// moves each over PCIe; under <c>loading: lumped</c>, one wait of the bytes over the effective speed.
    /// </summary>
    private IEnumerable<Event> Transfer(Block[] missing, int gpuHits)
    {
        double start = env.NowD;
        var counts = new Counts();
        if (Estimator.Mode == LoadingMode.Lumped)
        {
            yield return env.TimeoutD(Estimator.LumpedSeconds(missing.Sum(b => b.Bytes)));
            foreach (var b in missing) Gpu.Add(b);
            counts.DiskBytes = missing.Sum(b => b.Bytes);
            counts.DiskSeconds = env.NowD - start;
            Transferred?.Invoke("lumped load", start, env.NowD, counts.DiskBytes);
        }
        else
        {
            var handoff = new Store(env);
            env.Process(Read(missing, handoff, counts));
            foreach (var _ in missing)
            {
                var get = handoff.Get();
                yield return get;
                var block = (Block)get.Value!;
                using (var link = Pcie.Request())
                {
                    yield return link;
                    double copyStart = env.NowD;
                    yield return env.TimeoutD(Estimator.CopySeconds(block));
                    counts.PcieSeconds += env.NowD - copyStart;
                    Transferred?.Invoke("pcie", copyStart, env.NowD, block.Bytes);
                }
                Gpu.Add(block);
            }
        }
        env.ActiveProcess!.Succeed(new LoadReport(env.NowD - start, counts.DiskBytes, missing.Sum(b => b.Bytes), gpuHits, counts.RamHits, missing.Length)
        {
            RamHitBytes = counts.RamHitBytes,
            DiskSeconds = counts.DiskSeconds,
            PcieSeconds = counts.PcieSeconds,
        });
        yield break;
    }

    private IEnumerable<Event> Read(Block[] blocks, Store handoff, Counts counts)
    {
        foreach (var block in blocks)
        {
            if (Ram.Hit(block.Id))
            {
                counts.RamHits++;
                counts.RamHitBytes += block.Bytes;
            }
            else
            {
                using (var disk = Disk.Request())
                {
                    yield return disk;
                    double readStart = env.NowD;
                    yield return env.TimeoutD(Estimator.ReadSeconds(block));
                    counts.DiskSeconds += env.NowD - readStart;
                    Transferred?.Invoke("disk", readStart, env.NowD, block.Bytes);
                }
                counts.DiskBytes += block.Bytes;
                Ram.Insert(block);
            }
            handoff.Put(block);
        }
    }

    private sealed class Counts
    {
        public long DiskBytes, RamHitBytes;
        public int RamHits;
        public double DiskSeconds, PcieSeconds;
    }
}

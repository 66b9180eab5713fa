namespace Simulator.Edge;

/// <summary>How loading time is modelled: the block pipeline of docs/site.md section 2, or the paper's single effective speed.</summary>
public enum LoadingMode
{
    /// <summary>Each missing block is read from disk (unless in RAM), then copied over PCIe, the two overlapping block by block.</summary>
    Pipelined,
    /// <summary>The missing bytes at one effective speed (the first paper's model).</summary>
    Lumped,
}

/// <summary>
/// The one estimate of a model's uncontended load time that planners use; the simulated loader must
/// measure the same time when nothing contends. Missing blocks go in model order through two servers:
/// the disk (skipped for blocks in RAM) and then the PCIe link, which copies block j once its read is
/// done and the previous copy is finished:
/// D_j = D_{j-1} + (inRAM_j ? 0 : s_disk + bytes_j / r_disk), P_j = max(P_{j-1}, D_j) + s_pcie + bytes_j / r_pcie.
/// </summary>
public sealed class LoadEstimator
{
    private static readonly IReadOnlySet<string> Nothing = System.Collections.Frozen.FrozenSet<string>.Empty;
    private readonly Catalog catalog;

    /// <summary>The estimator of loading <paramref name="catalog"/>'s models from <paramref name="disk"/> over <paramref name="pcie"/>; <paramref name="lumpedBytesPerSecond"/> is the effective speed when <paramref name="mode"/> is lumped.</summary>
    public LoadEstimator(Catalog catalog, DiskProfile disk, PcieProfile pcie, LoadingMode mode = LoadingMode.Pipelined, double lumpedBytesPerSecond = double.NaN)
    {
        this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        Disk = disk ?? throw new ArgumentNullException(nameof(disk));
        Pcie = pcie ?? throw new ArgumentNullException(nameof(pcie));
        if (!(disk.BytesPerSecond > 0) || !(disk.AccessSeconds >= 0)) throw new ArgumentException($"Disk '{disk.Name}' needs a positive rate and a non-negative access time.", nameof(disk));
        if (!(pcie.BytesPerSecond > 0) || !(pcie.CopySeconds >= 0)) throw new ArgumentException($"PCIe link '{pcie.Name}' needs a positive rate and a non-negative copy latency.", nameof(pcie));
        if (mode == LoadingMode.Lumped && !(lumpedBytesPerSecond > 0))
            throw new ArgumentException($"loading: lumped needs a positive effective speed, not {lumpedBytesPerSecond}.", nameof(lumpedBytesPerSecond));
        Mode = mode;
        LumpedBytesPerSecond = lumpedBytesPerSecond;
    }

    /// <summary>The estimator of a site's storage path.</summary>
    public static LoadEstimator For(Catalog catalog, SiteSpec spec) =>
        new(catalog, spec.Disk, spec.Pcie, spec.Loading, spec.LumpedBytesPerSecond);

    /// <summary>The storage the blocks are read from: its rate and access time.</summary>
    public DiskProfile Disk { get; }

    /// <summary>The link to the GPU: its rate and copy latency.</summary>
    public PcieProfile Pcie { get; }

    /// <summary>Whether loading is the block pipeline or one effective speed.</summary>
    public LoadingMode Mode { get; }

    /// <summary>The effective speed of lumped loading, in bytes per second (NaN when pipelined).</summary>
    public double LumpedBytesPerSecond { get; }

    /// <summary>Seconds to bring <paramref name="model"/> onto a GPU holding <paramref name="resident"/>, with <paramref name="inRam"/> cached in RAM.</summary>
    public double LoadSeconds(Model model, IReadOnlySet<string> resident, IReadOnlySet<string>? inRam = null) =>
        ReadyAt(0, model, resident, inRam);

    /// <summary>
    /// When the model's weights are ready if loading starts at <paramref name="start"/>. The simulated
    /// loader adds the same terms in the same order, so without contention it lands on this very number.
    /// </summary>
    public double ReadyAt(double start, Model model, IReadOnlySet<string> resident, IReadOnlySet<string>? inRam = null)
    {
        if (Mode == LoadingMode.Lumped) return start + LumpedSeconds(catalog.MissingBytes(model, resident));
        inRam ??= Nothing;
        double read = start, copied = start;
        foreach (var block in catalog.BlocksOf(model))
        {
            if (resident.Contains(block.Id)) continue;
            if (!inRam.Contains(block.Id)) read += ReadSeconds(block);
            copied = Math.Max(copied, read) + CopySeconds(block);
        }
        return copied;
    }

    /// <summary>Seconds to read the block from disk: the access time and its bytes at the disk's rate.</summary>
    public double ReadSeconds(Block block) => Disk.AccessSeconds + block.Bytes / Disk.BytesPerSecond;

    /// <summary>Seconds to copy the block to the GPU: the link's latency and its bytes at the link's rate.</summary>
    public double CopySeconds(Block block) => Pcie.CopySeconds + block.Bytes / Pcie.BytesPerSecond;

    /// <summary>Seconds to load <paramref name="bytes"/> at the lumped effective speed.</summary>
    public double LumpedSeconds(long bytes) => bytes / LumpedBytesPerSecond;

    /// <summary>Bytes that cross the PCIe link for this load: those of the missing blocks.</summary>
    public long BytesToCopy(Model model, IReadOnlySet<string> resident) => catalog.MissingBytes(model, resident);
}

namespace Simulator.Edge;

/// <summary>How upload, loading and inference of a batch combine (docs/site.md section 5).</summary>
public enum Timeline
{
    /// <summary>Upload and loading run together; inference starts when both are done (the paper).</summary>
    Overlap,

    /// <summary>Upload, then loading, then inference.</summary>
    Sequential,

    /// <summary>Like overlap, and the next batch's users upload while this batch loads or computes.</summary>
    Pipelined,
}

/// <summary>What happens to requests that cannot meet their deadline even if served alone right now.</summary>
public enum Admission
{
    DropInfeasible,
    None,
}

/// <summary>When a planning strategy is asked again.</summary>
public enum Replan
{
    EveryBatch,
    OnArrival,
    PlanToCompletion,
}

/// <summary>One edge server: storage, GPU, policies and radio (docs/site.md sections 2, 3 and 5).</summary>
public sealed record SiteSpec
{
    public required DiskProfile Disk { get; init; }
    public required PcieProfile Pcie { get; init; }
    public required long GpuBytes { get; init; }
    public IResidencyPolicy Residency { get; init; } = new PreviousModelResidency();
    /// <summary>False turns cross-model sharing off: the site runs on <see cref="SharingBlind.Unshared"/>, keeping the models it holds whole (the no-sharing baseline).</summary>
    public bool Sharing { get; init; } = true;
    /// <summary>RAM block cache; 0 disables it (the paper's case).</summary>
    public long RamBytes { get; init; }
    /// <summary>Models whose blocks are in RAM at the start.</summary>
    public IReadOnlyList<string> RamPreload { get; init; } = Array.Empty<string>();
    public LoadingMode Loading { get; init; } = LoadingMode.Pipelined;
    /// <summary>The effective speed of <c>loading: lumped</c>, bytes/s.</summary>
    public double LumpedBytesPerSecond { get; init; } = double.NaN;
    public Timeline Timeline { get; init; } = Timeline.Overlap;
    /// <summary>Copy the next planned batch's missing blocks while this batch computes, when both fit (default false, as in the paper).</summary>
    public bool Prefetch { get; init; }
    public Admission Admission { get; init; } = Admission.DropInfeasible;
    public Replan Replan { get; init; } = Replan.EveryBatch;
    /// <summary>An upper bound on batch size besides the memory rule; null for none.</summary>
    public int? MaxBatch { get; init; }
    public UplinkSpec Uplink { get; init; } = new();
    /// <summary>Bytes of each result returned over the downlink (only matters with a finite downlink rate).</summary>
    public double ResultBytes { get; init; }
}

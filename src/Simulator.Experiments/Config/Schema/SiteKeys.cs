using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>The keys of one edge site (docs/site.md sections 2 and 5): its storage, GPU, policies and downlink; the hardware by profile names (list profiles).</summary>
public static class SiteKeys
{
    public static readonly TextKey Device = new("device", "rtx4090", "The GPU: a profile of experiments/profiles/hardware.yaml.", "a GPU profile name");
    public static readonly QuantityKey Memory = new("memory", UnitKind.Bytes, null, Domain.Positive, "GPU memory for weights and activations.", dependsOn: "the device's");
    public static readonly ChoiceKey<IResidencyPolicy> Residency = new("residency", new (string, Func<IResidencyPolicy>, string)[]
    {
        ("previous-model", () => new PreviousModelResidency(), "Only the last batch's model stays on the GPU (the paper)."),
        ("lru", () => new LruResidency(), "Blocks stay until room is needed, least recently used out first."),
        ("pin-shared", () => new PinSharedResidency(), "Like lru, but blocks several models share go only after every private block."),
    }, "previous-model", "What stays on the GPU between batches.");
    public static readonly BoolKey Prefetch = new("prefetch", false, "Copy the next planned batch's missing blocks while this batch computes, when both fit.");

    public static readonly SectionSchema GpuSection = new("site.gpu", "The GPU.", Device, Memory, Residency, Prefetch);

    public static readonly QuantityKey RamCapacity = new("capacity", UnitKind.Bytes, "0 B", Domain.NonNegative, "RAM for cached blocks; 0 turns the cache off (the paper).");
    public static readonly ValueKey Preload = new("preload", "none, all, or a list of model ids", "none", "Models whose blocks are in RAM at the start (it needs a capacity above 0), put there in the order given: when they do not all fit, the cache's least-recently-used rule keeps the last.");

    public static readonly SectionSchema RamSection = new("site.ram", "The RAM block cache.", RamCapacity, Preload);

    public static readonly QuantityKey DownlinkRate = new("rate", UnitKind.ByteRate, null, Domain.Positive, "The rate results return at.", dependsOn: "none (instant)");
    public static readonly QuantityKey ResultBytes = new("result_bytes", UnitKind.Bytes, "0 B", Domain.NonNegative, "Bytes of each result.");

    public static readonly SectionSchema DownlinkSection = new("site.downlink", "How results return.", DownlinkRate, ResultBytes);

    public static readonly QuantityKey DiskRate = new("rate", UnitKind.ByteRate, null, Domain.Positive, "A disk of your own: its sequential read rate.");
    public static readonly QuantityKey DiskAccess = new("access", UnitKind.Time, null, Domain.NonNegative, "A disk of your own: the latency of each block's read (seek and rotation).");
    public static readonly SectionSchema DiskSection = new("site.disk", "A disk of your own instead of a profile.", DiskRate, DiskAccess);
    public static readonly ValueKey Disk = new("disk", "a disk profile name, or {rate, access}", "hdd-7200", "The disk models are loaded from: a profile of experiments/profiles/hardware.yaml (list profiles), or a disk of your own.", DiskSection);
    public static readonly SectionKey Ram = new("ram", RamSection, "The RAM block cache between disk and GPU.");
    public static readonly QuantityKey PcieRate = new("rate", UnitKind.ByteRate, null, Domain.Positive, "A link of your own: its host-to-GPU copy rate.");
    public static readonly QuantityKey PcieLatency = new("latency", UnitKind.Time, null, Domain.NonNegative, "A link of your own: the latency of each copy.");
    public static readonly SectionSchema PcieSection = new("site.pcie", "A link of your own instead of a profile.", PcieRate, PcieLatency);
    public static readonly ValueKey Pcie = new("pcie", "a PCIe profile name, or {rate, latency}", "the GPU profile's link", "The link from RAM to the GPU: a PCIe profile (list profiles), or a link of your own.", PcieSection);
    public static readonly SectionKey Gpu = new("gpu", GpuSection, "The GPU: its device, memory and what stays resident.");
    public static readonly ChoiceKey<Timeline> Timeline = new("timeline", new (string, Func<Timeline>, string)[]
    {
        ("overlap", () => Edge.Timeline.Overlap, "Upload and loading run together; inference starts when both are done (the paper)."),
        ("sequential", () => Edge.Timeline.Sequential, "Upload, then loading, then inference."),
        ("pipelined", () => Edge.Timeline.Pipelined, "Like overlap, and the next batch's users upload while this batch loads or computes."),
    }, "overlap", "How upload, loading and inference of a batch combine.");
    public static readonly ChoiceKey<Admission> Admission = new("admission", new (string, Func<Admission>, string)[]
    {
        ("drop-infeasible", () => Edge.Admission.DropInfeasible, "At each decision, drop requests that would miss their deadline even if served alone at once (expired)."),
        ("none", () => Edge.Admission.None, "Keep every request; a late one is served late."),
    }, "drop-infeasible", "What happens to requests that can no longer make their deadline.");
    public static readonly ChoiceKey<Replan> Replan = new("replan", new (string, Func<Replan>, string)[]
    {
        ("every-batch", () => Edge.Replan.EveryBatch, "Ask the strategy again before every batch."),
        ("on-arrival", () => Edge.Replan.OnArrival, "Ask again when a request arrived since the last plan (or the plan ran out)."),
        ("plan-to-completion", () => Edge.Replan.PlanToCompletion, "Run the plan to its end before asking again."),
    }, "every-batch", "When the site strategy is asked again.");
    public static readonly IntegerKey MaxBatch = new("max_batch", null, 1, int.MaxValue, "The largest batch besides the memory rule.", dependsOn: "none (the memory rule alone)");
    public static readonly ChoiceKey<LoadingMode> Loading = new("loading", new (string, Func<LoadingMode>, string)[]
    {
        ("pipelined", () => LoadingMode.Pipelined, "Blocks stream from disk to RAM to GPU, each tier at its own rate."),
        ("lumped", () => LoadingMode.Lumped, "A model loads at one effective speed (needs lumped_speed)."),
    }, "pipelined", "How a model's missing blocks reach the GPU.");
    public static readonly QuantityKey LumpedSpeed = new("lumped_speed", UnitKind.ByteRate, null, Domain.Positive, "lumped: the effective loading speed.");
    public static readonly SectionKey Downlink = new("downlink", DownlinkSection, "How results return to users (instant without it).");

    public static readonly BoolKey Sharing = new("sharing", true, "Whether the site loads by the blocks models share; false: a sharing-blind site keeps the models it holds and loads any other whole (the world a strategy that needs it, no-sharing, runs in).");

    public static readonly SectionSchema Section = new("site", "One edge server: storage, GPU, policies.", Disk, Ram, Pcie, Gpu, Timeline, Admission, Replan, MaxBatch, Loading, LumpedSpeed, Downlink, Sharing);



}

namespace Simulator.Edge;

/// <summary>
/// A model: an ordered list of block ids (the order the loader brings them in), its inference profile
/// and the GPU memory one request's activations take. The second paper's models also carry a compute
/// intensity phi: their inference at a cloudlet of processing rate f takes phi |M| / f (|M| in GB).
/// </summary>
public sealed record Model(
    string Id,
    IReadOnlyList<string> BlockIds,
    InferenceProfile Profile,
    long ActivationBytesPerSample,
    string? Family = null,
    string? Cluster = null,
    string? Base = null,
    double? Accuracy = null,
    double? ComputeIntensity = null);

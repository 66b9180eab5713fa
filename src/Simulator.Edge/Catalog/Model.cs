namespace Simulator.Edge;

/// <summary>
/// A model: an ordered list of block ids (the order the loader brings them in), its inference profile
/// and the GPU memory one request's activations take.
/// </summary>
public sealed record Model(
    string Id,
    IReadOnlyList<string> BlockIds,
    InferenceProfile Profile,
    long ActivationBytesPerSample,
    string? Family = null,
    string? Cluster = null,
    string? Base = null,
    double? Accuracy = null);

namespace Simulator.Edge;

/// <summary>
/// A model: an ordered list of block ids (the order the loader brings them in), its inference profile
/// and the GPU memory one request's activations take. The second paper's models also carry a compute
/// intensity phi: their inference at a cloudlet of processing rate f takes phi |M| / f (|M| in GB).
/// </summary>
/// <param name="Id">The model's id, unique in its catalog; requests name it.</param>
/// <param name="BlockIds">Its blocks' ids, in the order the loader brings them in; a block two models list is shared.</param>
/// <param name="Profile">Its inference time as a function of the batch size.</param>
/// <param name="ActivationBytesPerSample">GPU memory one request's activations take while a batch runs, in bytes.</param>
/// <param name="Family">The family it was made in (a backbone, a LoRA base, a generated family), for reports; null when given by hand.</param>
/// <param name="Cluster">Its cluster of backbone-sharing variants (models sharing a backbone's layers); null outside such catalogs.</param>
/// <param name="Base">The id of the shared base it was fine-tuned from (second paper, LoRA); null when it has none.</param>
/// <param name="Accuracy">Its accuracy when the catalog fixes it; null when each request draws one.</param>
/// <param name="ComputeIntensity">phi, the second paper's compute intensity; null outside the network.</param>
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

namespace Simulator.Edge;

/// <summary>
/// A served request's latency split along its critical path, so that the parts add up to the latency on every
/// timeline: the wait for its batch, the part of the upload that held inference back, the wait for the GPU
/// past the upload, the part of the loading that held it back, inference and downlink. On the overlap timeline
/// upload and loading run together and only the one that ends last is on the path (the plain
/// <see cref="LatencyParts"/> count both, and add up to more than the latency).
/// </summary>
public readonly record struct CriticalPath(double Waiting, double Upload, double GpuWait, double Loading, double Inference, double Downlink)
{
    /// <summary>From the phases of the request's batch: it formed at <paramref name="start"/>, its upload ended at
    /// <paramref name="uploadEnd"/>, its loading ran from <paramref name="loadStart"/> to <paramref name="loadEnd"/>
    /// and inference from <paramref name="inferenceStart"/> to <paramref name="completion"/>.</summary>
    public static CriticalPath Of(double arrival, double start, double uploadEnd, double loadStart, double loadEnd, double inferenceStart, double completion, double downlink)
    {
        if (loadEnd >= uploadEnd)
        {
            // Loading ended last: before it began, the upload (while it ran) and then the GPU held the batch.
            double upload = Math.Min(uploadEnd, loadStart) - start;
            return new CriticalPath(start - arrival, upload, inferenceStart - loadEnd + (loadStart - start - upload), loadEnd - loadStart, completion - inferenceStart, downlink);
        }
        return new CriticalPath(start - arrival, uploadEnd - start, inferenceStart - uploadEnd, 0, completion - inferenceStart, downlink);
    }
}

namespace Simulator.Edge;

/// <summary>Where a pipeline's requests come from: it hands each to <see cref="RequestPipeline.Arrive"/> at its arrival.</summary>
public interface IRequestSource
{
    /// <summary>
    /// Starts the arrival processes. A source of several cells calls <paramref name="cellStarted"/> after each
    /// cell's arrivals start (its site's planner starts there, so at an instant both act the arrival is seen first);
    /// any other source calls it for every cloudlet after its own process.
    /// </summary>
    void Start(RequestPipeline pipeline, Action<int> cellStarted);
}

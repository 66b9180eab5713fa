using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>
/// What serves a request once its model's parts are at its cloudlet: a site's batches, or the paper's analytic
/// queue, or a FIFO server. It reports each outcome to <see cref="RequestPipeline.Finish"/>, which releases the parts.
/// </summary>
public interface IRequestService
{
    /// <summary>Starts what serves cloudlet <paramref name="cloudlet"/> (a site's planner); called once per cloudlet, after its cell's arrivals.</summary>
    void Start(RequestPipeline pipeline, int cloudlet);

    /// <summary>Takes the request: null when it joins a queue the service runs itself, or the steps of the process that serves it.</summary>
    IEnumerable<Event>? Admit(UserRequest request);
}

using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>
/// The source of requests that arrive in cells (a lone site's, or every cloudlet's in a network of sites): each
/// cell's workload in arrival order, each user placed in the cell with a channel. Cell 0 reads the run's own
/// streams and every other cell streams of its own, so one cell is the lone site draw for draw.
/// </summary>
public sealed class CellArrivals(Simulation env, Catalog catalog, IWorkload workload, UplinkSpec uplink, RandomStreams streams, int cells = 1) : IRequestSource
{
    /// <summary>The streams of cell <paramref name="cell"/>'s workload, users and site.</summary>
    public static RandomStreams CellStreams(RandomStreams run, int cell) => cell == 0 ? run : run.For("cloudlet", cell);

    public void Start(RequestPipeline pipeline, Action<int> cellStarted)
    {
        for (int i = 0; i < cells; i++)
        {
            env.Process(Arrivals(pipeline, i, CellStreams(streams, i)));
            cellStarted(i);
        }
    }

    private IEnumerable<Event> Arrivals(RequestPipeline pipeline, int cell, RandomStreams cellStreams)
    {
        var users = new CellUsers(uplink, cellStreams);
        foreach (var draft in workload.Requests(catalog, cellStreams))
        {
            if (draft.Arrival > env.NowD) yield return env.TimeoutD(draft.Arrival - env.NowD);
            long id = pipeline.NewId();
            var request = pipeline.Request(id, draft.Arrival, cell);
            request.Cell = new InferenceRequest(id, draft, users.ChannelOf(draft));
            pipeline.Arrive(request);
        }
    }
}

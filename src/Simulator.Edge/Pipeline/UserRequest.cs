using Simulator.Edge.Network;

namespace Simulator.Edge;

/// <summary>
/// A user's request on its way through the <see cref="RequestPipeline"/>: one id from its arrival to its
/// outcome, the cloudlet it arrived at, what the selection chose for it, and the parts pinned for it there
/// until its outcome is known.
/// </summary>
public sealed class UserRequest
{
    internal UserRequest(long id, double arrival, int home, bool counted)
    {
        Id = id;
        Arrival = arrival;
        Home = home;
        Counted = counted;
        Decided = arrival;
        Admitted = arrival;
    }

    /// <summary>Its position in the order of arrival over the whole world (all cells), from 0.</summary>
    public long Id { get; }

    public double Arrival { get; }

    /// <summary>The cloudlet it arrived at (0 at a lone site).</summary>
    public int Home { get; }

    /// <summary>Whether it arrived after the warm-up, so that its measures count.</summary>
    public bool Counted { get; }

    /// <summary>What a site serves, when it arrived in a cell: its user's channel, input, deadline and the model served.</summary>
    public InferenceRequest? Cell { get; internal set; }

    /// <summary>What a network selection reads of it (accuracies, budget, context); null where nothing is selected.</summary>
    public NetworkRequest? Network { get; internal set; }

    /// <summary>The model and the sources of its parts, once a network selected them; null for the model the user named.</summary>
    public Assignment? Choice { get; internal set; }

    /// <summary>When its model was chosen: its arrival where the user's model is served or a selector decides on arrival.</summary>
    public double Decided { get; internal set; }

    /// <summary>When its model's parts were all at its cloudlet and the service took it.</summary>
    public double Admitted { get; internal set; }

    /// <summary>The decision's estimates and the request's place in its window, for a service that runs the planned terms.</summary>
    internal ServiceEstimator? Estimates { get; set; }

    internal int Slot { get; set; }

    /// <summary>The parts pinned at its cloudlet, released with its outcome.</summary>
    internal string[][]? Pinned { get; set; }
}

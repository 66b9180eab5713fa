namespace Simulator.Edge.Network;

/// <summary>A network strategy: a read-only view of one window in, a plan out. It never touches the kernel.</summary>
public interface INetworkSelector
{
    /// <summary>Each request's model and the sources of its base and task part, or null for a request left unplaced.</summary>
    NetworkPlan Select(NetworkView view);
}

/// <summary>What a network strategy may read: the window's instance and the shared estimates over it.</summary>
/// <param name="instance">The window.</param>
/// <param name="holders">Who holds which part over the stores the instance's holdings were taken from, when a run keeps them; null: found from the holdings.</param>
public sealed class NetworkView(NetworkInstance instance, HolderIndex? holders = null)
{
    /// <summary>The window: its requests, the cloudlets with what each holds, the catalog's parts, the links.</summary>
    public NetworkInstance Instance { get; } = instance;

    /// <summary>The one estimate of delay, cost and admissibility of serving a request with a model that every strategy plans with.</summary>
    public ServiceEstimator Estimates { get; } = new(instance, holders);
}

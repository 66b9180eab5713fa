namespace Simulator.Edge.Network;

/// <summary>A network strategy: a read-only view of one window in, a plan out. It never touches the kernel.</summary>
public interface INetworkSelector
{
    NetworkPlan Select(NetworkView view);
}

/// <summary>What a network strategy may read: the window's instance and the shared estimates over it.</summary>
public sealed class NetworkView(NetworkInstance instance)
{
    public NetworkInstance Instance { get; } = instance;

    public ServiceEstimator Estimates { get; } = new(instance);
}

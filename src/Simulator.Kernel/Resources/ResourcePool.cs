namespace Simulator.Kernel;

/// <summary>
/// A pool of distinct resources (people, machines) taken by requests that may name a filter; a granted
/// request's value is the resource it got. Any waiting request that a free resource fits is served, in
/// the order the requests were made (SimSharp's <c>ResourcePool</c>). A released resource joins the end
/// of the free list, and waiting requests are served when the release event is processed.
/// </summary>
public class ResourcePool : QueuedResource<ResourcePoolRequest>
{
    private static readonly Func<object, bool> Any = _ => true;
    private readonly List<object> free;
    private readonly LinkedList<ResourcePoolRequest> waiting = new();

    public ResourcePool(Simulation environment, IEnumerable<object> resources)
        : this(environment, (resources ?? throw new ArgumentNullException(nameof(resources))).ToList())
    {
    }

    private ResourcePool(Simulation environment, List<object> resources)
        : base(environment, resources.Count > 0 ? resources.Count : throw new ArgumentException("There must be at least one resource.", nameof(resources)))
    {
        free = resources;
    }

    public override int WaitingCount => waiting.Count;

    protected override IEnumerable<ResourcePoolRequest> RequestQueue => waiting;

    public bool IsAvailable(Func<object, bool> filter) => free.Any(filter);

    public ResourcePoolRequest Request(Func<object, bool>? filter = null) =>
        Submit(new ResourcePoolRequest(Environment, this, NextSequence(), filter ?? Any));

    /// <summary>Every waiting request is tried in turn, not only the first: a request no free resource fits does not block the others.</summary>
    protected override void GrantWaiting()
    {
        for (var node = waiting.First; node is not null && free.Count > 0;)
        {
            var next = node.Next;
            var request = node.Value;
            int i = free.FindIndex(o => request.Filter(o));
            if (i >= 0)
            {
                var resource = free[i];
                free.RemoveAt(i);
                waiting.Remove(node);
                GrantTo(request, resource);
            }
            node = next;
        }
        UpdateLevels();
    }

    protected override void OnReleased(ResourcePoolRequest request) => free.Add(request.Value!);

    protected override void Enqueue(ResourcePoolRequest request) => waiting.AddLast(request);

    protected override ResourcePoolRequest? PeekWaiting() => waiting.First?.Value;

    protected override void DequeueWaiting() => waiting.RemoveFirst();

    protected override void Withdraw(ResourcePoolRequest request) => waiting.Remove(request);
}

/// <summary>A request for one resource of a pool that the filter accepts; its value is the resource granted.</summary>
public sealed class ResourcePoolRequest : Request
{
    internal ResourcePoolRequest(Simulation environment, IRequestOwner pool, long sequence, Func<object, bool> filter)
        : base(environment, pool, sequence)
    {
        Filter = filter;
    }

    public Func<object, bool> Filter { get; }
}

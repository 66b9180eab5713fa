namespace Simulator.Kernel;

/// <summary>
/// A pool of distinct resources (people, machines) taken by requests that may name a filter; a granted
/// request's value is the resource it got. Any waiting request that a free resource fits is served, in
/// the order the requests were made (SimSharp's <c>ResourcePool</c>). A released resource joins the end
/// of the free list, and waiting requests are served when the release event is processed.
/// </summary>
public class ResourcePool : IRequestOwner, IWatchedState
{
    private static readonly Func<object, bool> Any = _ => true;
    private readonly List<object> free;
    private readonly LinkedList<ResourcePoolRequest> waiting = new();
    private readonly Watchers watchers;
    private readonly Action<Event> grantWaiting;

    public ResourcePool(Simulation environment, IEnumerable<object> resources)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        ArgumentNullException.ThrowIfNull(resources);
        free = new List<object>(resources);
        if (free.Count == 0) throw new ArgumentException("There must be at least one resource.", nameof(resources));
        Capacity = free.Count;
        watchers = new Watchers(environment, this);
        grantWaiting = _ => GrantWaiting();
    }

    public Simulation Environment { get; }

    public int Capacity { get; }

    public int InUse => Capacity - Remaining;

    public int Remaining => free.Count;

    /// <summary>Requests waiting for a resource (SimSharp's <c>QueueLength</c> is the monitor below).</summary>
    public int WaitingCount => waiting.Count;

    public ITimeSeriesMonitor? Utilization { get; set; }

    public ITimeSeriesMonitor? WIP { get; set; }

    public ITimeSeriesMonitor? QueueLength { get; set; }

    public ISampleMonitor? LeadTime { get; set; }

    public ISampleMonitor? WaitingTime { get; set; }

    public ISampleMonitor? BreakOffTime { get; set; }

    public bool IsAvailable(Func<object, bool> filter) => free.Any(filter);

    public ResourcePoolRequest Request(Func<object, bool>? filter = null)
    {
        var request = new ResourcePoolRequest(Environment, this, filter ?? Any);
        if (Utilization is not null || WIP is not null || QueueLength is not null) request.AddCallback(_ => UpdateLevels());
        waiting.AddLast(request);
        GrantWaiting();
        return request;
    }

    public Release Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.State)
        {
            case RequestState.Waiting:
                request.MoveTo(RequestState.Withdrawn);
                waiting.Remove((ResourcePoolRequest)request);
                BreakOffTime?.Add(Since(request.Time));
                break;
            case RequestState.Granted:
                request.MoveTo(RequestState.Released);
                free.Add(request.Value!);
                LeadTime?.Add(Since(request.Time));
                break;
            default:
                throw new InvalidOperationException("The request has already been released or withdrawn.");
        }
        var release = new Release(Environment, request);
        release.AddCallback(grantWaiting);
        release.Succeed();
        if (request.State == RequestState.Released) watchers.Notify();
        UpdateLevels();
        return release;
    }

    public Event WhenAny() => watchers.WhenAny();

    public Event WhenFull() => watchers.WhenFull();

    public Event WhenEmpty() => watchers.WhenEmpty();

    public Event WhenChange() => watchers.WhenChange();

    bool IWatchedState.HasAny => Remaining > 0;

    bool IWatchedState.IsFull => InUse == 0;

    bool IWatchedState.IsEmpty => Remaining == 0;

    private void GrantWaiting()
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
                WaitingTime?.Add(Since(request.Time));
                request.Grant(resource);
                watchers.Notify();
            }
            node = next;
        }
        UpdateLevels();
    }

    private double Since(DateTime since) => Environment.ToDouble(Environment.Now - since);

    private void UpdateLevels()
    {
        Utilization?.UpdateTo(InUse / (double)Capacity);
        WIP?.UpdateTo(InUse + waiting.Count);
        QueueLength?.UpdateTo(waiting.Count);
    }
}

/// <summary>A request for one resource of a pool that the filter accepts; its value is the resource granted.</summary>
public sealed class ResourcePoolRequest : Request
{
    internal ResourcePoolRequest(Simulation environment, IRequestOwner pool, Func<object, bool> filter)
        : base(environment, pool, 0)
    {
        Filter = filter;
    }

    public Func<object, bool> Filter { get; }
}

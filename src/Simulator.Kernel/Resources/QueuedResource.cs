namespace Simulator.Kernel;

/// <summary>
/// What <see cref="Resource"/>, <see cref="PriorityResource"/> and <see cref="PreemptiveResource"/>
/// share: a fixed number of anonymous units, a waiting line whose order the subclass defines, grants
/// made inside <c>Request()</c> when a unit is free, and immediate releases that hand the unit to the
/// head of the line. A process that releases and requests again therefore queues behind those waiting.
/// </summary>
public abstract class QueuedResource<TRequest> : IRequestOwner, IWatchedState where TRequest : Request
{
    private readonly Watchers watchers;
    private long sequence;

    protected QueuedResource(Simulation environment, int capacity)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A resource needs a capacity of at least 1.");
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        Capacity = capacity;
        watchers = new Watchers(environment, this);
    }

    public Simulation Environment { get; }

    public int Capacity { get; }

    public int InUse { get; private set; }

    public int Remaining => Capacity - InUse;

    /// <summary>Requests waiting for a unit.</summary>
    public abstract int QueueLength { get; }

    /// <summary>Triggers when at least one unit is free.</summary>
    public Event WhenAny() => watchers.WhenAny();

    /// <summary>Triggers when every unit is free (SimSharp's meaning of full: full of free units).</summary>
    public Event WhenFull() => watchers.WhenFull();

    /// <summary>Triggers when no unit is free.</summary>
    public Event WhenEmpty() => watchers.WhenEmpty();

    /// <summary>Triggers at the next grant or release.</summary>
    public Event WhenChange() => watchers.WhenChange();

    bool IWatchedState.HasAny => Remaining > 0;

    bool IWatchedState.IsFull => InUse == 0;

    bool IWatchedState.IsEmpty => Remaining == 0;

    public Release Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var release = new Release(Environment, request);
        switch (request.State)
        {
            case RequestState.Waiting:
                request.MoveTo(RequestState.Withdrawn);
                Withdraw((TRequest)request);
                break;
            case RequestState.Granted:
                request.MoveTo(RequestState.Released);
                InUse--;
                OnReleased((TRequest)request);
                break;
            case RequestState.Preempted:
                break; // the unit was already taken away; giving it back is a no-op
            default:
                throw new InvalidOperationException("The request has already been released or withdrawn.");
        }
        release.Succeed();
        if (request.State == RequestState.Released)
        {
            watchers.Notify();
            GrantWaiting();
        }
        return release;
    }

    /// <summary>Queues a new request and grants what can be granted.</summary>
    protected TRequest Submit(TRequest request)
    {
        Enqueue(request);
        GrantWaiting();
        return request;
    }

    protected long NextSequence() => sequence++;

    protected abstract void Enqueue(TRequest request);

    /// <summary>The request that is served next, skipping withdrawn ones, or null.</summary>
    protected abstract TRequest? PeekWaiting();

    protected abstract void DequeueWaiting();

    protected abstract void Withdraw(TRequest request);

    /// <summary>A hook for resources that may free a unit for a waiting request (preemption).</summary>
    protected virtual void MakeRoomFor(TRequest request) { }

    protected virtual void OnGranted(TRequest request) { }

    protected virtual void OnReleased(TRequest request) { }

    /// <summary>Takes a unit from a user without a release (preemption).</summary>
    protected void Revoke(TRequest user)
    {
        user.MoveTo(RequestState.Preempted);
        InUse--;
        OnReleased(user);
    }

    private void GrantWaiting()
    {
        while (PeekWaiting() is { } head)
        {
            if (InUse >= Capacity) MakeRoomFor(head);
            if (InUse >= Capacity) break;
            DequeueWaiting();
            InUse++;
            head.Grant();
            OnGranted(head);
            watchers.Notify();
        }
    }
}

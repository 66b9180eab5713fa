namespace Simulator.Kernel;

/// <summary>
/// What <see cref="Resource"/>, <see cref="PriorityResource"/> and <see cref="PreemptiveResource"/>
/// share, with SimSharp's event semantics: a request is granted inside <c>Request()</c> when a unit is
/// free; a release frees the unit at once (<see cref="InUse"/> drops) but hands it to the head of the
/// line only when the release event is processed. A process that releases and requests again at the
/// same instant therefore queues behind those already waiting.
/// </summary>
public abstract class QueuedResource<TRequest> : IRequestOwner, IWatchedState where TRequest : Request
{
    private readonly Watchers watchers;
    private readonly Action<Event> grantWaiting, updateLevels;
    private long sequence;

    protected QueuedResource(Simulation environment, int capacity)
    {
        if (capacity <= 0) throw new ArgumentException("A resource needs a capacity of at least 1.", nameof(capacity));
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        Capacity = capacity;
        watchers = new Watchers(environment, this);
        grantWaiting = _ => GrantWaiting();
        updateLevels = _ => UpdateLevels();
    }

    public Simulation Environment { get; }

    public int Capacity { get; }

    public int InUse { get; private set; }

    public int Remaining => Capacity - InUse;

    /// <summary>Requests waiting for a unit (SimSharp's <c>QueueLength</c> is the monitor below).</summary>
    public abstract int WaitingCount { get; }

    /// <summary>The waiting requests in the order they will be served, for subclasses (SimSharp's protected <c>RequestQueue</c>, read-only here).</summary>
    protected abstract IEnumerable<TRequest> RequestQueue { get; }

    /// <summary>Share of the units in use over time (SimSharp's monitor properties: set one to measure it).</summary>
    public ITimeSeriesMonitor? Utilization { get; set; }

    /// <summary>Units in use plus requests waiting.</summary>
    public ITimeSeriesMonitor? WIP { get; set; }

    /// <summary>Requests waiting.</summary>
    public ITimeSeriesMonitor? QueueLength { get; set; }

    /// <summary>From request to release, per request granted.</summary>
    public ISampleMonitor? LeadTime { get; set; }

    /// <summary>From request to grant.</summary>
    public ISampleMonitor? WaitingTime { get; set; }

    /// <summary>From request to withdrawal, per request withdrawn while waiting.</summary>
    public ISampleMonitor? BreakOffTime { get; set; }

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

    /// <summary>
    /// Gives the unit back (or withdraws a waiting request, or closes a preempted one). The release event
    /// succeeds now; waiting requests are granted when it is processed.
    /// </summary>
    public Release Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.State)
        {
            case RequestState.Waiting:
                request.MoveTo(RequestState.Withdrawn);
                Withdraw((TRequest)request);
                BreakOffTime?.Add(Since(request.Time));
                break;
            case RequestState.Granted:
                request.MoveTo(RequestState.Released);
                InUse--;
                OnReleased((TRequest)request);
                LeadTime?.Add(Since(request.Time));
                break;
            case RequestState.Preempted:
                request.MoveTo(RequestState.Released); // the unit was taken away already
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

    /// <summary>Queues a new request and grants what can be granted now.</summary>
    protected TRequest Submit(TRequest request)
    {
        // SimSharp samples the levels again when each request is processed; only then is the callback worth its cost.
        if (Utilization is not null || WIP is not null || QueueLength is not null) request.AddCallback(updateLevels);
        Enqueue(request);
        GrantWaiting();
        return request;
    }

    /// <summary>Default steps from <paramref name="since"/> to now.</summary>
    protected double Since(DateTime since) => Environment.ToDouble(Environment.Now - since);

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

    /// <summary>Takes a unit from a user without a release (preemption); disposing the request later issues a release event.</summary>
    protected void Revoke(TRequest user)
    {
        user.MoveTo(RequestState.Preempted);
        InUse--;
        OnReleased(user);
    }

    /// <summary>Grants what can be granted now. Here only the head of the line is considered, as in SimSharp: a head that cannot be served blocks the others.</summary>
    protected virtual void GrantWaiting()
    {
        while (PeekWaiting() is { } head)
        {
            if (InUse >= Capacity) MakeRoomFor(head);
            if (InUse >= Capacity) break;
            DequeueWaiting();
            GrantTo(head);
        }
        UpdateLevels();
    }

    /// <summary>Gives a unit to a request already taken off the line; <paramref name="value"/> becomes the request's value.</summary>
    protected void GrantTo(TRequest request, object? value = null)
    {
        InUse++;
        WaitingTime?.Add(Since(request.Time));
        request.Grant(value);
        OnGranted(request);
        watchers.Notify();
    }

    protected void UpdateLevels()
    {
        Utilization?.UpdateTo(InUse / (double)Capacity);
        WIP?.UpdateTo(InUse + WaitingCount);
        QueueLength?.UpdateTo(WaitingCount);
    }
}

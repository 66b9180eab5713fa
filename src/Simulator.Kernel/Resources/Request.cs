namespace Simulator.Kernel;

/// <summary>
/// A request for one unit of a resource. It succeeds when the unit is granted; disposing it (the
/// <c>using</c> pattern) releases a granted unit or withdraws a request still waiting (reneging).
/// </summary>
public class Request : Event, IDisposable
{
    private readonly IRequestOwner resource;

    internal Request(Simulation environment, IRequestOwner resource, long sequence)
        : base(environment)
    {
        this.resource = resource;
        Sequence = sequence;
        Owner = environment.ActiveProcess;
        Time = environment.Now;
    }

    /// <summary>The process that issued the request (the one preempted if it loses the unit).</summary>
    public Process? Owner { get; }

    /// <summary>When the request was issued.</summary>
    public DateTime Time { get; }

    internal long Sequence { get; }

    internal RequestState State { get; private set; }

    /// <summary>True once a preemptive request of higher priority took the unit away.</summary>
    public bool IsPreempted { get; private set; }

    internal void Grant(object? value = null)
    {
        State = RequestState.Granted;
        Succeed(value);
    }

    internal void MoveTo(RequestState state)
    {
        if (state == RequestState.Preempted) IsPreempted = true;
        State = state;
    }

    /// <summary>Releases a granted unit, withdraws a waiting request, or closes a preempted one (each issues a release event); a second dispose does nothing.</summary>
    public virtual void Dispose()
    {
        if (State is RequestState.Waiting or RequestState.Granted or RequestState.Preempted) resource.Release(this);
    }
}

internal enum RequestState : byte { Waiting, Granted, Released, Withdrawn, Preempted }

internal interface IRequestOwner
{
    Release Release(Request request);
}

/// <summary>Succeeds when a unit has been given back (or a waiting request withdrawn).</summary>
public sealed class Release : Event
{
    internal Release(Simulation environment, Request request) : base(environment)
    {
        Request = request;
    }

    public Request Request { get; }
}

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
        TimeD = environment.NowD;
    }

    /// <summary>The process that issued the request (the one preempted if it loses the unit).</summary>
    public Process? Owner { get; }

    /// <summary>When the request was issued, in seconds.</summary>
    public double TimeD { get; }

    public DateTime Time => Environment.StartDate + TimeSpan.FromSeconds(TimeD);

    /// <summary>When the unit was granted, in seconds (NaN while waiting).</summary>
    public double GrantedAtD { get; private set; } = double.NaN;

    internal long Sequence { get; }

    internal RequestState State { get; private set; }

    /// <summary>True once a preemptive request of higher priority took the unit away.</summary>
    public bool IsPreempted => State == RequestState.Preempted;

    internal void Grant()
    {
        State = RequestState.Granted;
        GrantedAtD = Environment.NowD;
        Succeed();
    }

    internal void MoveTo(RequestState state) => State = state;

    public void Dispose()
    {
        if (State is RequestState.Waiting or RequestState.Granted) resource.Release(this);
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

namespace Simulator.Kernel;

/// <summary>
/// A priority resource where a request made with <c>preempt: true</c> takes the unit of the user that
/// ranks last (priority, then issue time) when it ranks strictly after the request. The preempted
/// owner is interrupted with a <see cref="Preempted"/> cause, delivered through
/// <see cref="Process.HandleFault"/>; its request is then finished and releasing it is a no-op.
/// </summary>
public class PreemptiveResource : QueuedResource<PreemptiveRequest>
{
    private readonly PriorityLine line = new();
    private readonly List<PreemptiveRequest> users = new();

    public PreemptiveResource(Simulation environment, int capacity = 1) : base(environment, capacity) { }

    public override int WaitingCount => line.Count;

    protected override IEnumerable<PreemptiveRequest> RequestQueue => line.InOrder();

    public IReadOnlyList<PreemptiveRequest> Users => users;

    /// <summary>From request to grant, per request that preempted another.</summary>
    public ISampleMonitor? InterruptTime { get; set; }

    public PreemptiveRequest Request(double priority = 1, bool preempt = false) =>
        Submit(new PreemptiveRequest(Environment, this, NextSequence(), priority, preempt));

    protected override void Enqueue(PreemptiveRequest request) => line.Enqueue(request);

    protected override PreemptiveRequest? PeekWaiting() => line.Peek();

    protected override void DequeueWaiting() => line.Dequeue();

    protected override void Withdraw(PreemptiveRequest request) => line.MarkWithdrawn();

    protected override void OnGranted(PreemptiveRequest request) => users.Add(request);

    protected override void OnReleased(PreemptiveRequest request) => users.Remove(request);

    protected override void MakeRoomFor(PreemptiveRequest request)
    {
        if (!request.Preempt || users.Count == 0) return;
        var victim = users[0];
        for (int i = 1; i < users.Count; i++)
            if (PreemptiveRequest.Compare(users[i], victim) > 0) victim = users[i];
        if (PreemptiveRequest.Compare(victim, request) <= 0) return;
        InterruptTime?.Add(Since(request.Time));
        Revoke(victim);
        // As SimSharp: UsageSince is when the victim's request was issued.
        victim.Owner?.Interrupt(new Preempted(request.Owner, victim.Time));
    }
}

namespace Simulator.Kernel;

/// <summary>
/// A priority resource where a request made with <c>preempt: true</c> takes the unit of the user that
/// ranks last (priority, then issue time) when it ranks strictly after the request. The preempted
/// owner is interrupted with a <see cref="Preempted"/> cause, delivered through
/// <see cref="Process.HandleFault"/>; its request is then finished and releasing it is a no-op.
/// </summary>
public class PreemptiveResource : QueuedResource<PriorityRequest>
{
    private readonly PriorityLine line = new();
    private readonly List<PriorityRequest> users = new();

    public PreemptiveResource(Simulation environment, int capacity = 1) : base(environment, capacity) { }

    public override int QueueLength => line.Count;

    public IReadOnlyList<PriorityRequest> Users => users;

    public PriorityRequest Request(double priority = 1, bool preempt = false) =>
        Submit(new PriorityRequest(Environment, this, NextSequence(), priority, preempt));

    protected override void Enqueue(PriorityRequest request) => line.Enqueue(request);

    protected override PriorityRequest? PeekWaiting() => line.Peek();

    protected override void DequeueWaiting() => line.Dequeue();

    protected override void Withdraw(PriorityRequest request) => line.MarkWithdrawn();

    protected override void OnGranted(PriorityRequest request) => users.Add(request);

    protected override void OnReleased(PriorityRequest request) => users.Remove(request);

    protected override void MakeRoomFor(PriorityRequest request)
    {
        if (!request.Preempt || users.Count == 0) return;
        var victim = users[0];
        for (int i = 1; i < users.Count; i++)
            if (PriorityRequest.Compare(users[i], victim) > 0) victim = users[i];
        if (PriorityRequest.Compare(victim, request) <= 0) return;
        Revoke(victim);
        victim.Owner?.Interrupt(new Preempted(request.Owner, Environment.StartDate + TimeSpan.FromSeconds(victim.GrantedAtD)));
    }
}

namespace Simulator.Kernel;

/// <summary>A resource that serves waiting requests by priority (smaller first), FIFO among equals.</summary>
public class PriorityResource : QueuedResource<PreemptiveRequest>
{
    private readonly PriorityLine line = new();

    public PriorityResource(Simulation environment, int capacity = 1) : base(environment, capacity) { }

    public override int WaitingCount => line.Count;

    protected override IEnumerable<PreemptiveRequest> RequestQueue => line.InOrder();

    public PreemptiveRequest Request(double priority = 1) => Submit(new PreemptiveRequest(Environment, this, NextSequence(), priority, false));

    protected override void Enqueue(PreemptiveRequest request) => line.Enqueue(request);

    protected override PreemptiveRequest? PeekWaiting() => line.Peek();

    protected override void DequeueWaiting() => line.Dequeue();

    protected override void Withdraw(PreemptiveRequest request) => line.MarkWithdrawn();
}

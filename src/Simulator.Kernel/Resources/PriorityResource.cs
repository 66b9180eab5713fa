namespace Simulator.Kernel;

/// <summary>A resource that serves waiting requests by priority (smaller first), FIFO among equals.</summary>
public class PriorityResource : QueuedResource<PriorityRequest>
{
    private readonly PriorityLine line = new();

    public PriorityResource(Simulation environment, int capacity = 1) : base(environment, capacity) { }

    public override int QueueLength => line.Count;

    public PriorityRequest Request(double priority = 1) => Submit(new PriorityRequest(Environment, this, NextSequence(), priority, false));

    protected override void Enqueue(PriorityRequest request) => line.Enqueue(request);

    protected override PriorityRequest? PeekWaiting() => line.Peek();

    protected override void DequeueWaiting() => line.Dequeue();

    protected override void Withdraw(PriorityRequest request) => line.MarkWithdrawn();
}

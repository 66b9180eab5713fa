namespace Simulator.Kernel;

/// <summary>A resource whose waiting requests are served first come, first served.</summary>
public class Resource : QueuedResource<Request>
{
    private readonly Queue<Request> waiting = new();
    private int withdrawn;

    public Resource(Simulation environment, int capacity = 1) : base(environment, capacity) { }

    public override int WaitingCount => waiting.Count - withdrawn;

    protected override IEnumerable<Request> RequestQueue => waiting.Where(r => r.State == RequestState.Waiting);

    public Request Request() => Submit(new Request(Environment, this, NextSequence()));

    protected override void Enqueue(Request request) => waiting.Enqueue(request);

    protected override Request? PeekWaiting()
    {
        // Withdrawn requests stay in the queue until they reach its head: reneging costs O(1).
        while (waiting.TryPeek(out var head))
        {
            if (head.State == RequestState.Waiting) return head;
            waiting.Dequeue();
            withdrawn--;
        }
        return null;
    }

    protected override void DequeueWaiting() => waiting.Dequeue();

    protected override void Withdraw(Request request) => withdrawn++;
}

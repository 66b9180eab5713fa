namespace Simulator.Kernel;

/// <summary>A request with a priority (smaller is served first) and, for a preemptive resource, the wish to preempt.</summary>
public sealed class PreemptiveRequest : Request
{
    internal PreemptiveRequest(Simulation environment, IRequestOwner resource, long sequence, double priority, bool preempt)
        : base(environment, resource, sequence)
    {
        if (double.IsNaN(priority)) throw new ArgumentOutOfRangeException(nameof(priority), "A priority cannot be NaN.");
        Priority = priority;
        Preempt = preempt;
    }

    public double Priority { get; }

    public bool Preempt { get; }

    /// <summary>Order of service: priority, then issue time, then preempting before not, then FIFO.</summary>
    internal static int Compare(PreemptiveRequest a, PreemptiveRequest b)
    {
        int c = a.Priority.CompareTo(b.Priority);
        if (c != 0) return c;
        c = a.Time.CompareTo(b.Time);
        if (c != 0) return c;
        c = b.Preempt.CompareTo(a.Preempt);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }
}

/// <summary>Orders waiting priority requests; withdrawn ones are dropped when they surface.</summary>
internal sealed class PriorityLine
{
    private static readonly Comparer<PreemptiveRequest> Order = Comparer<PreemptiveRequest>.Create(PreemptiveRequest.Compare);
    private readonly PriorityQueue<PreemptiveRequest, PreemptiveRequest> heap = new(Order);
    private int withdrawn;

    public int Count => heap.Count - withdrawn;

    public void Enqueue(PreemptiveRequest request) => heap.Enqueue(request, request);

    public PreemptiveRequest? Peek()
    {
        while (heap.TryPeek(out var head, out _))
        {
            if (head.State == RequestState.Waiting) return head;
            heap.Dequeue();
            withdrawn--;
        }
        return null;
    }

    public void Dequeue() => heap.Dequeue();

    public void MarkWithdrawn() => withdrawn++;

    /// <summary>The waiting requests in service order (a sorted copy: for inspection, not the hot path).</summary>
    public IEnumerable<PreemptiveRequest> InOrder() =>
        heap.UnorderedItems.Select(e => e.Element).Where(r => r.State == RequestState.Waiting).Order(Order).ToArray();
}

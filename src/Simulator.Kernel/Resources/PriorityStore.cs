namespace Simulator.Kernel;

/// <summary>A store whose items leave by priority (smaller first), in insertion order among equals.</summary>
public class PriorityStore : StoreBase
{
    private readonly PriorityQueue<object, (double Priority, long Sequence)> items = new();
    private long sequence;

    public PriorityStore(Simulation environment, int capacity = int.MaxValue) : base(environment, capacity) { }

    public override int Count => items.Count;

    public StorePut Put(object item, double priority = 1)
    {
        if (double.IsNaN(priority)) throw new ArgumentOutOfRangeException(nameof(priority), "A priority cannot be NaN.");
        return SubmitPut(new StorePut(Environment, this, item ?? throw new ArgumentNullException(nameof(item)), priority));
    }

    public StoreGet Get() => SubmitGet(new StoreGet(Environment, this));

    protected override void Accept(StorePut put) => items.Enqueue(put.Item, (put.Priority, sequence++));

    protected override object? TakeFor(StoreGet get) => items.Count > 0 ? items.Dequeue() : null;
}

namespace Simulator.Kernel;

/// <summary>A store whose items leave by priority (smaller first), in insertion order among equals.</summary>
public class PriorityStore : StoreBase
{
    private readonly PriorityQueue<StoreItem, (double Priority, long Sequence)> items = new();
    private long sequence;

    public PriorityStore(Simulation environment, int capacity = int.MaxValue) : base(environment, capacity) { }

    public PriorityStore(Simulation environment, IEnumerable<object> items, IEnumerable<double> priorities, int capacity = int.MaxValue) : base(environment, capacity)
    {
        var all = items.ToArray();
        var ranks = priorities.ToArray();
        if (all.Length != ranks.Length) throw new ArgumentException($"{all.Length} items but {ranks.Length} priorities.", nameof(priorities));
        if (all.Length > capacity) throw new ArgumentException($"More initial items than the capacity {capacity}.", nameof(items));
        for (int i = 0; i < all.Length; i++)
        {
            if (double.IsNaN(ranks[i])) throw new ArgumentException("A priority cannot be NaN.", nameof(priorities));
            this.items.Enqueue(Admit(all[i]), (ranks[i], sequence++));
        }
    }

    public override int Count => items.Count;

    /// <summary>The items in the order they will leave (SimSharp's protected <c>Items</c>, read-only here).</summary>
    protected IEnumerable<StoreItem> Items => items.UnorderedItems.OrderBy(e => e.Priority).Select(e => e.Element).ToArray();

    public StorePut Put(object item, double priority = 1)
    {
        if (double.IsNaN(priority)) throw new ArgumentOutOfRangeException(nameof(priority), "A priority cannot be NaN.");
        return SubmitPut(new StorePut(Environment, this, item ?? throw new ArgumentNullException(nameof(item)), priority));
    }

    public StoreGet Get() => SubmitGet(new StoreGet(Environment, this));

    protected override void Accept(StoreItem item, StorePut put) => items.Enqueue(item, (put.Priority, sequence++));

    protected override StoreItem? TakeFor(StoreGet get) => items.Count > 0 ? items.Dequeue() : null;
}

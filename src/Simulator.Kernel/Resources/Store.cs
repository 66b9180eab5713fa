namespace Simulator.Kernel;

/// <summary>A store of items taken out in the order they were put in.</summary>
public class Store : StoreBase
{
    private readonly Queue<StoreItem> items = new();

    public Store(Simulation environment, int capacity = int.MaxValue) : base(environment, capacity) { }

    public Store(Simulation environment, IEnumerable<object> initial, int capacity = int.MaxValue) : base(environment, capacity)
    {
        foreach (var item in initial)
        {
            if (items.Count >= capacity) throw new ArgumentException($"More initial items than the capacity {capacity}.", nameof(initial));
            items.Enqueue(Admit(item));
        }
    }

    public override int Count => items.Count;

    public IEnumerable<object> Items => items.Select(i => i.Item);

    public StorePut Put(object item) => SubmitPut(new StorePut(Environment, this, item ?? throw new ArgumentNullException(nameof(item)), 0));

    public StoreGet Get() => SubmitGet(new StoreGet(Environment, this));

    protected override void Accept(StoreItem item, StorePut put) => items.Enqueue(item);

    protected override StoreItem? TakeFor(StoreGet get) => items.Count > 0 ? items.Dequeue() : null;
}

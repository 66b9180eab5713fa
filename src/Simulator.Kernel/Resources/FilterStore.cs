namespace Simulator.Kernel;

/// <summary>
/// A store whose gets name a filter. Waiting gets are tried in arrival order and each takes the oldest
/// item it accepts; a get that finds nothing does not block the gets behind it.
/// </summary>
public class FilterStore : StoreBase
{
    private readonly List<StoreItem> items = new();

    public FilterStore(Simulation environment, int capacity = int.MaxValue) : base(environment, capacity) { }

    public FilterStore(Simulation environment, IEnumerable<object> items, int capacity = int.MaxValue) : base(environment, capacity)
    {
        this.items.AddRange(items.Select(Admit));
        if (this.items.Count > capacity) throw new ArgumentException($"More initial items than the capacity {capacity}.", nameof(items));
    }

    /// <summary>Whether an item the filter accepts is in the store now.</summary>
    public bool IsAvailable(Func<object, bool> filter) => items.Any(i => filter(i.Item));

    public override int Count => items.Count;

    public IReadOnlyList<object> Items => items.Select(i => i.Item).ToArray();

    public StorePut Put(object item) => SubmitPut(new StorePut(Environment, this, item ?? throw new ArgumentNullException(nameof(item)), 0));

    /// <summary>Takes the first item <paramref name="filter"/> accepts (any item when null).</summary>
    public FilterStoreGet Get(Func<object, bool>? filter = null) => SubmitGet(new FilterStoreGet(Environment, this, filter ?? (_ => true)));

    protected override void Accept(StoreItem item, StorePut put) => items.Add(item);

    protected override bool GetsMayOvertake => true;

    protected override StoreItem? TakeFor(StoreGet get)
    {
        var filter = ((FilterStoreGet)get).Filter;
        int i = items.FindIndex(item => filter(item.Item));
        if (i < 0) return null;
        var item = items[i];
        items.RemoveAt(i);
        return item;
    }
}

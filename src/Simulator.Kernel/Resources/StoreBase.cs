namespace Simulator.Kernel;

/// <summary>
/// What the item stores share: a capacity, puts served first come, first served, gets matched to items
/// by the subclass (FIFO, by filter, or by item priority), and the watch events.
/// </summary>
public abstract class StoreBase : IWatchedState
{
    private readonly List<StorePut> puts = new();
    private readonly List<StoreGet> gets = new();
    private readonly Watchers watchers;

    protected StoreBase(Simulation environment, int capacity)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A store needs a capacity of at least 1.");
        Capacity = capacity;
        watchers = new Watchers(environment, this);
    }

    public Simulation Environment { get; }

    public int Capacity { get; }

    /// <summary>Items held.</summary>
    public abstract int Count { get; }

    public int PutQueueLength => puts.Count;

    public int GetQueueLength => gets.Count;

    public Event WhenAny() => watchers.WhenAny();

    public Event WhenFull() => watchers.WhenFull();

    public Event WhenEmpty() => watchers.WhenEmpty();

    public Event WhenChange() => watchers.WhenChange();

    bool IWatchedState.HasAny => Count > 0;

    bool IWatchedState.IsFull => Count >= Capacity;

    bool IWatchedState.IsEmpty => Count == 0;

    protected StorePut SubmitPut(StorePut put)
    {
        puts.Add(put);
        Settle();
        return put;
    }

    protected TGet SubmitGet<TGet>(TGet get) where TGet : StoreGet
    {
        gets.Add(get);
        Settle();
        return get;
    }

    internal void Withdraw(StorePut put)
    {
        if (puts.Remove(put)) Settle();
    }

    internal void Withdraw(StoreGet get)
    {
        if (gets.Remove(get)) Settle();
    }

    protected abstract void Accept(StorePut put);

    /// <summary>The item <paramref name="get"/> would take, removed from the store, or null when none fits.</summary>
    protected abstract object? TakeFor(StoreGet get);

    /// <summary>
    /// Serves waiting gets in arrival order. A get that finds nothing blocks those behind it unless
    /// <paramref name="skipBlocked"/>, which filtered gets need since the next one may want another item.
    /// </summary>
    private bool ServeGets(bool skipBlocked)
    {
        bool served = false;
        for (int g = 0; g < gets.Count && Count > 0;)
        {
            var item = TakeFor(gets[g]);
            if (item is null)
            {
                if (!skipBlocked) break;
                g++;
                continue;
            }
            var get = gets[g];
            gets.RemoveAt(g);
            get.Succeed(item);
            served = true;
        }
        return served;
    }

    /// <summary>Whether a get that finds no item lets later gets be served (true for filtered gets).</summary>
    protected virtual bool GetsMayOvertake => false;

    private void Settle()
    {
        bool moved;
        do
        {
            moved = false;
            while (puts.Count > 0 && Count < Capacity)
            {
                var put = puts[0];
                puts.RemoveAt(0);
                Accept(put);
                put.Succeed();
                moved = true;
            }
            if (ServeGets(GetsMayOvertake)) moved = true;
            if (moved) watchers.Notify();
        } while (moved);
    }
}

/// <summary>Succeeds when its item is in the store; disposing it while waiting withdraws it.</summary>
public sealed class StorePut : Event, IDisposable
{
    private readonly StoreBase store;

    internal StorePut(Simulation environment, StoreBase store, object item, double priority) : base(environment)
    {
        this.store = store;
        Item = item;
        Priority = priority;
    }

    public object Item { get; }

    /// <summary>The item's priority in a <see cref="PriorityStore"/> (smaller leaves first).</summary>
    public double Priority { get; }

    public void Dispose()
    {
        if (IsAlive) store.Withdraw(this);
    }
}

/// <summary>Succeeds with the item taken; disposing it while waiting withdraws it.</summary>
public class StoreGet : Event, IDisposable
{
    private readonly StoreBase store;

    internal StoreGet(Simulation environment, StoreBase store) : base(environment)
    {
        this.store = store;
    }

    public void Dispose()
    {
        if (IsAlive) store.Withdraw(this);
    }
}

/// <summary>A get that takes the first item the filter accepts.</summary>
public sealed class FilterStoreGet : StoreGet
{
    internal FilterStoreGet(Simulation environment, StoreBase store, Func<object, bool> filter) : base(environment, store)
    {
        Filter = filter;
    }

    public Func<object, bool> Filter { get; }
}

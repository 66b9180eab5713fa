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
    private readonly Action<Event> serveGets, acceptPuts;

    protected StoreBase(Simulation environment, int capacity)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        if (capacity <= 0) throw new ArgumentException("A store needs a capacity of at least 1.", nameof(capacity));
        Capacity = capacity;
        watchers = new Watchers(environment, this);
        serveGets = _ => ServeGets();
        acceptPuts = _ => AcceptPuts();
    }

    public Simulation Environment { get; }

    public int Capacity { get; }

    /// <summary>Items held.</summary>
    public abstract int Count { get; }

    /// <summary>Puts waiting for room (SimSharp's <c>PutQueueLength</c> is the monitor below).</summary>
    public int PutQueueCount => puts.Count;

    public int GetQueueCount => gets.Count;

    /// <summary>Puts waiting for room, oldest first (SimSharp's protected <c>PutQueue</c>, read-only here).</summary>
    protected IReadOnlyList<StorePut> PutQueue => puts;

    /// <summary>Gets waiting for an item, oldest first.</summary>
    protected IReadOnlyList<StoreGet> GetQueue => gets;

    /// <summary>Items held over capacity, over time (SimSharp's monitor properties: set one to measure it).</summary>
    public ITimeSeriesMonitor? Utilization { get; set; }

    /// <summary>Items held plus puts and gets waiting.</summary>
    public ITimeSeriesMonitor? WIP { get; set; }

    /// <summary>From an item's admission to its removal.</summary>
    public ISampleMonitor? LeadTime { get; set; }

    public ITimeSeriesMonitor? PutQueueLength { get; set; }

    public ISampleMonitor? PutWaitingTime { get; set; }

    public ITimeSeriesMonitor? GetQueueLength { get; set; }

    public ISampleMonitor? GetWaitingTime { get; set; }

    /// <summary>Triggers when the next item is put in.</summary>
    public Event WhenNew() => watchers.WhenNew();

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
        AcceptPuts();
        return put;
    }

    protected TGet SubmitGet<TGet>(TGet get) where TGet : StoreGet
    {
        gets.Add(get);
        ServeGets();
        return get;
    }

    internal void Withdraw(StorePut put) => puts.Remove(put);

    internal void Withdraw(StoreGet get) => gets.Remove(get);

    protected abstract void Accept(StoreItem item, StorePut put);

    /// <summary>The item <paramref name="get"/> would take, removed from the store, or null when none fits.</summary>
    protected abstract StoreItem? TakeFor(StoreGet get);

    /// <summary>An item admitted now (initial items and puts).</summary>
    protected StoreItem Admit(object item) => new() { Item = item, AdmissionDate = Environment.Now };

    /// <summary>Whether a get that finds no item lets later gets be served (true for filtered gets).</summary>
    protected virtual bool GetsMayOvertake => false;

    // SimSharp's hand-over: a put enters at once when there is room, and waiting gets are served when the
    // put event is processed; a get takes an item at once when one fits, and waiting puts enter when the
    // get event is processed.
    private void AcceptPuts()
    {
        bool moved = false;
        while (puts.Count > 0 && Count < Capacity)
        {
            var put = puts[0];
            puts.RemoveAt(0);
            PutWaitingTime?.Add(Environment.ToDouble(Environment.Now - put.Time));
            Accept(Admit(put.Item), put);
            put.AddCallback(serveGets);
            put.Succeed();
            moved = true;
        }
        if (moved)
        {
            watchers.NotifyNew();
            watchers.Notify();
        }
        Utilization?.UpdateTo(Count / (double)Capacity);
        WIP?.UpdateTo(Count + puts.Count + gets.Count);
        PutQueueLength?.UpdateTo(puts.Count);
    }

    /// <summary>Serves waiting gets in arrival order; a get that finds nothing blocks those behind it unless gets may overtake.</summary>
    private void ServeGets()
    {
        bool moved = false;
        for (int g = 0; g < gets.Count && Count > 0;)
        {
            if (TakeFor(gets[g]) is not { } item)
            {
                if (!GetsMayOvertake) break;
                g++;
                continue;
            }
            var get = gets[g];
            gets.RemoveAt(g);
            GetWaitingTime?.Add(Environment.ToDouble(Environment.Now - get.Time));
            LeadTime?.Add(Environment.ToDouble(Environment.Now - item.AdmissionDate));
            get.AddCallback(acceptPuts);
            get.Succeed(item.Item);
            moved = true;
        }
        if (moved) watchers.Notify();
        Utilization?.UpdateTo(Count / (double)Capacity);
        WIP?.UpdateTo(Count + puts.Count + gets.Count);
        GetQueueLength?.UpdateTo(gets.Count);
    }
}

/// <summary>Succeeds when its item is in the store; disposing it while waiting withdraws it.</summary>
public sealed class StorePut : Event, IDisposable
{
    private readonly StoreBase store;

    internal StorePut(Simulation environment, StoreBase store, object item, double priority) : base(environment)
    {
        Time = environment.Now;
        Owner = environment.ActiveProcess;
        this.store = store;
        Item = item;
        Priority = priority;
    }

    public object Item { get; }

    /// <summary>When the put was issued.</summary>
    public DateTime Time { get; }

    public Process? Owner { get; }

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

    /// <summary>When the get was issued.</summary>
    public DateTime Time { get; }

    public Process? Owner { get; }

    internal StoreGet(Simulation environment, StoreBase store) : base(environment)
    {
        Time = environment.Now;
        Owner = environment.ActiveProcess;
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

/// <summary>An item in a store with the date it was admitted (for lead times).</summary>
public struct StoreItem
{
    public DateTime AdmissionDate;
    public object Item;
}

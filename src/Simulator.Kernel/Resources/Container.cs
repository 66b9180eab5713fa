namespace Simulator.Kernel;

/// <summary>
/// A continuous level between 0 and a capacity. Puts wait while the amount does not fit, gets while
/// the level is short; both are served first come, first served (a blocked head blocks those behind it).
/// </summary>
public class Container : IWatchedState
{
    private readonly List<ContainerPut> puts = new();
    private readonly List<ContainerGet> gets = new();
    private readonly Watchers watchers;

    public Container(Simulation environment, double capacity = double.MaxValue, double initial = 0)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        if (!(capacity > 0)) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A container needs a positive capacity.");
        if (!(initial >= 0 && initial <= capacity)) throw new ArgumentOutOfRangeException(nameof(initial), initial, $"The initial level must lie in [0, {capacity}].");
        Capacity = capacity;
        Level = initial;
        watchers = new Watchers(environment, this);
    }

    public Simulation Environment { get; }

    public double Capacity { get; }

    public double Level { get; private set; }

    public int PutQueueLength => puts.Count;

    public int GetQueueLength => gets.Count;

    public ContainerPut Put(double amount)
    {
        CheckAmount(amount);
        var put = new ContainerPut(Environment, this, amount);
        puts.Add(put);
        Settle();
        return put;
    }

    public ContainerGet Get(double amount)
    {
        CheckAmount(amount);
        var get = new ContainerGet(Environment, this, amount);
        gets.Add(get);
        Settle();
        return get;
    }

    /// <summary>Triggers when the level is above zero.</summary>
    public Event WhenAny() => watchers.WhenAny();

    public Event WhenFull() => watchers.WhenFull();

    public Event WhenEmpty() => watchers.WhenEmpty();

    /// <summary>Triggers at the next change of the level.</summary>
    public Event WhenChange() => watchers.WhenChange();

    bool IWatchedState.HasAny => Level > 0;

    bool IWatchedState.IsFull => Level >= Capacity;

    bool IWatchedState.IsEmpty => Level <= 0;

    internal void Withdraw(ContainerEvent waiting)
    {
        bool removed = waiting is ContainerPut put ? puts.Remove(put) : gets.Remove((ContainerGet)waiting);
        if (removed) Settle();
    }

    private void CheckAmount(double amount)
    {
        if (!(amount > 0)) throw new ArgumentOutOfRangeException(nameof(amount), amount, "Amounts put or got must be positive.");
        if (amount > Capacity) throw new ArgumentOutOfRangeException(nameof(amount), amount, $"The amount exceeds the container's capacity {Capacity}.");
    }

    // Alternates between the two lines until neither can move, so a put can unblock a get and back.
    private void Settle()
    {
        bool moved;
        do
        {
            moved = false;
            while (puts.Count > 0 && Capacity - Level >= puts[0].Amount)
            {
                var put = puts[0];
                puts.RemoveAt(0);
                Level += put.Amount;
                put.Succeed();
                moved = true;
            }
            while (gets.Count > 0 && Level >= gets[0].Amount)
            {
                var get = gets[0];
                gets.RemoveAt(0);
                Level -= get.Amount;
                get.Succeed(get.Amount);
                moved = true;
            }
            if (moved) watchers.Notify();
        } while (moved);
    }
}

/// <summary>A put or get of an amount; disposing it while it waits withdraws it.</summary>
public abstract class ContainerEvent : Event, IDisposable
{
    private readonly Container container;

    private protected ContainerEvent(Simulation environment, Container container, double amount) : base(environment)
    {
        this.container = container;
        Amount = amount;
    }

    public double Amount { get; }

    public void Dispose()
    {
        if (IsAlive) container.Withdraw(this);
    }
}

/// <summary>Succeeds when its amount has been added.</summary>
public sealed class ContainerPut : ContainerEvent
{
    internal ContainerPut(Simulation environment, Container container, double amount) : base(environment, container, amount) { }
}

/// <summary>Succeeds, with its amount as value, when the amount has been taken.</summary>
public sealed class ContainerGet : ContainerEvent
{
    internal ContainerGet(Simulation environment, Container container, double amount) : base(environment, container, amount) { }
}

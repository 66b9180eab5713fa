namespace Simulator.Kernel;

/// <summary>
/// A continuous level between 0 and a capacity. Puts wait while the amount does not fit, gets while the
/// level is short; both are served first come, first served (a blocked head blocks those behind it).
/// As in SimSharp, a put enters at once when it fits and waiting gets are served when the put event is
/// processed (and the other way round).
/// </summary>
public class Container
{
    private readonly List<ContainerPut> puts = new();
    private readonly List<ContainerGet> gets = new();
    private readonly List<(double Level, Event Event)> atLeast = new(), atMost = new();
    private readonly Action<Event> serveGets, acceptPuts;
    private List<Event>? change;

    public Container(Simulation environment, double capacity = double.MaxValue, double initial = 0)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        if (!(capacity > 0)) throw new ArgumentException("A container needs a positive capacity.", nameof(capacity));
        if (!(initial >= 0)) throw new ArgumentException("The initial level must be >= 0.", nameof(initial));
        if (initial > capacity) throw new ArgumentException($"The initial level must be <= the capacity {capacity}.", nameof(initial));
        Capacity = capacity;
        Level = initial;
        serveGets = _ => ServeGets();
        acceptPuts = _ => AcceptPuts();
    }

    public Simulation Environment { get; }

    public double Capacity { get; }

    public double Level { get; private set; }

    /// <summary>Puts waiting for room (SimSharp's <c>PutQueueLength</c> is the monitor below).</summary>
    public int PutQueueCount => puts.Count;

    public int GetQueueCount => gets.Count;

    /// <summary>Puts waiting for room, oldest first (SimSharp's protected <c>PutQueue</c>, read-only here).</summary>
    protected IReadOnlyList<ContainerPut> PutQueue => puts;

    protected IReadOnlyList<ContainerGet> GetQueue => gets;

    /// <summary>Level over capacity over time (SimSharp's monitor properties: set one to measure it).</summary>
    public ITimeSeriesMonitor? Fillrate { get; set; }

    public ITimeSeriesMonitor? PutQueueLength { get; set; }

    public ISampleMonitor? PutWaitingTime { get; set; }

    public ITimeSeriesMonitor? GetQueueLength { get; set; }

    public ISampleMonitor? GetWaitingTime { get; set; }

    public ContainerPut Put(double amount)
    {
        CheckAmount(amount);
        var put = new ContainerPut(Environment, this, amount);
        puts.Add(put);
        AcceptPuts();
        return put;
    }

    public ContainerGet Get(double amount)
    {
        CheckAmount(amount);
        var get = new ContainerGet(Environment, this, amount);
        gets.Add(get);
        ServeGets();
        return get;
    }

    /// <summary>Triggers once the level is at least <paramref name="level"/> (at once if it is now).</summary>
    public Event WhenAtLeast(double level) => Watch(atLeast, level, Level >= level);

    /// <summary>Triggers once the level is at most <paramref name="level"/> (at once if it is now).</summary>
    public Event WhenAtMost(double level) => Watch(atMost, level, Level <= level);

    public Event WhenFull() => WhenAtLeast(Capacity);

    public Event WhenEmpty() => WhenAtMost(0);

    /// <summary>Triggers at the next change of the level.</summary>
    public Event WhenChange()
    {
        var ev = new Event(Environment);
        (change ??= new List<Event>()).Add(ev);
        return ev;
    }

    /// <summary>Reneging (not in SimSharp, whose container events are not disposable): the line behind moves up at once.</summary>
    internal void Withdraw(ContainerEvent waiting)
    {
        if (waiting is ContainerPut put)
        {
            if (puts.Remove(put)) AcceptPuts();
        }
        else if (gets.Remove((ContainerGet)waiting)) ServeGets();
    }

    private void CheckAmount(double amount)
    {
        if (!(amount >= 0)) throw new ArgumentException("Amounts put or got must be >= 0.", nameof(amount));
        if (amount > Capacity) throw new ArgumentException($"The amount exceeds the container's capacity {Capacity}.", nameof(amount));
    }

    private Event Watch(List<(double Level, Event Event)> line, double level, bool holds)
    {
        var ev = new Event(Environment);
        if (holds) ev.Succeed();
        else line.Add((level, ev));
        return ev;
    }

    private void AcceptPuts()
    {
        bool moved = false;
        while (puts.Count > 0 && Capacity - Level >= puts[0].Amount)
        {
            var put = puts[0];
            puts.RemoveAt(0);
            PutWaitingTime?.Add(Environment.ToDouble(Environment.Now - put.Time));
            Level += put.Amount;
            put.AddCallback(serveGets);
            put.Succeed();
            moved = true;
        }
        if (moved) Changed();
        Fillrate?.UpdateTo(Level / Capacity);
        PutQueueLength?.UpdateTo(puts.Count);
    }

    private void ServeGets()
    {
        bool moved = false;
        while (gets.Count > 0 && Level >= gets[0].Amount)
        {
            var get = gets[0];
            gets.RemoveAt(0);
            GetWaitingTime?.Add(Environment.ToDouble(Environment.Now - get.Time));
            Level -= get.Amount;
            get.AddCallback(acceptPuts);
            get.Succeed();
            moved = true;
        }
        if (moved) Changed();
        Fillrate?.UpdateTo(Level / Capacity);
        GetQueueLength?.UpdateTo(gets.Count);
    }

    private void Changed()
    {
        Fire(atLeast, Level, above: true);
        Fire(atMost, Level, above: false);
        if (change is { } waiting)
        {
            change = null;
            foreach (var ev in waiting) ev.Succeed();
        }
    }

    // Without a closure per change: every put and get passes here.
    private static void Fire(List<(double Level, Event Event)> line, double level, bool above)
    {
        for (int i = 0; i < line.Count;)
        {
            if (above ? level < line[i].Level : level > line[i].Level)
            {
                i++;
                continue;
            }
            var ev = line[i].Event;
            line.RemoveAt(i);
            ev.Succeed();
        }
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
        Time = environment.Now;
        Owner = environment.ActiveProcess;
    }

    public double Amount { get; }

    /// <summary>When the put or get was issued.</summary>
    public DateTime Time { get; }

    public Process? Owner { get; }

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

/// <summary>Succeeds when its amount has been taken.</summary>
public sealed class ContainerGet : ContainerEvent
{
    internal ContainerGet(Simulation environment, Container container, double amount) : base(environment, container, amount) { }
}

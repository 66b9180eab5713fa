namespace Simulator.Kernel;

/// <summary>
/// The simulation environment: the clock, the future event list and the loop that processes it.
/// Its public surface follows SimSharp 3.4's <c>Simulation</c> so a SimSharp model ports by changing
/// its <c>using</c>.
/// </summary>
/// <remarks>
/// The clock counts whole ticks of 100 ns, as SimSharp's <see cref="DateTime"/> clock does: every delay
/// is converted once, by <see cref="TimeSpan.FromSeconds(double)"/> as in SimSharp, and sums of ticks are
/// exact, so ten <c>TimeoutD(0.1)</c> end at exactly 1 s and a long run does not drift. The D members
/// count in default steps (one second unless the constructor says otherwise).
/// </remarks>
public partial class Simulation
{
    /// <summary>The start date used when none is given (SimSharp's default).</summary>
    public static readonly DateTime DefaultStartDate = new(1970, 1, 1);

    private EventQueue queue = new();
    private long nowTicks;
    private volatile bool stopRequested;
    private Event? watchedStop;

    // Set by ThreadSafeSimulation: every access to the queue then takes this lock, so events can be
    // triggered from other threads while the loop runs.
    private protected object? syncRoot;

    // Set by PseudoRealtimeSimulation, whose clock also moves between events and which must hear of
    // every event scheduled ahead of the one it waits for.
    private protected bool wallClock;

    public Simulation() : this(DefaultStartDate) { }

    public Simulation(TimeSpan? defaultStep) : this(DefaultStartDate, defaultStep) { }

    public Simulation(int randomSeed, TimeSpan? defaultStep = null) : this(DefaultStartDate, randomSeed, defaultStep) { }

    /// <summary>Without a seed the stream is seeded with 0: unlike SimSharp's time-based seed, a run is reproducible unless asked otherwise.</summary>
    public Simulation(DateTime initialDateTime, TimeSpan? defaultStep = null) : this(new PcgRandom(0), initialDateTime, defaultStep) { }

    public Simulation(DateTime initialDateTime, int randomSeed, TimeSpan? defaultStep = null) : this(new PcgRandom(randomSeed), initialDateTime, defaultStep) { }

    public Simulation(IRandom random, DateTime initialDateTime, TimeSpan? defaultStep = null)
    {
        Random = random ?? throw new ArgumentNullException(nameof(random));
        DefaultTimeStepSeconds = (defaultStep ?? TimeSpan.FromSeconds(1)).Duration().TotalSeconds;
        if (DefaultTimeStepSeconds <= 0) throw new ArgumentException("The default step must not be zero.", nameof(defaultStep));
        StartDate = initialDateTime;
    }

    /// <summary>How many seconds one unit of the D members is.</summary>
    protected double DefaultTimeStepSeconds { get; }

    public DateTime StartDate { get; protected set; }

    /// <summary>Current time in default steps since <see cref="StartDate"/>.</summary>
    public double NowD => (wallClock ? (Now - StartDate).Ticks : nowTicks) / (double)TimeSpan.TicksPerSecond / DefaultTimeStepSeconds;

    public virtual DateTime Now => StartDate.AddTicks(nowTicks);

    /// <summary>Events processed so far (the stop event of a run is not counted). A long, where SimSharp has an int: at this kernel's speed an int overflows within minutes.</summary>
    public long ProcessedEvents { get; protected set; }

    /// <summary>The process whose iterator is running, or null between process steps.</summary>
    public Process? ActiveProcess { get; set; }

    /// <summary>The generator behind the <c>Rand</c> members; seeded by the constructor, never shared.</summary>
    protected IRandom Random { get; set; }

    /// <summary>Where <see cref="Log"/> writes; Console.Out unless replaced, nothing when null.</summary>
    public TextWriter? Logger { get; set; } = Console.Out;

    public event EventHandler? RunStarted;

    public event EventHandler? RunFinished;

    public Process Process(IEnumerable<Event> generator, int priority = 0) => new(this, generator, priority);

    public Timeout Timeout(TimeSpan delay, int priority = 0) => new(this, delay, priority: priority);

    public Timeout TimeoutD(double delay, int priority = 0) =>
        DelayTicks(delay) is { } ticks ? new Timeout(this, priority, ticks) : Timeout(ToTimeSpan(delay), priority);

    public double ToDouble(TimeSpan span) => span.TotalSeconds / DefaultTimeStepSeconds;

    /// <summary>
    /// Default steps as a duration, truncated to ticks as SimSharp truncates them, except that a value
    /// within a relative 9e-16 (a few ulps) below a whole tick is that tick: 553.823689 s is 5,538,236,890
    /// ticks here, one more than SimSharp's, so decimal delays add up exactly. A random delay lands that
    /// close with a chance of about 1e-9 to 1e-6.
    /// </summary>
    public TimeSpan ToTimeSpan(double span) => DelayTicks(span) is { } ticks ? TimeSpan.FromTicks(ticks) : TimeSpan.FromSeconds(DefaultTimeStepSeconds * span);

    /// <summary>The ticks of a delay in default steps, or null when it is negative, NaN or out of range (TimeSpan's own errors then apply).</summary>
    private long? DelayTicks(double delay)
    {
        double ticks = DefaultTimeStepSeconds * delay * TimeSpan.TicksPerSecond; // TimeSpan.FromSeconds's own product
        if (!(ticks >= 0 && ticks < 9e18)) return null;
        long whole = (long)ticks;
        return whole + 1 - ticks <= ticks * 9e-16 ? whole + 1 : whole;
    }

    /// <summary>Starts over at <see cref="StartDate"/> with an empty queue and a fresh stream seeded with <paramref name="randomSeed"/>.</summary>
    public virtual void Reset(int randomSeed)
    {
        ProcessedEvents = 0;
        nowTicks = 0;
        Random = new PcgRandom(randomSeed);
        queue = new EventQueue();
        normal.Reset();
    }

    /// <summary>Triggers an alive event successfully (null value) and places it in the queue at the current time.</summary>
    public virtual void Schedule(Event ev, int priority = 0) => Schedule(TimeSpan.Zero, ev, priority);

    /// <summary>Triggers an alive event successfully (null value) and places it in the queue after <paramref name="delay"/>.</summary>
    public virtual void Schedule(TimeSpan delay, Event ev, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (!ev.IsAlive) throw new InvalidOperationException("Only an event that is not yet triggered can be scheduled.");
        long ticks = CheckDelay(delay);
        ev.MarkTriggeredOk();
        Push(BaseTick + ticks, priority, ev);
    }

    public virtual void ScheduleD(double delay, Event ev, int priority = 0) => Schedule(ToTimeSpan(delay), ev, priority);

    /// <summary>The path of events that triggered themselves (Succeed, Fail, Timeout).</summary>
    internal void Enqueue(TimeSpan delay, Event ev, int priority) => Push(BaseTick + CheckDelay(delay), priority, ev);

    internal void EnqueueNow(Event ev, int priority) => Push(BaseTick, priority, ev);

    /// <summary>For a delay already checked to be whole non-negative ticks.</summary>
    internal void EnqueueTicks(long delayTicks, Event ev, int priority) => Push(BaseTick + delayTicks, priority, ev);

    // Delays count from now: on a wall-clock run that is between events, as SimSharp's Now is.
    private long BaseTick => wallClock ? (Now - StartDate).Ticks : nowTicks;

    private void Push(long tick, int priority, Event ev)
    {
        if (syncRoot is null) queue.Enqueue(tick, priority, ev);
        else
            lock (syncRoot)
            {
                if (wallClock) Scheduling(tick);
                queue.Enqueue(tick, priority, ev);
            }
    }

    /// <summary>Called under the lock before an event is queued at <paramref name="tick"/> (wall-clock runs only).</summary>
    private protected virtual void Scheduling(long tick) { }

    /// <summary>The tick of the last event processed.</summary>
    private protected long NowTicks
    {
        get => nowTicks;
        set => nowTicks = value;
    }

    private protected bool StopRequested => stopRequested;

    private static long CheckDelay(TimeSpan delay)
    {
        if (delay.Ticks < 0) throw new ArgumentException($"Negative delays are not allowed ({delay}).", nameof(delay));
        return delay.Ticks;
    }

    /// <summary>Runs for <paramref name="until"/> default steps from now, or until no event is left when null.</summary>
    public virtual object? RunD(double? until = null) => until is null ? Run() : Run(Now + ToTimeSpan(until.Value));

    /// <summary>Runs for <paramref name="span"/> from now.</summary>
    public virtual object? Run(TimeSpan span) => Run(Now + span);

    /// <summary>
    /// Runs until the date <paramref name="until"/>, which must lie in the future. The stop event sits
    /// there with priority 0, before every other priority-0 event at that instant: events with negative
    /// priority there still run, the others do not.
    /// </summary>
    public virtual object? Run(DateTime until) => Run(EndAt(until));

    /// <summary>
    /// The event that ends a run at the date <paramref name="until"/> (which must lie in the future), placed in the
    /// queue as <see cref="Run(DateTime)"/> places it; <see cref="Run(Event)"/> with it runs until then, and after
    /// <see cref="StopAsync"/> paused the run, the same call resumes it.
    /// </summary>
    public virtual Event EndAt(DateTime until)
    {
        if (until <= Now) throw new InvalidOperationException($"The simulation end date must lie in the future (now {Now:O}, end {until:O}).");
        var stop = new Event(this);
        stop.MarkTriggeredOk();
        if (syncRoot is null) queue.EnqueueWithKey(nowTicks + (until - Now).Ticks, EventQueue.MakeKey(0, -1), stop);
        else lock (syncRoot) queue.EnqueueWithKey(nowTicks + (until - Now).Ticks, EventQueue.MakeKey(0, -1), stop);
        return stop;
    }

    /// <summary>The event that ends a run <paramref name="span"/> default steps from now (see <see cref="EndAt"/>).</summary>
    public Event EndAtD(double span) => EndAt(Now + ToTimeSpan(span));

    /// <summary>
    /// Runs until <paramref name="stopEvent"/> is processed and returns its value, or until no event is left when null.
    /// A run that <see cref="StopAsync"/> paused resumes by the same call: the stop event is watched once.
    /// </summary>
    public virtual object? Run(Event? stopEvent = null)
    {
        if (stopEvent is not null)
        {
            if (stopEvent.IsProcessed) return stopEvent.Value;
            if (!ReferenceEquals(stopEvent, watchedStop))
            {
                watchedStop = stopEvent;
                // As in SimSharp, the event that ends the run is not counted among the processed ones.
                stopEvent.AddCallback(_ =>
                {
                    stopRequested = true;
                    ProcessedEvents--;
                });
            }
        }
        stopRequested = false;
        RunStarted?.Invoke(this, EventArgs.Empty);
        try
        {
            while (!stopRequested && HasEvents) Step();
        }
        finally
        {
            stopRequested = false;
        }
        RunFinished?.Invoke(this, EventArgs.Empty);
        if (stopEvent is null) return null;
        if (!stopEvent.IsTriggered)
            throw new InvalidOperationException($"No scheduled events left but the \"until\" event was not triggered (time {Now:O}).");
        return stopEvent.Value;
    }

    /// <summary>Whether the last run ended at its stop event (or with no event left), rather than paused by <see cref="StopAsync"/>.</summary>
    public bool Ended(Event stopEvent) => stopEvent.IsProcessed || !HasEvents;

    /// <summary>Makes the running loop return before the next event.</summary>
    public virtual void StopAsync() => stopRequested = true;

    /// <summary>Processes the next event.</summary>
    public virtual void Step()
    {
        Event ev;
        long time;
        if (syncRoot is null) ev = queue.Dequeue(out time);
        else lock (syncRoot) ev = queue.Dequeue(out time);
        nowTicks = time;
        ev.Process();
        ProcessedEvents++;
    }

    private bool HasEvents
    {
        get
        {
            if (syncRoot is null) return queue.Count > 0;
            lock (syncRoot) return queue.Count > 0;
        }
    }

    /// <summary>The time of the next event in default steps, or <see cref="double.MaxValue"/> when none is left.</summary>
    public virtual double PeekD() => PeekTick() is { } tick ? tick / (double)TimeSpan.TicksPerSecond / DefaultTimeStepSeconds : double.MaxValue;

    /// <summary>The time of the next event, or <see cref="DateTime.MaxValue"/> when none is left.</summary>
    public virtual DateTime Peek() => PeekTick() is { } tick ? StartDate.AddTicks(tick) : DateTime.MaxValue;

    private protected long? PeekTick()
    {
        if (syncRoot is null) return queue.Count > 0 ? queue.PeekTime : null;
        lock (syncRoot) return queue.Count > 0 ? queue.PeekTime : null;
    }

    public virtual void Log(string message, params object?[] args) => Logger?.WriteLine(message, args);
}

namespace Simulator.Kernel;

/// <summary>
/// The simulation environment: the clock, the future event list and the loop that processes it.
/// Its public surface follows SimSharp 3.4's <c>Simulation</c> so a SimSharp model ports by changing
/// its <c>using</c>. Time is a double of seconds inside; the <see cref="DateTime"/> and
/// <see cref="TimeSpan"/> members convert at the edge.
/// </summary>
public class Simulation
{
    /// <summary>The start date used when none is given (SimSharp's default).</summary>
    public static readonly DateTime DefaultStartDate = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly EventQueue queue = new();
    private bool stopRequested;

    /// <summary>A simulation starting at <see cref="DefaultStartDate"/> whose <see cref="Rand()"/> stream is seeded with <paramref name="randomSeed"/>.</summary>
    public Simulation(int randomSeed = 0) : this(DefaultStartDate, randomSeed) { }

    public Simulation(DateTime initialDateTime, int randomSeed = 0)
    {
        StartDate = initialDateTime;
        Random = new Random(randomSeed);
    }

    public DateTime StartDate { get; }

    /// <summary>Current time in seconds since <see cref="StartDate"/>.</summary>
    public double NowD { get; private set; }

    public DateTime Now => StartDate + TimeSpan.FromSeconds(NowD);

    /// <summary>Events processed so far (the internal stop event of a timed run is not counted).</summary>
    public long ProcessedEvents { get; private set; }

    /// <summary>The process whose iterator is running, or null between process steps.</summary>
    public Process? ActiveProcess { get; internal set; }

    /// <summary>The generator behind the <c>Rand</c> members; seeded by the constructor, never shared.</summary>
    public Random Random { get; }

    /// <summary>Where the Log members write; Console.Out unless replaced.</summary>
    public TextWriter Logger { get; set; } = Console.Out;

    public Process Process(IEnumerable<Event> generator, int priority = 0) => new(this, generator, priority);

    public Timeout Timeout(TimeSpan delay, int priority = 0) => new(this, delay.TotalSeconds, null, true, priority);

    public Timeout TimeoutD(double delaySeconds, int priority = 0) => new(this, delaySeconds, null, true, priority);

    public double ToDouble(TimeSpan span) => span.TotalSeconds;

    public TimeSpan ToTimeSpan(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Triggers an alive event successfully (null value) and places it in the queue at the current time.</summary>
    public void Schedule(Event ev, int priority = 0) => ScheduleD(0, ev, priority);

    public void Schedule(TimeSpan delay, Event ev, int priority = 0) => ScheduleD(delay.TotalSeconds, ev, priority);

    /// <summary>Triggers an alive event successfully (null value) and places it in the queue after <paramref name="delaySeconds"/>.</summary>
    public void ScheduleD(double delaySeconds, Event ev, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (!ev.IsAlive) throw new InvalidOperationException("Only an event that is not yet triggered can be scheduled.");
        CheckDelay(delaySeconds);
        ev.MarkTriggeredOk();
        queue.Enqueue(NowD + delaySeconds, priority, ev);
    }

    /// <summary>The path of events that triggered themselves (Succeed, Fail, Timeout).</summary>
    internal void Enqueue(double delaySeconds, Event ev, int priority)
    {
        CheckDelay(delaySeconds);
        queue.Enqueue(NowD + delaySeconds, priority, ev);
    }

    private static void CheckDelay(double delaySeconds)
    {
        if (!(delaySeconds >= 0)) throw new ArgumentOutOfRangeException(nameof(delaySeconds), delaySeconds, "Events cannot be scheduled in the past.");
    }

    /// <summary>Runs until no event is left.</summary>
    public object? Run() => RunLoop(null);

    /// <summary>Runs until <paramref name="stopEvent"/> is processed and returns its value.</summary>
    public object? Run(Event stopEvent)
    {
        ArgumentNullException.ThrowIfNull(stopEvent);
        if (stopEvent.IsProcessed) return stopEvent.Value;
        stopEvent.AddCallback(_ => stopRequested = true);
        return RunLoop(stopEvent);
    }

    /// <summary>Runs for <paramref name="span"/> from now.</summary>
    public object? Run(TimeSpan span) => RunD(span.TotalSeconds);

    /// <summary>Runs until the absolute date <paramref name="until"/>.</summary>
    public object? Run(DateTime until)
    {
        if (until < Now) throw new ArgumentOutOfRangeException(nameof(until), until, $"The simulation is already at {Now:O}.");
        return RunD((until - StartDate).TotalSeconds - NowD);
    }

    /// <summary>
    /// Runs for <paramref name="seconds"/> from now (relative, as SimSharp's RunD), or until no event is
    /// left when null. The stop event sits at the end time with priority 0, before every other
    /// priority-0 event there: events with negative priority at that instant still run, others do not.
    /// </summary>
    public object? RunD(double? seconds = null)
    {
        if (seconds is null) return Run();
        if (!(seconds.Value >= 0)) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A run's length must be non-negative.");
        var stop = new Event(this);
        stop.AddCallback(_ =>
        {
            stopRequested = true;
            ProcessedEvents--; // the stop event is bookkeeping, not part of the model
        });
        stop.MarkTriggeredOk();
        queue.EnqueueWithKey(NowD + seconds.Value, EventQueue.MakeKey(0, -1), stop);
        return RunLoop(stop);
    }

    /// <summary>Makes the running loop return after the event being processed.</summary>
    public void StopAsync() => stopRequested = true;

    /// <summary>Processes the next event.</summary>
    public void Step()
    {
        var ev = queue.Dequeue(out double time);
        NowD = time;
        ProcessedEvents++;
        ev.Process();
    }

    /// <summary>The time of the next event, or <see cref="DateTime.MaxValue"/> when none is left.</summary>
    public DateTime Peek() => queue.Count > 0 ? StartDate + TimeSpan.FromSeconds(queue.PeekTime) : DateTime.MaxValue;

    /// <summary>The time of the next event in seconds, or +infinity when none is left.</summary>
    public double PeekD() => queue.PeekTime;

    public void Log(string message) => Logger.WriteLine(message);

    public void Log(string format, params object?[] args) => Logger.WriteLine(format, args);

    /// <summary>A uniform draw in [0, 1).</summary>
    public double Rand() => Random.NextDouble();

    /// <summary>A uniform integer in [0, maxValue).</summary>
    public int Rand(int maxValue) => Random.Next(maxValue);

    public double RandUniform(double a, double b) => a + (b - a) * Random.NextDouble();

    /// <summary>An exponential draw with the given mean (seconds).</summary>
    public double RandExponentialD(double mean) => -mean * Math.Log(1.0 - Random.NextDouble());

    public TimeSpan RandExponential(TimeSpan mean) => TimeSpan.FromSeconds(RandExponentialD(mean.TotalSeconds));

    public double RandNormal(double mu, double sigma)
    {
        // Box-Muller; one draw per call keeps the stream position independent of call history.
        double u1 = 1.0 - Random.NextDouble();
        double u2 = Random.NextDouble();
        return mu + sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private object? RunLoop(Event? stopEvent)
    {
        stopRequested = false;
        try
        {
            while (!stopRequested && queue.Count > 0) Step();
        }
        finally
        {
            stopRequested = false;
        }
        if (stopEvent is not null && !stopEvent.IsProcessed)
            throw new InvalidOperationException($"No events are left but the stop event was not processed (time {NowD} s).");
        return stopEvent?.Value;
    }
}

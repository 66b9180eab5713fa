using System.Diagnostics;

namespace Simulator.Kernel;

/// <summary>
/// A thread-safe simulation that can run in step with the wall clock, scaled (SimSharp's
/// <c>PseudoRealtimeSimulation</c>): before each event it waits the event's distance in simulated time
/// divided by <see cref="RealtimeScale"/>, and <see cref="Now"/> moves with the wall clock meanwhile.
/// An event scheduled from another thread ahead of the one waited for, a change of scale, or
/// <see cref="SetVirtualtime"/> cuts the wait short. Without a scale it runs as fast as it can.
/// </summary>
public class PseudoRealtimeSimulation : ThreadSafeSimulation
{
    public const double DefaultRealtimeScale = 1;

    private readonly object timeLock = new();
    private readonly Stopwatch waited = new();
    private CancellationTokenSource? wait;

    public PseudoRealtimeSimulation() : this(DefaultStartDate) { }

    public PseudoRealtimeSimulation(TimeSpan? defaultStep) : this(DefaultStartDate, defaultStep) { }

    public PseudoRealtimeSimulation(int randomSeed, TimeSpan? defaultStep = null) : this(DefaultStartDate, randomSeed, defaultStep) { }

    public PseudoRealtimeSimulation(DateTime initialDateTime, TimeSpan? defaultStep = null) : this(new PcgRandom(0), initialDateTime, defaultStep) { }

    public PseudoRealtimeSimulation(DateTime initialDateTime, int randomSeed, TimeSpan? defaultStep = null) : this(new PcgRandom(randomSeed), initialDateTime, defaultStep) { }

    public PseudoRealtimeSimulation(IRandom random, DateTime initialDateTime, TimeSpan? defaultStep = null) : base(random, initialDateTime, defaultStep)
    {
        wallClock = true;
    }

    /// <summary>Simulated seconds per wall-clock second, or null when running in virtual time.</summary>
    public double? RealtimeScale { get; private set; } = DefaultRealtimeScale;

    public bool IsRunningInRealtime => RealtimeScale.HasValue;

    public override DateTime Now
    {
        get
        {
            lock (timeLock)
            {
                var now = base.Now;
                return IsRunningInRealtime ? now + TimeSpan.FromMilliseconds(waited.Elapsed.TotalMilliseconds * RealtimeScale!.Value) : now;
            }
        }
    }

    public override void Step()
    {
        var delay = TimeSpan.Zero;
        double scale = 1;
        CancellationTokenSource? token = null;
        lock (syncRoot!)
        {
            if (IsRunningInRealtime && PeekTick() is { } next)
            {
                scale = RealtimeScale!.Value;
                delay = TimeSpan.FromTicks(next - NowTicks);
                if (scale != 1.0) delay = TimeSpan.FromMilliseconds(delay.TotalMilliseconds / scale);
                token = wait = new CancellationTokenSource();
            }
        }
        if (delay > TimeSpan.Zero && !StopRequested)
        {
            waited.Start();
            token!.Token.WaitHandle.WaitOne(delay);
            waited.Stop();
            var observed = waited.Elapsed;
            if (scale != 1.0) observed = TimeSpan.FromMilliseconds(observed.TotalMilliseconds * scale);
            if ((token.IsCancellationRequested || StopRequested) && observed < delay * scale)
            {
                // Cut short: the clock keeps the time waited, and the next event is not processed yet.
                lock (timeLock)
                {
                    NowTicks += observed.Ticks;
                    waited.Reset();
                }
                return;
            }
        }
        lock (timeLock) waited.Reset();
        base.Step();
    }

    public override void StopAsync()
    {
        base.StopAsync();
        lock (syncRoot!) wait?.Cancel();
    }

    /// <summary>Runs as fast as possible from now on.</summary>
    public void SetVirtualtime()
    {
        lock (syncRoot!)
        {
            if (!IsRunningInRealtime) return;
            RealtimeScale = null;
            wait?.Cancel();
        }
    }

    /// <summary>Runs in step with the wall clock, <paramref name="realtimeScale"/> simulated seconds per second.</summary>
    public void SetRealtime(double realtimeScale = DefaultRealtimeScale)
    {
        if (!(realtimeScale > 0)) throw new ArgumentException("The simulation speed scaling factor must be strictly positive.", nameof(realtimeScale));
        lock (syncRoot!)
        {
            if (IsRunningInRealtime && realtimeScale != RealtimeScale) wait?.Cancel();
            RealtimeScale = realtimeScale;
        }
    }

    /// <summary>A process that switches the simulation to real time, at its own scale, whenever it resumes.</summary>
    public Process PseudoRealtimeProcess(IEnumerable<Event> generator, int priority = 0, double realtimeScale = DefaultRealtimeScale) =>
        new PseudoRealtimeProcess(this, generator, priority, realtimeScale);

    private protected override void Scheduling(long tick)
    {
        if (PeekTick() is { } first && tick < first) wait?.Cancel();
    }
}

/// <summary>A process that sets its simulation to real time at its scale each time it resumes.</summary>
public class PseudoRealtimeProcess : Process
{
    public PseudoRealtimeProcess(PseudoRealtimeSimulation environment, IEnumerable<Event> generator, int priority = 0, double realtimeScale = PseudoRealtimeSimulation.DefaultRealtimeScale)
        : base(environment, generator, priority)
    {
        RealtimeScale = realtimeScale;
        hasResumeHook = true;
    }

    public double RealtimeScale { get; set; }

    internal override void OnResuming() => ((PseudoRealtimeSimulation)Environment).SetRealtime(RealtimeScale);
}

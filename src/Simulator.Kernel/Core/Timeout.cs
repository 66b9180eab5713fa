namespace Simulator.Kernel;

/// <summary>An event that succeeds (or fails, with <c>isOk: false</c>) after a delay; it is scheduled on construction.</summary>
public sealed class Timeout : Event
{
    public Timeout(Simulation environment, TimeSpan delay, object? value = null, bool isOk = true, int priority = 0)
        : base(environment)
    {
        MarkTriggered(isOk, value);
        environment.Enqueue(delay, this, priority);
    }

    /// <summary>The path of <see cref="Simulation.TimeoutD(double, int)"/>: a delay already converted to non-negative ticks.</summary>
    internal Timeout(Simulation environment, int priority, long delayTicks)
        : base(environment)
    {
        MarkTriggered(true, null);
        environment.EnqueueTicks(delayTicks, this, priority);
    }

    /// <summary>A delay in the simulation's default steps, converted as <see cref="Simulation.TimeoutD(double, int)"/> converts it.</summary>
    public Timeout(Simulation environment, double delay, object? value = null, bool isOk = true, int priority = 0)
        : this(environment, environment.ToTimeSpan(delay), value, isOk, priority)
    {
    }
}

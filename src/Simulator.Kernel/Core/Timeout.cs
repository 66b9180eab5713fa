namespace Simulator.Kernel;

/// <summary>An event that succeeds after a delay; it is scheduled on construction.</summary>
public sealed class Timeout : Event
{
    public Timeout(Simulation environment, TimeSpan delay, object? value = null, bool isOk = true, int priority = 0)
        : this(environment, delay.TotalSeconds, value, isOk, priority)
    {
    }

    public Timeout(Simulation environment, double delaySeconds, object? value = null, bool isOk = true, int priority = 0)
        : base(environment)
    {
        MarkTriggered(isOk, value);
        environment.Enqueue(delaySeconds, this, priority);
    }
}

namespace Simulator.Kernel;

/// <summary>A base for model objects that run processes in a simulation (SimSharp's <c>ActiveObject</c>).</summary>
public abstract class ActiveObject<T> where T : Simulation
{
    protected ActiveObject(T environment)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    protected T Environment { get; }
}

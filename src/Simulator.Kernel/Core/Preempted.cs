namespace Simulator.Kernel;

/// <summary>The cause delivered through <see cref="Process.HandleFault"/> to a process whose resource was taken.</summary>
public sealed class Preempted
{
    public Preempted(Process? by, DateTime usageSince)
    {
        By = by;
        UsageSince = usageSince;
    }

    /// <summary>The process whose request took the resource (null when it was not issued from a process).</summary>
    public Process? By { get; }

    /// <summary>When the preempted process obtained the resource.</summary>
    public DateTime UsageSince { get; }
}

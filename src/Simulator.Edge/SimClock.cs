using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>
/// Times as the kernel's clock will show them. The clock counts whole 100 ns ticks and truncates every
/// delay, so a record written as "now + delay" in doubles can differ from the instant the event happens;
/// these give the instant itself.
/// </summary>
internal static class SimClock
{
    /// <summary>The value <see cref="Simulation.NowD"/> will have when <c>TimeoutD(delay)</c>, made now, is processed.</summary>
    public static double DueD(this Simulation env, double delay) => env.ToDouble(env.Now - env.StartDate + env.ToTimeSpan(delay));

    /// <summary>The first tick at or after <paramref name="seconds"/> since the start.</summary>
    public static long TickAtOrAfter(double seconds) => (long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond);

    public static long Ticks(this Simulation env) => (env.Now - env.StartDate).Ticks;

    /// <summary>
    /// A timeout of at least <paramref name="seconds"/>: the delay is rounded up to whole ticks. A timer for
    /// work that must be finished when it fires uses it, since a truncated delay would fire a fraction of
    /// a tick early, find the work a hair short and ask for a delay below one tick, that is, for now.
    /// </summary>
    public static Kernel.Timeout TimeoutAtLeastD(this Simulation env, double seconds) =>
        env.Timeout(TimeSpan.FromTicks(TickAtOrAfter(seconds)));

    /// <summary>A timeout that ends at tick <paramref name="tick"/>, which must not be in the past.</summary>
    public static Kernel.Timeout TimeoutUntilTick(this Simulation env, long tick) => env.Timeout(TimeSpan.FromTicks(tick - env.Ticks()));
}

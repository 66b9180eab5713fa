namespace Simulator.Kernel;

/// <summary>
/// A simulation whose queue may be touched from other threads while it runs (an event succeeded by a
/// UI or a network thread, <see cref="Simulation.StopAsync"/>), and that runs on the thread pool with
/// <c>RunAsync</c>. Every queue access takes a lock, which costs speed: use it only when needed.
/// </summary>
public class ThreadSafeSimulation : Simulation
{
    public ThreadSafeSimulation() : this(DefaultStartDate) { }

    public ThreadSafeSimulation(TimeSpan? defaultStep) : this(DefaultStartDate, defaultStep) { }

    public ThreadSafeSimulation(int randomSeed, TimeSpan? defaultStep = null) : this(DefaultStartDate, randomSeed, defaultStep) { }

    public ThreadSafeSimulation(DateTime initialDateTime, TimeSpan? defaultStep = null) : this(new PcgRandom(0), initialDateTime, defaultStep) { }

    public ThreadSafeSimulation(DateTime initialDateTime, int randomSeed, TimeSpan? defaultStep = null) : this(new PcgRandom(randomSeed), initialDateTime, defaultStep) { }

    public ThreadSafeSimulation(IRandom random, DateTime initialDateTime, TimeSpan? defaultStep = null) : base(random, initialDateTime, defaultStep)
    {
        syncRoot = new object();
    }

    public Task<object?> RunAsync(TimeSpan duration) => Task.Run(() => Run(duration));

    public Task<object?> RunAsync(DateTime until) => Task.Run(() => Run(until));

    public Task<object?> RunAsync(Event? stopEvent = null) => Task.Run(() => Run(stopEvent));
}

/// <summary>
/// SimSharp's <c>Environment</c>: a thread-safe simulation on <see cref="SystemRandom"/> whose
/// <c>RandNormal</c> is SimPy's ratio-of-uniforms method, for models ported from SimPy.
/// </summary>
/// <remarks>The name clashes with <see cref="System.Environment"/> where <c>using System;</c> is in force; qualify it there.</remarks>
public class Environment : ThreadSafeSimulation
{
    private static readonly double NormalMagicConst = 4 * Math.Exp(-0.5) / Math.Sqrt(2.0);

    public Environment() : base() => Random = new SystemRandom(0);

    public Environment(TimeSpan? defaultStep) : base(defaultStep) => Random = new SystemRandom(0);

    public Environment(int randomSeed, TimeSpan? defaultStep = null) : base(randomSeed, defaultStep) => Random = new SystemRandom(randomSeed);

    public Environment(DateTime initialDateTime, TimeSpan? defaultStep = null) : base(initialDateTime, defaultStep) => Random = new SystemRandom(0);

    public Environment(DateTime initialDateTime, int randomSeed, TimeSpan? defaultStep = null) : base(initialDateTime, randomSeed, defaultStep) => Random = new SystemRandom(randomSeed);

    public override double RandNormal(double mu, double sigma) => RandNormal(Random, mu, sigma);

    public override double RandNormal(IRandom random, double mu, double sigma)
    {
        double z, u2;
        do
        {
            double u1 = random.NextDouble();
            u2 = 1 - random.NextDouble();
            z = NormalMagicConst * (u1 - 0.5) / u2;
        } while (z * z / 4.0 > -Math.Log(u2));
        return mu + z * sigma;
    }
}

using Simulator.Kernel;

namespace Simulator.Benchmarks;

/// <summary>The kernel workloads, shared by the benchmarks and the quick figures of <c>--quick</c>.</summary>
public static class Workloads
{
    /// <summary>Delays drawn once, so the measured loop spends nothing on random numbers (the reference loop uses the same table).</summary>
    public static double[] DelayTable(int seed)
    {
        var rng = new Random(seed);
        var table = new double[1 << 12];
        for (int i = 0; i < table.Length; i++) table[i] = -Math.Log(1.0 - rng.NextDouble());
        return table;
    }

    /// <summary><paramref name="pending"/> processes that each wait on timeout after timeout: that many events stay pending.</summary>
    public static Simulation Timeouts(int pending, double[] delays)
    {
        var env = new Simulation(1);
        for (int p = 0; p < pending; p++) env.Process(Ticker(env, delays, p * 977));
        return env;
    }

    private static IEnumerable<Event> Ticker(Simulation env, double[] delays, int offset)
    {
        int mask = delays.Length - 1;
        for (int i = offset; ; i++) yield return env.TimeoutD(delays[i & mask]);
    }

    /// <summary>Workers that seize a unit of a shared resource, hold it, release it and rest: the queue is never empty.</summary>
    public static Simulation SeizeRelease(int workers, int capacity, double[] delays)
    {
        var env = new Simulation(1);
        var resource = new Resource(env, capacity);
        for (int w = 0; w < workers; w++) env.Process(Worker(env, resource, delays, w * 131));
        return env;
    }

    private static IEnumerable<Event> Worker(Simulation env, Resource resource, double[] delays, int offset)
    {
        int mask = delays.Length - 1;
        for (int i = offset; ; i += 2)
        {
            using (var req = resource.Request())
            {
                yield return req;
                yield return env.TimeoutD(delays[i & mask]);
            }
            yield return env.TimeoutD(0.1 * delays[(i + 1) & mask]);
        }
    }

    /// <summary>
    /// SimPy's and SimSharp's machine shop: machines make parts and break down at random; a repairman
    /// (a preemptive resource) fixes them, preempting his less important other jobs.
    /// </summary>
    public static Simulation MachineShop(int machines = 10, int seed = 42)
    {
        var env = new Simulation(seed);
        var repairman = new PreemptiveResource(env, 1);
        for (int m = 0; m < machines; m++) new Machine(env, repairman);
        env.Process(OtherJobs(env, repairman));
        return env;
    }

    private const double PtMean = 10.0 * 60, PtSigma = 2.0 * 60, Mttf = 300.0 * 60, RepairTime = 30.0 * 60, JobDuration = 30.0 * 60;

    private sealed class Machine
    {
        private readonly Simulation env;
        private readonly PreemptiveResource repairman;
        private readonly Process process;
        private bool broken;

        public Machine(Simulation env, PreemptiveResource repairman)
        {
            this.env = env;
            this.repairman = repairman;
            process = env.Process(Working());
            env.Process(Breaking());
        }

        public long Parts { get; private set; }

        private IEnumerable<Event> Working()
        {
            while (true)
            {
                double left = Math.Max(1, env.RandNormal(PtMean, PtSigma));
                while (left > 0)
                {
                    double start = env.NowD;
                    yield return env.TimeoutD(left);
                    if (env.ActiveProcess!.HandleFault())
                    {
                        broken = true;
                        left -= env.NowD - start;
                        using (var req = repairman.Request(priority: 1, preempt: true))
                        {
                            yield return req;
                            yield return env.TimeoutD(RepairTime);
                        }
                        broken = false;
                    }
                    else left = 0;
                }
                Parts++;
            }
        }

        private IEnumerable<Event> Breaking()
        {
            while (true)
            {
                yield return env.TimeoutD(env.RandExponential(Mttf));
                if (!broken) process.Interrupt();
            }
        }
    }

    private static IEnumerable<Event> OtherJobs(Simulation env, PreemptiveResource repairman)
    {
        while (true)
        {
            double left = JobDuration;
            while (left > 0)
            {
                using var req = repairman.Request(priority: 2);
                yield return req;
                double start = env.NowD;
                yield return env.TimeoutD(left);
                if (env.ActiveProcess!.HandleFault()) left -= env.NowD - start;
                else left = 0;
            }
        }
    }
}

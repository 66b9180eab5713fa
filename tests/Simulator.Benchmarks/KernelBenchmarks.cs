using BenchmarkDotNet.Attributes;
using Simulator.Kernel;

namespace Simulator.Benchmarks;

/// <summary>Timeouts with 1 / 1,000 / 100,000 pending, against the reference loop at the same sizes. One op = one event.</summary>
[MemoryDiagnoser]
public class TimeoutBenchmarks
{
    public const int Events = 1_000_000;
    private readonly double[] delays = Workloads.DelayTable(7);
    private Simulation env = null!;
    private ReferenceLoop reference = null!;

    [Params(1, 1_000, 100_000)]
    public int Pending { get; set; }

    [IterationSetup(Target = nameof(Kernel))]
    public void SetupKernel()
    {
        env = Workloads.Timeouts(Pending, delays);
        for (int i = 0; i < 2 * Pending + 1000; i++) env.Step(); // past start-up: steady state only
    }

    [IterationSetup(Target = nameof(Reference))]
    public void SetupReference() => reference = new ReferenceLoop(Pending, delays);

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public void Reference() => reference.Run(Events);

    [Benchmark(OperationsPerInvoke = Events)]
    public void Kernel()
    {
        for (int i = 0; i < Events; i++) env.Step();
    }
}

/// <summary>Seize/release on a capacity-2 resource with 10 workers (always a queue). One op = one event.</summary>
[MemoryDiagnoser]
public class SeizeReleaseBenchmarks
{
    public const int Events = 1_000_000;
    private readonly double[] delays = Workloads.DelayTable(11);
    private Simulation env = null!;

    [IterationSetup]
    public void Setup()
    {
        env = Workloads.SeizeRelease(workers: 10, capacity: 2, delays);
        for (int i = 0; i < 1000; i++) env.Step();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void SeizeRelease()
    {
        for (int i = 0; i < Events; i++) env.Step();
    }
}

/// <summary>The machine shop with failures and a preemptive repairman. One op = one event.</summary>
[MemoryDiagnoser]
public class MachineShopBenchmarks
{
    public const int Events = 1_000_000;
    private Simulation env = null!;

    [IterationSetup]
    public void Setup()
    {
        env = Workloads.MachineShop();
        for (int i = 0; i < 1000; i++) env.Step();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void MachineShop()
    {
        for (int i = 0; i < Events; i++) env.Step();
    }
}

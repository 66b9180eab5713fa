using System.Diagnostics;
using System.Globalization;

namespace Simulator.Benchmarks;

/// <summary>
/// The kernel as a fraction of the reference loop, the two timed in turns in one process. On a shared
/// machine the speed of a whole process drifts by a third from one launch to the next (the reference
/// loop alone took 105-150 ns at 1,000 pending in separate launches); BenchmarkDotNet launches each
/// method apart, so its ratio carries that drift, while a ratio of neighbouring rounds does not.
/// The collector's pauses during the kernel's rounds are reported beside them: the reference loop
/// allocates nothing, so they are a part of the gap that no change to the kernel's own code removes.
/// </summary>
internal static class KernelRatio
{
    private const int Events = 2_000_000;
    private const int WarmUpRounds = 4; // past tiering: the first rounds run partly unoptimised code

    public static void Print(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var delays = Workloads.DelayTable(7);
        foreach (int pending in new[] { 1, 1_000, 100_000 })
        {
            var kernel = new List<double>();
            var reference = new List<double>();
            var ratio = new List<double>();
            var collector = new List<double>();
            for (int r = -WarmUpRounds; r < rounds; r++)
            {
                var env = Workloads.Timeouts(pending, delays);
                for (int i = 0; i < 2 * pending + 1000; i++) env.Step(); // steady state, as TimeoutBenchmarks
                var paused = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                for (int i = 0; i < Events; i++) env.Step();
                double k = watch.Elapsed.TotalNanoseconds / Events;
                double gc = (GC.GetTotalPauseDuration() - paused).TotalNanoseconds / Events;
                var loop = new ReferenceLoop(pending, delays);
                watch.Restart();
                loop.Run(Events);
                double f = watch.Elapsed.TotalNanoseconds / Events;
                if (r < 0) continue;
                kernel.Add(k);
                reference.Add(f);
                ratio.Add(f / k);
                collector.Add(gc);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pending,7:N0} pending: kernel {Median(kernel):F1} ns (the collector's pauses {Median(collector):F1} ns of it), reference {Median(reference):F1} ns, kernel / reference {Median(ratio):P0} (rounds {ratio.Min():P0} to {ratio.Max():P0}), medians of {rounds} rounds"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

using BenchmarkDotNet.Running;
using Simulator.Benchmarks;

// Run all: dotnet run -c Release --project tests/Simulator.Benchmarks -- --filter '*'
// `site-counts` prints the requests and events behind SiteBenchmarks, to turn its times into rates;
// `gaps` prints the planners' gaps to the exhaustive optimum (the README's table); `cpsat-20` times
// CP-SAT proving the optimum of 20-user rounds; `speedup [file] [--repeat=N]` times `simulator run` on one
// core against two; `trace-memory traced|untraced <horizon>` prints one long run's peak memory;
// `sites-memory <selector> <horizon>` the same for SiteNetworkBenchmarks' network of 125 sites;
// `kernel-ratio [rounds]` times the kernel and the reference loop in turns in one process, with the collector's pauses;
// `experiment-times [files]` times `simulator run` on every shipped experiment (or the files given);
// `sites-scale <selector> <cloudlets...>` runs the network of sites for an hour at each size.
if (args is ["sites-scale", var scaleSelector, .. var sizes])
{
    // One simulated hour of the network of sites at each size, with requests, wall time and this process's peak memory so far.
    foreach (var size in sizes)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var values = SiteNetworkBenchmarks.Run(scaleSelector, 3600, int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"{size} cloudlets: {values["arrived"]:N0} requests in {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds * 1000 / values["arrived"]:F1} us a request), peak working set {self.PeakWorkingSet64 / 1e6:F0} MB");
    }
    return;
}
if (args is ["experiment-times", ..])
{
    ExperimentTimes.Print(args[1..]);
    return;
}
if (args is ["speedup", ..])
{
    SpeedUp.Print(args[1..]);
    return;
}
if (args is ["kernel-ratio", ..])
{
    KernelRatio.Print(args[1..]);
    return;
}
if (args is ["cpsat-20"])
{
    GapReport.CpSat20();
    return;
}
if (args is ["scaling", ..])
{
    // An experiment's runs (the quickstart by default) on 1 and on 2 threads, twice, in this process, with the GC's share.
    var spec = args.Length > 1 ? Simulator.Experiments.ExperimentReader.Read(args[1]) : Simulator.Experiments.Quickstart.Read();
    foreach (int threads in new[] { 1, 2, 1, 2 })
    {
        var pause = GC.GetTotalPauseDuration();
        var counts = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var records = new Simulator.Experiments.Runner(spec, threads).Run();
        Console.WriteLine($"{threads} thread(s): {records.Count} runs in {watch.Elapsed.TotalSeconds:F2} s, cpu {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s, GC pause {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s, gen0/1/2 {GC.CollectionCount(0) - counts[0]}/{GC.CollectionCount(1) - counts[1]}/{GC.CollectionCount(2) - counts[2]}, allocated {GC.GetTotalAllocatedBytes() / 1e9:F1} GB total");
    }
    return;
}
if (args is ["allocations"])
{
    // Bytes allocated by one quickstart run (rate 20 /s) per strategy, after a warm-up run.
    var spec = Simulator.Experiments.Quickstart.Read();
    for (int s = 0; s < spec.Strategies.Count; s++)
    {
        Simulator.Experiments.Runner.RunCell(spec, new Simulator.Experiments.Cell(2, s, 0));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Simulator.Experiments.Runner.RunCell(spec, new Simulator.Experiments.Cell(2, s, 1));
        Console.WriteLine($"{spec.Strategies[s].Label}: {(GC.GetAllocatedBytesForCurrentThread() - before) / 1e6:F0} MB in {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
    return;
}
if (args is ["network-counts"])
{
    // The requests and events behind NetworkRunBenchmarks, and one cold run's time.
    var (env, sim) = NetworkRunBenchmarks.Build();
    var watch = System.Diagnostics.Stopwatch.StartNew();
    env.RunD(1000);
    Console.WriteLine($"{sim.Pipeline.Arrived} requests, {sim.Service.Measures.Served} served, {env.ProcessedEvents} events, mean delay {sim.Service.Measures.Delay.Mean:F2} s, {watch.Elapsed.TotalSeconds:F2} s wall (one cold run)");
    return;
}
if (args is ["trace-memory", var mode, var traceHorizon])
{
    // One quickstart cell (fcfs, 10 /s) over a long horizon, traced or not, and this process's peak
    // memory: run it once per mode, each in its own process (`trace-memory traced 1000000 s`).
    var spec = Simulator.Experiments.Quickstart.Read(new[] { "strategies=[fcfs]", "baseline=fcfs", "plots=[]", $"horizon={traceHorizon} s", "sweep={scenario.arrivals.rate: [10 /s]}", "replications=2" });
    var cell = new Simulator.Experiments.Cell(0, 0, 0);
    var watch = System.Diagnostics.Stopwatch.StartNew();
    long served = mode == "traced" ? Simulator.Experiments.Runner.Trace(spec, cell).Served : (long)Simulator.Experiments.Runner.RunCell(spec, cell).Values["arrived"];
    using var self = System.Diagnostics.Process.GetCurrentProcess();
    Console.WriteLine($"{mode}: horizon {traceHorizon} s, {served:N0} {(mode == "traced" ? "served" : "arrived")}, peak working set {self.PeakWorkingSet64 / 1e6:F0} MB, {watch.Elapsed.TotalSeconds:F0} s");
    return;
}
if (args is ["sites-memory", var selector, var sitesHorizon])
{
    // SiteNetworkBenchmarks' run over a given horizon, and this process's peak memory: run it for two horizons, each in its own process.
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var values = SiteNetworkBenchmarks.Run(selector, double.Parse(sitesHorizon, System.Globalization.CultureInfo.InvariantCulture));
    using var self = System.Diagnostics.Process.GetCurrentProcess();
    Console.WriteLine($"{selector}+pl-dp: horizon {sitesHorizon} s, {values["arrived"]:N0} arrived, peak working set {self.PeakWorkingSet64 / 1e6:F0} MB, {watch.Elapsed.TotalSeconds:F1} s");
    return;
}
if (args is ["gaps"])
{
    GapReport.Print();
    return;
}
if (args is ["site-counts"])
{
    foreach (var horizon in new[] { 1800.0, 3600.0 })
    {
        var (env, site) = SiteBenchmarks.Build(horizon);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        env.RunD(horizon);
        var m = site.Metrics;
        Console.WriteLine($"horizon {horizon} s: {site.Pipeline.Arrived} requests, {env.ProcessedEvents} events, on time {m.OnTime}, late {m.Late}, expired {m.Expired}, {watch.Elapsed.TotalSeconds:F2} s wall (one cold run)");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(TimeoutBenchmarks).Assembly).Run(args);

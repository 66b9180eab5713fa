using BenchmarkDotNet.Running;
using Simulator.Benchmarks;

// Run all: dotnet run -c Release --project tests/Simulator.Benchmarks -- --filter '*'
// `site-counts` prints the requests and events behind SiteBenchmarks, to turn its times into rates;
// `gaps` prints the planners' gaps to the exhaustive optimum (the README's table); `cpsat-20` times
// CP-SAT proving the optimum of 20-user rounds.
if (args is ["cpsat-20"])
{
    GapReport.CpSat20();
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
        Console.WriteLine($"horizon {horizon} s: {m.Arrived} requests, {env.ProcessedEvents} events, on time {m.OnTime}, late {m.Late}, expired {m.Expired}, {watch.Elapsed.TotalSeconds:F2} s wall (one cold run)");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(TimeoutBenchmarks).Assembly).Run(args);

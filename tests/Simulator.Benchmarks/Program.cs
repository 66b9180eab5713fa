using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project tests/Simulator.Benchmarks -- --filter '*'
// The workloads are those kernel.md names; each reports time and allocated bytes per event.
BenchmarkSwitcher.FromAssembly(typeof(Simulator.Benchmarks.TimeoutBenchmarks).Assembly).Run(args);

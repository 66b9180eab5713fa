using BenchmarkDotNet.Attributes;
using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Kernel;
using Simulator.Strategies.Network;
using Simulator.Strategies.Network.Online;

namespace Simulator.Benchmarks;

/// <summary>
/// The second paper's largest sweep point (the bar: the exact optimum in under 1 s): 500 cloudlets,
/// 500 requests, K = 100 models in 20 families (K / 5), the paper profile, one window at t = 0. The estimate's
/// caches are part of each decision: every benchmark plans a fresh view of the same window.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class NetworkWindowBenchmarks
{
    private NetworkInstance window = null!;

    [GlobalSetup]
    public void Setup() => window = Largest(seed: 123);

    [Benchmark]
    public NetworkPlan MecIlp() => new MecIlp().Select(new NetworkView(window));

    [Benchmark]
    public NetworkPlan MecLp() => new MecLp().Select(new NetworkView(window));

    [Benchmark]
    public NetworkPlan MecAppro() => new MecAppro(new Random(1)).Select(new NetworkView(window));

    public static NetworkInstance Largest(int seed)
    {
        var streams = new RandomStreams((ulong)seed);
        var catalog = PfmGenerator.Build(new PfmSpec(100, 20), new AffineProfile(0, 0), 0, streams.Stream("network:catalog"));
        return NetworkWorld.Draw(new NetworkWorldSpec { Cloudlets = 500 }, catalog, 500, streams);
    }
}

/// <summary>
/// One stochastic network run (the bar: under 10 s on 2 cores): 125 cloudlets, the paper profile,
/// Poisson requests at 100 /s for 1,000 s (about 10^5 requests) planned by mec-ilp every 10 s window, with
/// analytic queueing and no contention. One run is single-threaded; the runner runs one per core.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NetworkRunBenchmarks
{
    [Benchmark]
    public long Run100kRequests()
    {
        var (env, sim) = Build();
        env.RunD(1000);
        return sim.Service.Measures.Served;
    }

    /// <summary>
    /// The same world decided online (\"10^5-request online run\"): `mec-ol` (d = 25) on a latent context
    /// of 50 features, every request on arrival against what the cloudlets hold then, as chasing-online-stochastic.
    /// </summary>
    [Benchmark]
    public long Run100kRequestsOnline()
    {
        var streams = new RandomStreams(7);
        var catalog = PfmGenerator.Build(new PfmSpec(10, 2), new AffineProfile(0, 0), 0, streams.Stream("network:catalog"));
        var env = new Simulation();
        var world = new NetworkWorldSpec { Cloudlets = 125, Context = new LatentContext(50) };
        var sim = new StochasticNetwork(env, world, new NetworkProcessSpec(100, 10, Queueing.Analytic, Contention.None), catalog, new MecOl(streams.Stream("strategy:mec-ol"), d: 25), new PenaltySpec(), streams, 0);
        env.RunD(1000);
        return sim.Service.Measures.Served;
    }

    public static (Simulation, StochasticNetwork) Build()
    {
        var streams = new RandomStreams(7);
        var catalog = PfmGenerator.Build(new PfmSpec(10, 2), new AffineProfile(0, 0), 0, streams.Stream("network:catalog"));
        var env = new Simulation();
        var sim = new StochasticNetwork(env, new NetworkWorldSpec { Cloudlets = 125 }, new NetworkProcessSpec(100, 10, Queueing.Analytic, Contention.None), catalog, new MecIlp(), new PenaltySpec(), streams, 0);
        return (env, sim);
    }
}

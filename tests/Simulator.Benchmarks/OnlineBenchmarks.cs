using BenchmarkDotNet.Attributes;
using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Strategies.Network.Online;

namespace Simulator.Benchmarks;

/// <summary>
/// One online decision and its update (the bar: under 50 us for mec-ol at N = 100, d = 20, K = 100):
/// a latent context of 100 features, 100 models; 4,096 rounds drawn once and cycled, after 2,000 rounds of
/// learning, so the arms hold data. One operation is Choose + Learn of one round.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class OnlineDecisionBenchmarks
{
    private OnlineRound[] rounds = null!;
    private IOnlineSelector ol = null!, linucb = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        const int models = 100;
        var streams = new RandomStreams(3);
        var world = new LatentContext(100, Types: 5, Informative: 5).Draw(models, streams);
        rounds = Enumerable.Range(0, 4096).Select(t =>
        {
            var (features, type, accuracy) = world.Request(t, streams);
            var request = new NetworkRequest(t, 0, 0, 1, 1, 0, 0, 1, new double[models], new double[models]) { Context = features, TaskType = type };
            return new OnlineRound(t, request, accuracy!.Select(a => -Math.Log(a)).ToArray());
        }).ToArray();
        ol = new MecOl(new Random(1), d: 20);
        linucb = new MecLinUcb(new Random(2), d: 20);
        for (int t = 0; t < 2000; t++)
        {
            Step(ol);
            Step(linucb);
        }
    }

    private void Step(IOnlineSelector learner)
    {
        var round = rounds[next++ & 4095];
        int k = learner.Choose(round);
        learner.Learn(round, k, round.TruePenalties[k]);
    }

    [Benchmark]
    public void MecOlDecision() => Step(ol);

    [Benchmark]
    public void MecLinUcbDecision() => Step(linucb);
}

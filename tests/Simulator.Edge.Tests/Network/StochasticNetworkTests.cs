using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Edge.Tests.Network;

public class StochasticNetworkTests
{
    [Fact]
    public void Without_contention_every_request_takes_the_delay_planned_for_it_to_the_clock_tick()
    {
        var rng = new Random(3);
        int requests = 0;
        for (int trial = 0; trial < 20; trial++)
        {
            var catalog = PfmGenerator.Build(new PfmSpec(rng.Next(1, 6), 1), new AffineProfile(0, 0), 0, rng);
            var world = new NetworkWorldSpec
            {
                Cloudlets = rng.Next(1, 12),
                Links = trial % 2 == 0 ? new PaperLinks() : new RealisticLinks(1.25e9, 0.001, 1.25e8, 0.02),
                CloudletRanges = new CloudletRanges { CapacityGB = new Interval(20, 40) }, // evictions happen
            };
            var env = new Simulation();
            var sim = new StochasticNetwork(env, world, new NetworkProcessSpec(0.5, 3, Queueing.Analytic, Contention.None), catalog, new NearestFirst(), new PenaltySpec(), new RandomStreams((ulong)trial), 0);
            sim.Service.RequestCompleted += (r, planned, realized) =>
            {
                // Equal up to the clock: each of the few delays on a request's path is truncated to 100 ns ticks.
                Assert.Equal(planned.Delay, realized, 1e-6);
                requests++;
            };
            env.RunD(600);
            Assert.True(sim.Network.Stores.All(s => s.UsedBytes <= s.CapacityBytes || s.Evictions == 0), "a store over capacity once nothing is pinned");
        }
        Assert.True(requests > 2000, $"{requests} requests");
    }

    [Fact]
    public void Under_join_a_part_on_its_way_is_waited_for_and_the_bytes_are_counted_where_they_came_from()
    {
        // Every part from the data centre over a 1 Gb/s backhaul: a model's parts take seconds to arrive, while
        // requests for it keep coming every half second. Pulling again sends them for each decision; joining, once.
        FetchMeasures Run(Inflight inflight)
        {
            var rng = new Random(5);
            var catalog = PfmGenerator.Build(new PfmSpec(4, 2), new AffineProfile(0, 0), 0, rng);
            var world = new NetworkWorldSpec
            {
                Cloudlets = 3,
                Links = new RealisticLinks(1.25e9, 0.001, 1.25e8, 0.02),
                CloudletRanges = new CloudletRanges { CapacityGB = new Interval(20, 40) },
            };
            var env = new Simulation();
            var sim = new StochasticNetwork(env, world, new NetworkProcessSpec(2, 0.5, Queueing.Analytic, Contention.None) { Inflight = inflight }, catalog,
                new FromTheDataCentre(), new PenaltySpec(), new RandomStreams(9), 0);
            env.RunD(300);
            return sim.Fetch.Measures;
        }
        var again = Run(Inflight.PullAgain);
        var join = Run(Inflight.Join);
        Assert.True(join.BytesSent > 0);
        Assert.True(again.BytesSent > 2 * join.BytesSent, $"pull-again sent {again.BytesSent / 1e9:0.#} GB, join {join.BytesSent / 1e9:0.#} GB");
        foreach (var m in new[] { again, join })
        {
            Assert.Equal(m.BytesSent, m.BytesFromDataCentre);
            Assert.Equal(0, m.BytesFromCloudlets);
        }
    }

    /// <summary>The first admissible model, both parts from the data centre whoever else holds them.</summary>
    private sealed class FromTheDataCentre : INetworkSelector
    {
        public NetworkPlan Select(NetworkView view)
        {
            int dc = view.Instance.Topology.DataCentre;
            return new NetworkPlan(view.Instance.Requests.Select((r, j) =>
                Enumerable.Range(0, view.Instance.Parts.Count).Where(k => view.Estimates.Admissible(j, k)).Select(k => (Assignment?)new Assignment(k, dc, dc)).FirstOrDefault()).ToArray());
        }
    }

    [Fact]
    public void A_simulated_cloudlet_queue_reproduces_the_md1_mean_wait()
    {
        // One cloudlet holding the one model: no pulls. Service s = phi |M| / f = 100 * 10 / 200 = 5 s, Poisson
        // arrivals at 0.1 /s: rho = 0.5 and the M/D/1 wait (Pollaczek-Khinchine) is lambda s^2 / (2 (1 - rho)) = 2.5 s.
        // A 1 ms window passes arrivals on almost unchanged. 20 independent replications of 20,000 requests.
        var catalog = PfmGenerator.Build(new PfmSpec(1, 1, MinGB: 10, MaxGB: 10, MinIntensity: 100, MaxIntensity: 100), new AffineProfile(0, 0), 0, new Random(1));
        var world = new NetworkWorldSpec { Cloudlets = 1, CloudletRanges = new CloudletRanges { ProcessingRate = Interval.Fixed(200), CapacityGB = Interval.Fixed(24) } };
        var means = new List<double>();
        for (int rep = 0; rep < 20; rep++)
        {
            var env = new Simulation();
            var sim = new StochasticNetwork(env, world, new NetworkProcessSpec(0.1, 0.001, Queueing.Simulated, Contention.None), catalog, new NearestFirst(), new PenaltySpec(), new RandomStreams((ulong)(100 + rep)), warmupSeconds: 1000);
            env.RunD(201_000);
            Assert.IsType<FifoServerService>(sim.Service);
            Assert.Equal(5, sim.Service.Measures.Inference.Mean, 9);
            Assert.Equal(0, sim.Service.Measures.Pull.Mean, 12);
            means.Add(sim.Service.Measures.Queueing.Mean);
        }
        double mean = means.Average(), sd = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (means.Count - 1));
        double half = 2.861 * sd / Math.Sqrt(means.Count); // t(0.995, 19)
        Assert.InRange(2.5, mean - half, mean + half);
        Assert.True(half < 0.1, $"the interval is too wide to mean anything: ±{half}");
    }

    private sealed class Best : IOnlineSelector
    {
        public int Choose(OnlineRound round) => Enumerable.Range(0, round.Models).MinBy(k => round.TruePenalties[k]);

        public void Learn(OnlineRound round, int model, double penalty) { }
    }

    private sealed class Always(int model) : IOnlineSelector
    {
        public int Choose(OnlineRound round) => model;

        public void Learn(OnlineRound round, int chosen, double penalty) => Assert.Equal(round.TruePenalties[chosen], penalty);
    }

    [Fact]
    public void Online_learners_decide_each_arrival_and_their_regret_curve_grows_with_log_t()
    {
        var catalog = PfmGenerator.Build(new PfmSpec(4, 2), new AffineProfile(0, 0), 0, new Random(2));
        var world = new NetworkWorldSpec { Cloudlets = 10, Context = new LatentContext(8, Types: 2, Informative: 2) };
        var process = new NetworkProcessSpec(5, 10, Queueing.Analytic, Contention.None);
        (SelectionMeasures Selection, long Served) Run(IOnlineSelector learner)
        {
            var env = new Simulation();
            var sim = new StochasticNetwork(env, world, process, catalog, learner, new PenaltySpec(), new RandomStreams(4), 0);
            env.RunD(400);
            return (sim.SelectionMeasures, sim.Service.Measures.Served);
        }
        var (best, _) = Run(new Best());
        var (fixedModel, served) = Run(new Always(1));
        Assert.Equal(best.Rounds, fixedModel.Rounds); // the same arrivals for every learner
        Assert.InRange(best.Rounds, 1800, 2200);       // 5 /s for 400 s
        Assert.Equal(0, best.CumulativeRegret);
        Assert.Equal(best.Rounds, best.BestPicks);
        Assert.True(fixedModel.CumulativeRegret > 0);
        // R(t) at t = 1, 2, 4, ...: one point per power of two, and non-decreasing.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => 1L << i).TakeWhile(t => t <= fixedModel.Rounds), fixedModel.RegretCurve.Select(c => c.Round));
        Assert.True(fixedModel.RegretCurve.Zip(fixedModel.RegretCurve.Skip(1)).All(p => p.First.Regret <= p.Second.Regret));
        Assert.True(served > 1500, $"{served} served");
    }
}

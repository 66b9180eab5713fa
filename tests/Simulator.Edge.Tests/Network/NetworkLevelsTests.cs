using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Edge.Tests.Network;

public class NetworkLevelsTests
{
    /// <summary>The time each of the intervals spends in window [start, start + width), divided by the width: the window's mean count.</summary>
    private static double Mean(IEnumerable<(double From, double To)> intervals, double start, double width) =>
        intervals.Sum(i => Math.Max(0, Math.Min(i.To, start + width) - Math.Max(i.From, start))) / width;

    [Theory]
    [InlineData(1UL, Queueing.Simulated, Contention.FairShare)]
    [InlineData(2UL, Queueing.Analytic, Contention.None)]
    [InlineData(3UL, Queueing.Simulated, Contention.FairShare)]
    public void The_traced_levels_are_the_requests_lifetimes_and_the_stores_bytes_window_by_window(ulong seed, Queueing queueing, Contention contention)
    {
        // Pulls over 1 Gb/s backhaul take seconds, stores of 20 to 30 GB evict, and a light load lets every request
        // that arrives before the last 150 s end by the horizon, so those windows are known whole from the outcomes.
        var catalog = PfmGenerator.Build(new PfmSpec(12, 4), new AffineProfile(0, 0), 0, new Random((int)seed));
        var world = new NetworkWorldSpec
        {
            Cloudlets = 6,
            Links = new RealisticLinks(1.25e9, 0.001, 1.25e8, 0.02),
            CloudletRanges = new CloudletRanges { CapacityGB = new Interval(20, 30) },
        };
        const double horizon = 600, settled = 450, width = 7.5, warmup = 50;
        var env = new Simulation();
        var selector = new NearestFirst();
        var sim = new StochasticNetwork(env, world, new NetworkProcessSpec(0.4, 3, queueing, contention), catalog, selector, new PenaltySpec(), new RandomStreams(seed), warmup, width);
        var lifetimes = new Dictionary<long, (double Arrival, double Decided, double Admitted, double End, bool Served)>();
        sim.Pipeline.Ended += (r, outcome) => lifetimes[r.Id] = (r.Arrival, r.Decided, r.Admitted, env.NowD, outcome.Outcome == Outcome.Served);
        // The stores' bytes, read off every store on a fine clock: an oracle that does not follow their changes.
        var sampled = new List<(double At, double Bytes)>();
        const double tick = 0.01;
        IEnumerable<Event> Sample()
        {
            while (true)
            {
                sampled.Add((env.NowD, sim.Network.Stores.Sum(s => s.UsedBytes)));
                yield return env.TimeoutD(tick);
            }
        }
        env.Process(Sample());
        env.RunD(horizon);
        var trace = sim.Levels!;
        Assert.True(sim.Network.Stores.Sum(s => s.Evictions) > 0, "the stores evict");
        Assert.All(selector.Offered.Where(o => o.Value < settled), o => Assert.True(lifetimes.ContainsKey(o.Key), $"request {o.Key} arrived at {o.Value} and has not ended"));

        var ended = lifetimes.Values.ToArray();
        var inNetwork = trace.InSystem.Means(horizon);
        var awaiting = trace.AwaitingParts.Means(horizon);
        var stored = trace.StoredBytes.Means(horizon);
        Assert.Equal(80, inNetwork.Count);
        int checkedWindows = 0;
        double pulling = 0;
        for (int k = 0; (k + 1) * width <= settled; k++, checkedWindows++)
        {
            double start = k * width;
            Assert.Equal(start, inNetwork[k].Start, 12);
            Assert.Equal(Mean(ended.Select(e => (e.Arrival, e.End)), start, width), inNetwork[k].Mean, 9);
            // Placed nowhere: never decided, never pulling.
            double parts = Mean(ended.Where(e => e.Served).Select(e => (e.Decided, e.Admitted)), start, width);
            Assert.Equal(parts, awaiting[k].Mean, 9);
            pulling += parts;
            var inWindow = sampled.Where(s => s.At >= start && s.At < start + width).Select(s => s.Bytes).ToArray();
            Assert.Equal(inWindow.Average(), stored[k].Mean, stored[k].Mean * 2e-3);
        }
        Assert.Equal(60, checkedWindows);
        Assert.True(pulling > 1, $"requests wait for pulls ({pulling} request-windows)");
        Assert.Equal(sim.Network.Stores.Sum(s => s.UsedBytes), sampled[^1].Bytes);

        // The delays: every counted request served, binned, with its exact mean.
        var measures = sim.Service.Measures;
        Assert.Equal(measures.Served, sim.Service.Measures.DelayDistribution.Count);
        Assert.True(measures.Served > 100, $"{measures.Served} served");
        Assert.Equal(measures.Delay.Mean, sim.Service.Measures.DelayDistribution.Mean, 1e-9 * measures.Delay.Mean);
    }
}

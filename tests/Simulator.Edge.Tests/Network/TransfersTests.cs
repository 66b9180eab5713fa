using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Edge.Tests.Network;

public class TransfersTests
{
    /// <summary>Cloudlets 0 - 1 - 2 in a line at 10 B/s and no latency; the data centre hangs off 0 at 1 B/s.</summary>
    private static Topology Line(double latency = 0) =>
        new(new[] { new Position(0, 0), new Position(1, 0), new Position(2, 0) },
            new[]
            {
                new Link(0, 1, LinkClass.Metro, new LinkCost(latency, 0.1)),
                new Link(1, 2, LinkClass.Metro, new LinkCost(latency, 0.1)),
                new Link(0, 3, LinkClass.Backhaul, new LinkCost(latency, 1)),
            },
            new RealisticLinks(10, latency, 1, latency));

    private static List<(string Name, double At)> Run(Topology t, Contention contention, params (string Name, int From, int To, double Bytes, double Start)[] flows)
    {
        var env = new Simulation();
        var transfers = new Transfers(env, t, contention);
        var done = new List<(string, double)>();
        foreach (var f in flows)
            env.TimeoutD(f.Start).AddCallback(_ => transfers.Start(f.From, f.To, f.Bytes).AddCallback(_ => done.Add((f.Name, env.NowD))));
        env.Run();
        return done;
    }

    [Fact]
    public void Two_flows_on_one_link_share_it_and_the_survivor_takes_it_all()
    {
        // A: 0->1, 100 B; B: 0->2, 200 B. Both cross 0-1: 5 B/s each; A ends at 20 s, then B runs alone at 10 B/s.
        var done = Run(Line(), Contention.FairShare, ("A", 0, 1, 100, 0), ("B", 0, 2, 200, 0));
        Assert.Equal(20, done.Single(d => d.Name == "A").At, 9);
        Assert.Equal(30, done.Single(d => d.Name == "B").At, 9);
    }

    [Fact]
    public void Max_min_fairness_gives_a_flow_held_back_elsewhere_only_its_bottleneck()
    {
        // A: DC->1 crosses the 1 B/s backhaul and 0-1; B: 0->1. Max-min: A gets 1 B/s (its bottleneck), B the other 9.
        var done = Run(Line(), Contention.FairShare, ("A", 3, 1, 10, 0), ("B", 0, 1, 90, 0));
        Assert.Equal(10, done.Single(d => d.Name == "A").At, 9);
        Assert.Equal(10, done.Single(d => d.Name == "B").At, 9);
        // A flow joining later slows the first from then on: C 0->2 from t = 4 shares 0-1 with B.
        var later = Run(Line(), Contention.FairShare, ("B", 0, 1, 90, 0), ("C", 0, 2, 10, 4));
        // B: 40 B by t = 4, then 5 B/s; C: 10 B at 5 B/s ends at t = 6; B has 40 left at t = 6 at 10 B/s: t = 10.
        Assert.Equal(6, later.Single(d => d.Name == "C").At, 9);
        Assert.Equal(10, later.Single(d => d.Name == "B").At, 9);
    }

    [Fact]
    public void Latency_comes_first_and_an_uncontended_flow_lands_on_the_topology_estimate()
    {
        var t = Line(latency: 0.5);
        foreach (var contention in new[] { Contention.None, Contention.FairShare })
        {
            var done = Run(t, contention, ("A", 3, 2, 7, 0));
            Assert.Equal(t.TransferSeconds(3, 2, 7), done.Single().At, 12);
            Assert.Equal(1.5 + 7, done.Single().At, 12); // three links' latency, 7 B at the 1 B/s bottleneck
        }
    }

    [Fact]
    public void A_flow_whose_finish_falls_between_clock_ticks_ends_on_the_next_tick_with_one_timer()
    {
        // 1 GB at 10 Gb/s and odd sizes: finishing times are not whole ticks. The finish timer rounds up,
        // so each flow ends at the first tick at or after its finish, and nothing spins at one instant.
        var t = new Topology(new[] { new Position(0, 0), new Position(1, 0) },
            new[] { new Link(0, 1, LinkClass.Metro, new LinkCost(0, 1 / 1.25e9)), new Link(0, 2, LinkClass.Backhaul, new LinkCost(0, 1e-8)) },
            new RealisticLinks(1.25e9, 0, 1e8, 0));
        var env = new Simulation();
        var transfers = new Transfers(env, t, Contention.FairShare);
        var done = new List<double>();
        var bytes = new[] { 1e9 + 17, 3.3e8 + 1, 7.77e7 };
        foreach (var b in bytes) transfers.Start(0, 1, b).AddCallback(_ => done.Add(env.NowD));
        env.Run();
        // Shared three ways, then two, then alone: 7.77e7 B ends at 3 x 7.77e7 / 1.25e9, and so on.
        double first = 3 * bytes[2] / 1.25e9, second = first + 2 * (bytes[1] - bytes[2]) / 1.25e9, third = second + (bytes[0] - bytes[1]) / 1.25e9;
        Assert.Equal(3, done.Count);
        foreach (var (at, due) in done.Zip(new[] { first, second, third }))
            Assert.InRange(at, due - 1e-12, due + 3e-7); // on the tick at or after the finish (rounding carried over at most three timers)
        Assert.True(env.ProcessedEvents < 20, $"{env.ProcessedEvents} events");
    }

    [Fact]
    public void Fair_share_refuses_the_papers_per_gb_links()
    {
        var t = Topology.Build(new[] { new Position(0, 0) }, new RandomConnectedEdges(), new PaperLinks(), new Random(1));
        Assert.Throws<ArgumentException>(() => new Transfers(new Simulation(), t, Contention.FairShare));
    }
}

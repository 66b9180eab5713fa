using Simulator.Edge;
using Simulator.Kernel;

namespace Simulator.Edge.Tests;

public class StaticRoundTests
{
    private sealed class FirstView : IBatchScheduler
    {
        public SiteView? Seen { get; private set; }

        public Plan Plan(SiteView view)
        {
            Seen ??= view;
            return new Plan(Array.Empty<PlannedBatch>());
        }
    }

    [Fact]
    public void A_static_round_holds_the_users_a_simulated_site_sees_at_time_zero()
    {
        var workload = new SyntheticWorkload(new BatchAtZero(9), new ZipfPopularity(0.8), new ConstantQuantity(0.7));
        var spec = SiteFixture.Spec() with { RamBytes = 200_000_000, RamPreload = new[] { SiteFixture.Catalog.Models[0].Id } };
        var round = StaticRound.Draw(SiteFixture.Catalog, spec, workload, new RandomStreams(21));

        var env = new Simulation();
        var first = new FirstView();
        SiteFixture.Site(env, first, seed: 21, spec: spec, workload: workload);
        env.RunD(1);
        var seen = first.Seen!;

        Assert.Equal(9, round.Queue.Count);
        Assert.Equal(seen.Queue, round.Queue); // records: ids, models, bits, channel at t = 0, deadlines
        Assert.Empty(round.Resident);
        Assert.Equal(seen.InRam.Order(), round.InRam.Order());
        Assert.NotEmpty(round.InRam);
        Assert.Equal(0, round.Now);
    }

    [Fact]
    public void A_static_round_refuses_requests_after_time_zero()
    {
        var ex = Assert.Throws<ArgumentException>(() => StaticRound.Draw(SiteFixture.Catalog, SiteFixture.Spec(), SiteFixture.Workload(), new RandomStreams(1)));
        Assert.Contains("batch-at-zero", ex.Message);
    }
}

using static Simulator.Kernel.Distributions;

namespace Simulator.Kernel.Tests.Parity;

/// <summary>The parts of SimSharp's API that the samples do not exercise.</summary>
public class ApiTests
{
    [Fact]
    public void A_resource_pool_gives_each_request_a_resource_its_filter_accepts()
    {
        var env = new Simulation();
        var pool = new ResourcePool(env, new object[] { "jack", "john" });
        var anyone = pool.Request();
        Assert.Equal("jack", anyone.Value);
        var wantsJack = pool.Request(o => (string)o == "jack");
        var anyoneElse = pool.Request();
        Assert.False(wantsJack.IsTriggered); // jack is busy ...
        Assert.Equal("john", anyoneElse.Value); // ... which does not block a request that john fits
        Assert.Equal(0, pool.Remaining);
        Assert.True(pool.IsAvailable(_ => true) == false);
        anyone.Dispose();
        Assert.Equal(1, pool.Remaining); // back at once, handed over when the release is processed
        Assert.False(wantsJack.IsTriggered);
        env.Run();
        Assert.Equal("jack", wantsJack.Value);
        Assert.Equal(2, pool.InUse);
    }

    [Fact]
    public void A_withdrawn_pool_request_takes_nothing()
    {
        var env = new Simulation();
        var pool = new ResourcePool(env, new object[] { 1 });
        var held = pool.Request();
        var gone = pool.Request();
        gone.Dispose();
        held.Dispose();
        env.Run();
        Assert.False(gone.IsTriggered);
        Assert.Equal(1, pool.Remaining);
        Assert.Throws<ArgumentException>(() => new ResourcePool(env, Array.Empty<object>()));
    }

    [Fact]
    public void A_released_pool_resource_joins_the_end_of_the_free_list()
    {
        var env = new Simulation();
        var pool = new ResourcePool(env, new object[] { "a", "b", "c" });
        var first = pool.Request();
        Assert.Equal("a", first.Value);
        first.Dispose();
        Assert.Equal("b", pool.Request().Value);
        Assert.Equal("c", pool.Request().Value);
        Assert.Equal("a", pool.Request().Value);
    }

    [Fact]
    public void WhenNew_triggers_on_the_next_item_put_in()
    {
        var env = new Simulation();
        var store = new Store(env);
        var next = store.WhenNew();
        Assert.False(next.IsTriggered);
        store.Put("a");
        Assert.True(next.IsTriggered);
        var filter = new FilterStore(env, new object[] { 1, 2, 3 });
        Assert.Equal(3, filter.Count);
        Assert.True(filter.IsAvailable(o => (int)o == 2));
        var after = filter.WhenNew();
        filter.Put(4);
        Assert.True(after.IsTriggered);
    }

    [Fact]
    public void Stores_take_initial_items_within_their_capacity()
    {
        var env = new Simulation();
        var prio = new PriorityStore(env, new object[] { "c", "a", "b" }, new[] { 3.0, 1.0, 2.0 });
        Assert.Equal(new object?[] { "a", "b", "c" }, Enumerable.Range(0, 3).Select(_ => prio.Get().Value));
        Assert.Throws<ArgumentException>(() => new PriorityStore(env, new object[] { 1 }, new[] { 1.0, 2.0 }));
        Assert.Throws<ArgumentException>(() => new FilterStore(env, new object[] { 1, 2 }, capacity: 1));
        Assert.Throws<ArgumentException>(() => new Store(env, new object[] { 1, 2 }, capacity: 1));
    }

    [Fact]
    public void A_simulation_without_a_seed_is_seeded_with_zero()
    {
        var unif = UNIF(0, 1);
        Assert.Equal(new Simulation(0).Rand(unif, 5), new Simulation().Rand(unif, 5));
        Assert.Equal(new Simulation(0).Rand(unif, 5), new Simulation(new DateTime(2020, 1, 1)).Rand(unif, 5));
        Assert.NotEqual(new Simulation(0).Rand(unif, 5), new Simulation(1).Rand(unif, 5));
    }

    [Fact]
    public void Rand_and_TimeoutD_take_distributions()
    {
        var env = new Simulation(11);
        var draws = env.Rand(UNIF(0, 10), 4).ToArray();
        Assert.Equal(4, draws.Length);
        Assert.All(draws, d => Assert.InRange(d, 0, 10));
        env.Reset(11);
        Assert.Equal(draws[0], env.Rand(UNIF(0, 10)));
        var t = env.TimeoutD(CONST(2.5));
        env.Run();
        Assert.Equal(2.5, env.NowD);
        env.Timeout(CONST(TimeSpan.FromMinutes(1)));
        env.Run();
        Assert.Equal(62.5, env.NowD);
        Assert.True(env.TryRand(POS(N(5, 1)), out double positive) && positive > 0);
        Assert.False(env.TryRand(POS(CONST(-1.0), ntries: 3), out _));
        Assert.Throws<InvalidOperationException>(() => env.Rand(POS(CONST(-1.0), ntries: 3)));
        Assert.True(t.IsProcessed);
    }

    public static TheoryData<string, IDistribution<double>, double, double> Moments => new()
    {
        { "UNIF(2,5)", UNIF(2, 5), 3.5, Math.Sqrt(9 / 12.0) },
        { "TRI(0,4,1)", TRI(0, 4, 1), 5 / 3.0, Math.Sqrt((16 + 1 - 4) / 18.0) },
        { "TRI(10,12)", TRI(10, 12), 11, Math.Sqrt((100 + 144 + 121 - 120 - 110 - 132) / 18.0) },
        { "EXP(2)", EXP(2), 2, 2 },
        { "N(1,2)", N(1, 2), 1, 2 },
        { "LNORM(0,0.5)", LNORM(0, 0.5), Math.Exp(0.125), Math.Sqrt((Math.Exp(0.25) - 1) * Math.Exp(0.25)) },
        { "LNORM(1,0.5)", LNORM(1, 0.5), Math.Exp(1.125), Math.Sqrt((Math.Exp(0.25) - 1) * Math.Exp(2.25)) },
        { "LNORM2(2,1)", LNORM2(2, 1), 2, 1 },
        { "WEI(2,3)", WEI(2, 3), 3 * 0.886226925452758, 3 * Math.Sqrt(1 - 0.785398163397448) },
        { "ERL(3,2)", ERL(3, 2), 1.5, Math.Sqrt(3) / 2 },
    };

    /// <summary>Closed-form moments: each sample mean within 4.5 standard errors, each sample deviation within 3 %.</summary>
    [Theory]
    [MemberData(nameof(Moments))]
    public void Samples_have_the_closed_form_mean_and_deviation(string name, IDistribution<double> distribution, double mean, double sd)
    {
        const int n = 200_000;
        var x = distribution.Sample(new PcgRandom(2024), n).ToArray();
        double m = x.Average();
        double s = Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (n - 1));
        Assert.True(Math.Abs(m - mean) < 4.5 * sd / Math.Sqrt(n), $"{name}: mean {m} against {mean}");
        Assert.True(Math.Abs(s / sd - 1) < 0.03, $"{name}: sd {s} against {sd}");
        if (Reported(distribution) is var (reportedMean, reportedSd))
        {
            Assert.Equal(mean, reportedMean, 12);
            Assert.Equal(sd, reportedSd, 12);
        }
    }

    /// <summary>The mean and deviation a distribution states of itself, where it states them (Weibull does not).</summary>
    private static (double Mean, double StdDev)? Reported(IDistribution<double> distribution) => distribution switch
    {
        Uniform u => (u.Mean, u.StdDev),
        Triangular t => (t.Mean, t.StdDev),
        Exponential e => (e.Mean, e.StdDev),
        Normal n => (n.Mean, n.StdDev),
        LogNormal l => (l.Mean, l.StdDev),
        Erlang e => (e.Mean, e.StdDev),
        _ => null,
    };

    [Fact]
    public void Reported_moments_are_the_true_ones_where_SimSharp_reports_others()
    {
        Assert.Equal(2, EXP(2).StdDev); // SimSharp: 1 / mean
        Assert.Equal(11, TRI(10, 12).Mode); // SimSharp: (upper - lower) / 2 = 1, outside the range
        var d = new UniformDiscrete(3, 7); // 3, 4, 5, 6
        Assert.Equal(4.5, d.Mean);
        Assert.Equal(Math.Sqrt(15 / 12.0), d.StdDev);
        // The static LogNormal draw is a log-normal of that mean (SimSharp returns the underlying normal draw).
        var r = new PcgRandom(5);
        var x = Enumerable.Range(0, 100_000).Select(_ => LogNormal.Sample(r, 2, 1)).ToArray();
        Assert.All(x, v => Assert.True(v > 0));
        Assert.InRange(x.Average(), 2 - 4.5 / Math.Sqrt(x.Length), 2 + 4.5 / Math.Sqrt(x.Length));
    }

    [Fact]
    public void Selection_without_repetition_gives_every_subset_its_chance()
    {
        // Knuth's selection sampling: each of 5 items is in a 2-subset with probability 2/5. SimSharp's
        // version always returns the first two.
        var counts = new int[5];
        var r = new PcgRandom(7);
        for (int i = 0; i < 20_000; i++)
            foreach (var k in new EmpiricalUniform<int>([0, 1, 2, 3, 4]).SampleNoRepetition(r, 2)) counts[k]++;
        Assert.All(counts, c => Assert.InRange(c, 7_600, 8_400));
        Assert.Equal(40_000, counts.Sum());
    }

    [Fact]
    public void Subclasses_see_the_waiting_lines_in_service_order()
    {
        var env = new Simulation();
        var res = new InspectedPriorityResource(env);
        res.Request(priority: 5);
        var late = res.Request(priority: 3);
        var early = res.Request(priority: 1);
        var gone = res.Request(priority: 2);
        gone.Dispose();
        Assert.Equal(new[] { early, late }, res.Waiting);
        var store = new InspectedStore(env);
        var g1 = store.Get();
        var g2 = store.Get();
        Assert.Equal(new[] { g1, g2 }, store.Gets);
        var prio = new InspectedPriorityStore(env);
        prio.Put("b", 2);
        prio.Put("a", 1);
        Assert.Equal(new object[] { "a", "b" }, prio.InOrder);
    }

    private sealed class InspectedPriorityResource(Simulation env) : PriorityResource(env, 1)
    {
        public PreemptiveRequest[] Waiting => RequestQueue.ToArray();
    }

    private sealed class InspectedStore(Simulation env) : Store(env)
    {
        public StoreGet[] Gets => GetQueue.ToArray();
    }

    private sealed class InspectedPriorityStore(Simulation env) : PriorityStore(env)
    {
        public object[] InOrder => Items.Select(i => i.Item).ToArray();
    }
}

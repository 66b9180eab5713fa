using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Edge.Tests;

/// <summary>
/// Strategies that learn from outcomes, and decisions that come from outside the run: observing changes nothing,
/// outcomes arrive in simulated time order and add up to the metrics, and a run paused at every decision and
/// answered from outside ends exactly as the run that decided at once.
/// </summary>
public class DecisionsFromOutsideTests
{
    /// <summary>The oldest request's model, its queued requests in arrival order (the memory rule applies).</summary>
    private sealed class OldestFirst : IBatchScheduler
    {
        public Plan Plan(SiteView view)
        {
            if (view.Queue.Count == 0) return Edge.Plan.Empty;
            var model = view.Catalog.Model(view.Queue.MinBy(r => (r.Arrival, r.Id))!.ModelId);
            var ids = view.Queue.Where(r => r.ModelId == model.Id).OrderBy(r => r.Arrival).ThenBy(r => r.Id).Take(view.MaxBatchSize(model)).Select(r => r.Id).ToArray();
            return new Plan(new[] { new PlannedBatch(model.Id, ids) });
        }
    }

    private sealed class Observing(IBatchScheduler inner, Simulation env) : IBatchScheduler, IOutcomeObserver
    {
        public List<(double Now, RequestOutcome Outcome)> Seen { get; } = new();

        public Plan Plan(SiteView view) => inner.Plan(view);

        public void Observe(in RequestOutcome outcome) => Seen.Add((env.NowD, outcome));
    }

    /// <summary>Asks are kept for the driver to answer with the inner scheduler's plan, later.</summary>
    private sealed class AnsweredLater(IBatchScheduler inner) : IDeferredScheduler
    {
        public (SiteView View, Action<Plan> Answer)? Pending { get; set; }

        public int Asked { get; private set; }

        public Plan Plan(SiteView view) => throw new InvalidOperationException("a deferred scheduler is asked, not called");

        public void Ask(SiteView view, Action<Plan> answer)
        {
            Asked++;
            Pending = (view, answer);
        }

        public void AnswerPending()
        {
            var (view, answer) = Pending!.Value;
            Pending = null;
            answer(inner.Plan(view));
        }
    }

    /// <summary>A site under load enough that some requests miss (40 /s, a 0.3 s budget), scheduled by <paramref name="scheduler"/>.</summary>
    private static LoneSite Loaded(Simulation env, IBatchScheduler scheduler, SiteSpec spec) =>
        SiteFixture.Site(env, scheduler, spec: spec, workload: SiteFixture.Workload(rate: 40, budget: 0.3));

    /// <summary>The same site deciding at once, oldest first, run 300 s: what the other runs must equal.</summary>
    private static LoneSite Decided(SiteSpec spec)
    {
        var env = new Simulation();
        var site = Loaded(env, new OldestFirst(), spec);
        env.RunD(300);
        return site;
    }

    private static object[] Measured(LoneSite site)
    {
        var m = site.Metrics;
        return new object[] { site.Pipeline.Arrived, m.OnTime, m.Late, m.Expired, m.Rejected, m.BytesFromDisk, m.BytesOverPcie, m.LatencyP50, m.LatencyP95, m.LoadingSeconds, m.ComputingSeconds, site.Unfinished };
    }

    [Theory]
    [InlineData(Timeline.Overlap, Replan.EveryBatch)]
    [InlineData(Timeline.Pipelined, Replan.OnArrival)]
    [InlineData(Timeline.Sequential, Replan.EveryBatch)]
    public void A_scheduler_that_observes_outcomes_runs_the_same_and_hears_each_outcome_once_in_time_order(Timeline timeline, Replan replan)
    {
        var spec = SiteFixture.Spec(timeline, replan);
        var plain = Decided(spec);
        var env = new Simulation();
        var observer = new Observing(new OldestFirst(), env);
        var site = Loaded(env, observer, spec);
        env.RunD(300);
        Assert.Equal(Measured(plain), Measured(site));
        var seen = observer.Seen;
        Assert.True(seen.Count > 5000, $"{seen.Count} outcomes");
        Assert.Equal(site.Metrics.OnTime, seen.Count(s => s.Outcome.Outcome == Outcome.OnTime));
        Assert.Equal(site.Metrics.Late, seen.Count(s => s.Outcome.Outcome == Outcome.Late));
        Assert.Equal(site.Metrics.Expired, seen.Count(s => s.Outcome.Outcome == Outcome.Expired));
        Assert.True(site.Metrics.Late + site.Metrics.Expired > 0, "the load should make some requests miss");
        Assert.Equal(seen.Count, seen.Select(s => s.Outcome.Request).Distinct().Count());
        for (int i = 1; i < seen.Count; i++) Assert.True(seen[i].Now >= seen[i - 1].Now, $"outcome {i} heard at {seen[i].Now}, before {seen[i - 1].Now}");
        Assert.All(seen, s =>
        {
            Assert.True(s.Outcome.Time >= s.Now);
            if (s.Outcome.Outcome is Outcome.OnTime or Outcome.Late) Assert.True(s.Outcome.Delay > 0);
            else Assert.True(double.IsNaN(s.Outcome.Delay));
        });
    }

    [Theory]
    [InlineData(Timeline.Overlap, Replan.EveryBatch)]
    [InlineData(Timeline.Pipelined, Replan.OnArrival)]
    [InlineData(Timeline.Sequential, Replan.EveryBatch)]
    public void A_run_paused_at_every_decision_and_answered_from_outside_ends_as_the_run_that_decided_at_once(Timeline timeline, Replan replan)
    {
        var spec = SiteFixture.Spec(timeline, replan);
        var plain = Decided(spec);
        var env = new Simulation();
        var outside = new AnsweredLater(new OldestFirst());
        var site = Loaded(env, outside, spec);
        var end = env.EndAtD(300);
        int pauses = 0;
        for (env.Run(end); !env.Ended(end); env.Run(end))
        {
            Assert.NotNull(outside.Pending);
            Assert.Equal(env.NowD, outside.Pending!.Value.View.Now);
            pauses++;
            outside.AnswerPending();
        }
        Assert.Null(outside.Pending);
        Assert.Equal(outside.Asked, pauses);
        Assert.True(pauses > 3000, $"{pauses} pauses");
        Assert.Equal(300, env.NowD);
        Assert.Equal(Measured(plain), Measured(site));
    }

    /// <summary>The model of least mean penalty so far, each tried once first: a learner that needs its updates.</summary>
    private sealed class Greedy : IOnlineSelector
    {
        private double[] sum = Array.Empty<double>();
        private int[] count = Array.Empty<int>();

        public int Choose(OnlineRound round)
        {
            if (sum.Length == 0) (sum, count) = (new double[round.Models], new int[round.Models]);
            for (int k = 0; k < round.Models; k++)
                if (count[k] == 0) return k;
            return Enumerable.Range(0, round.Models).MinBy(k => sum[k] / count[k]);
        }

        public void Learn(OnlineRound round, int model, double penalty)
        {
            sum[model] += penalty;
            count[model]++;
        }
    }

    private sealed class LearnsLater(IOnlineSelector inner) : IDeferredLearner, IOutcomeObserver
    {
        public (OnlineRound Round, Action<int> Answer)? Pending { get; set; }

        public List<RequestOutcome> Outcomes { get; } = new();

        public int Choose(OnlineRound round) => throw new InvalidOperationException("a deferred learner is asked, not called");

        public void Learn(OnlineRound round, int model, double penalty) => inner.Learn(round, model, penalty);

        public void Ask(OnlineRound round, Action<int> answer) => Pending = (round, answer);

        public void Observe(in RequestOutcome outcome) => Outcomes.Add(outcome);

        public void AnswerPending()
        {
            var (round, answer) = Pending!.Value;
            Pending = null;
            answer(inner.Choose(round));
        }
    }

    [Fact]
    public void A_network_whose_learner_answers_from_outside_ends_as_the_network_whose_learner_answered_at_once()
    {
        var catalog = PfmGenerator.Build(new PfmSpec(6, 2), new AffineProfile(0, 0), 0, new Random(4));
        var world = new NetworkWorldSpec { Cloudlets = 12, Context = new LatentContext(20), Links = new RealisticLinks(1.25e9, 0.001, 1.25e8, 0.02) };
        var process = new NetworkProcessSpec(2, 0, Queueing.Simulated, Contention.FairShare);
        var plainEnv = new Simulation();
        var plain = new StochasticNetwork(plainEnv, world, process, catalog, new Greedy(), new PenaltySpec(), new RandomStreams(9), 0);
        plainEnv.RunD(900);
        var env = new Simulation();
        var outside = new LearnsLater(new Greedy());
        var net = new StochasticNetwork(env, world, process, catalog, outside, new PenaltySpec(), new RandomStreams(9), 0);
        var end = env.EndAtD(900);
        int pauses = 0;
        for (env.Run(end); !env.Ended(end); env.Run(end))
        {
            Assert.Equal(world.Context!.Features, outside.Pending!.Value.Round.Features);
            Assert.Equal(6, outside.Pending!.Value.Round.Terms.Count);
            outside.AnswerPending();
            pauses++;
        }
        Assert.Equal(net.SelectionMeasures.Rounds, pauses);
        Assert.True(pauses > 1500, $"{pauses} rounds");
        var (a, b) = (plain.Service.Measures, net.Service.Measures);
        Assert.Equal((a.Served, a.Delay.Mean, a.Cost.Mean, a.Accuracy.Mean), (b.Served, b.Delay.Mean, b.Cost.Mean, b.Accuracy.Mean));
        Assert.Equal(plain.SelectionMeasures.TotalPenalty, net.SelectionMeasures.TotalPenalty);
        // The learner heard of each request served, with its delay, cost and accuracy.
        Assert.Equal(b.Served, outside.Outcomes.Count(o => o.Outcome == Outcome.Served));
        Assert.All(outside.Outcomes, o => Assert.True(o.Delay > 0 && o.Accuracy is > 0 and <= 1 && o.Cost >= 0));
    }
}

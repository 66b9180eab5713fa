using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Edge.Tests.Network;

/// <summary>Which delay an online learner's penalty charges, and when it hears of it: planned at once, or realized when the result is back.</summary>
public class OnlineFeedbackTests
{
    /// <summary>Cycles through the models, noting every round it learns of: which, when, with what penalty and realized delay.</summary>
    private sealed class Noting(Simulation env) : IOnlineSelector
    {
        public List<(int Round, int Model, double Penalty, double? Realized, double At, int ChosenSoFar)> Learnt { get; } = new();

        public Dictionary<int, OnlineRound> Chosen { get; } = new();

        public int Choose(OnlineRound round)
        {
            Chosen[round.Round] = round;
            return round.Round % round.Models;
        }

        public void Learn(OnlineRound round, int model, double penalty) => Learnt.Add((round.Round, model, penalty, round.RealizedDelay, env.NowD, Chosen.Count));
    }

    private static (Noting Learner, Dictionary<long, (double End, double Decided, double Accuracy)> Served, StochasticNetwork Sim) Run(Feedback feedback, Queueing queueing, Contention contention, ulong seed)
    {
        var catalog = PfmGenerator.Build(new PfmSpec(8, 2), new AffineProfile(0, 0), 0, new Random((int)seed));
        var world = new NetworkWorldSpec
        {
            Cloudlets = 6,
            Links = new RealisticLinks(1.25e9, 0.001, 1.25e8, 0.02),
            CloudletRanges = new CloudletRanges { CapacityGB = new Interval(20, 30) },
        };
        var env = new Simulation();
        var learner = new Noting(env);
        var penalty = new PenaltySpec(0.9, 50, feedback);
        var sim = new StochasticNetwork(env, world, new NetworkProcessSpec(1, 0, queueing, contention), catalog, learner, penalty, new RandomStreams(seed), 20);
        var served = new Dictionary<long, (double, double, double)>();
        sim.Pipeline.Ended += (r, outcome) =>
        {
            if (outcome.Outcome == Outcome.Served) served[r.Id] = (outcome.Time, r.Decided, r.Network!.Accuracy[r.Choice!.Value.Model]);
        };
        env.RunD(300);
        return (learner, served, sim);
    }

    [Theory]
    [InlineData(1UL, Queueing.Simulated, Contention.FairShare)]
    [InlineData(2UL, Queueing.Analytic, Contention.FairShare)]
    public void Realized_feedback_tells_each_served_round_its_own_delay_when_its_result_is_back(ulong seed, Queueing queueing, Contention contention)
    {
        var (learner, served, sim) = Run(Feedback.Realized, queueing, contention, seed);
        Assert.True(served.Count > 100, $"{served.Count} served");
        // Every request served is learnt of once, at the instant its result is back, and no other (rounds are numbered as requests arrive).
        Assert.Equal(served.Keys.Order(), learner.Learnt.Select(l => (long)l.Round).Order());
        double xi = 0.9, unit = 50;
        int later = 0, apart = 0;
        foreach (var (round, model, penalty, realized, at, chosenSoFar) in learner.Learnt)
        {
            var (end, decided, accuracy) = served[round];
            Assert.Equal(end, at);
            Assert.Equal(end - decided, realized);
            Assert.Equal(xi * -Math.Log(accuracy) + (1 - xi) * (end - decided) / unit, penalty, 12);
            Assert.Equal(round % learner.Chosen[round].Models, model);
            if (chosenSoFar > round + 1) later++;
            if (Math.Abs(penalty - learner.Chosen[round].TruePenalties[model]) > 1e-6) apart++;
        }
        // Results come back after later requests were decided, and pulls that share links take longer than planned.
        Assert.True(later > served.Count / 2, $"{later} of {served.Count} learnt after a later pick");
        Assert.True(apart > 10, $"{apart} realized penalties apart from the planned");
        // The regret and penalty the run reports stay those planned at the decision: the learner's feedback does not change them.
        var planned = Run(Feedback.Planned, queueing, contention, seed);
        Assert.Equal(planned.Sim.SelectionMeasures.TotalPenalty, sim.SelectionMeasures.TotalPenalty);
        Assert.Equal(planned.Sim.SelectionMeasures.CumulativeRegret, sim.SelectionMeasures.CumulativeRegret);
    }

    [Fact]
    public void Planned_feedback_tells_every_round_at_once_and_without_contention_realized_agrees_with_it_to_the_clock()
    {
        var (planned, _, _) = Run(Feedback.Planned, Queueing.Analytic, Contention.None, 3);
        Assert.All(planned.Learnt, l =>
        {
            Assert.Null(l.Realized);
            Assert.Equal(l.Round + 1, l.ChosenSoFar);
            Assert.Equal(planned.Chosen[l.Round].TruePenalties[l.Model], l.Penalty);
        });
        var (realized, served, _) = Run(Feedback.Realized, Queueing.Analytic, Contention.None, 3);
        Assert.Equal(served.Count, realized.Learnt.Count);
        var byRound = planned.Learnt.ToDictionary(l => l.Round, l => l.Penalty);
        // Each of the few delays on a request's path is truncated to the clock's 100 ns ticks.
        Assert.All(realized.Learnt, l => Assert.Equal(byRound[l.Round], l.Penalty, 1e-7));
    }
}

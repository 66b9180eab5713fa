using Simulator.Edge;
using Simulator.Kernel;

namespace Simulator.Experiments;

/// <summary>A lone site's replication as an environment: it pauses each time the site needs a plan (<see cref="SiteDecisions"/>).</summary>
internal sealed class SiteEpisode : SimulatedEpisode
{
    private readonly Asked asked;
    private readonly LoneSite site;
    private readonly Func<LoneSite, MetricValues> metrics;

    private readonly SiteDecisions decisions;

    private SiteEpisode(Simulation env, SiteDecisions decisions, RunLength length, Asked asked, LoneSite site, Func<LoneSite, MetricValues> metrics)
        : base(env, decisions.Space, length.HorizonSeconds)
    {
        this.decisions = decisions;
        this.asked = asked;
        this.site = site;
        this.metrics = metrics;
    }

    /// <summary>The episode of a site built by <paramref name="build"/> around the scheduler that asks outside.</summary>
    public static SiteEpisode Start(SiteDecisions decisions, RunLength length, Func<IBatchScheduler, (Simulation Env, LoneSite Site)> build, Func<LoneSite, MetricValues> metrics)
    {
        var asked = new Asked();
        var (env, site) = build(asked);
        var episode = new SiteEpisode(env, decisions, length, asked, site, metrics);
        episode.Begin();
        return episode;
    }

    public override MetricValues Metrics() => metrics(site);

    protected override bool Pending => asked.View is not null;

    protected override void Encode(Span<double> observation, Span<bool> mask) => decisions.Encode(asked.View!, observation, mask);

    protected override void Answer(int action, Dictionary<string, double> info)
    {
        var view = asked.View!;
        var answer = asked.Answer!;
        asked.View = null;
        asked.Answer = null;
        var plan = SiteDecisions.PlanFor(view, action);
        info["waited"] = plan.Batches.Count == 0 ? 1 : 0;
        answer(plan);
    }

    protected override double Collect(Dictionary<string, double> info) => asked.Tally.Take(info);

    /// <summary>The site's scheduler: it keeps the question for the episode to answer, and counts outcomes.</summary>
    private sealed class Asked : IDeferredScheduler, IOutcomeObserver
    {
        public SiteView? View { get; set; }

        public Action<Plan>? Answer { get; set; }

        public SiteDecisions.Tally Tally { get; } = new();

        public Plan Plan(SiteView view) => throw new InvalidOperationException("an environment's scheduler is asked, not called.");

        public void Ask(SiteView view, Action<Plan> answer) => (View, Answer) = (view, answer);

        public void Observe(in RequestOutcome outcome) => Tally.Observe(outcome);
    }
}

/// <summary>An outside policy as a site's scheduler: each plan is the batch its action names (<see cref="SiteDecisions"/>).</summary>
internal sealed class SitePolicy(IPolicy policy, SiteDecisions decisions) : IBatchScheduler, IOutcomeObserver
{
    private readonly SiteDecisions.Tally tally = new();

    public Plan Plan(SiteView view) => decisions.Ask(policy, view, tally.Take);

    public void Observe(in RequestOutcome outcome) => tally.Observe(outcome);
}

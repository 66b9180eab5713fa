namespace Simulator.Edge;

/// <summary>
/// A scheduler whose plans come from outside the simulation (a policy trained step by step): the site asks, the
/// run pauses until the plan is given, and the site goes on at the same instant, before anything else happens
/// then. A scheduler that answers within <see cref="Ask"/> never pauses the run.
/// </summary>
public interface IDeferredScheduler : IBatchScheduler
{
    /// <summary>The site needs a plan for <paramref name="view"/>; <paramref name="answer"/> gives it, now or later.</summary>
    void Ask(SiteView view, Action<Plan> answer);
}

namespace Simulator.Edge.Network;

/// <summary>
/// A learner whose picks come from outside the simulation (a policy trained step by step): the selection asks,
/// the run pauses until the pick is given, and the request goes on at the same instant. A learner that answers
/// within <see cref="Ask"/> never pauses the run; a world that cannot pause asks <see cref="IOnlineSelector.Choose"/>.
/// </summary>
public interface IDeferredLearner : IOnlineSelector
{
    /// <summary>The selection needs a pick for <paramref name="round"/>; <paramref name="answer"/> gives it, now or later.</summary>
    void Ask(OnlineRound round, Action<int> answer);
}

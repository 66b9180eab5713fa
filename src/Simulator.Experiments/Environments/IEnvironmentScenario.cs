using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// A scenario whose kind declares a decision point an outside policy can take: its <see cref="DecisionSpace"/>, and
/// episodes that pause there. A strategy entry <c>{external: ...}</c> runs such a policy inside the runner.
/// </summary>
public interface IEnvironmentScenario : IScenario
{
    /// <summary>The decision as seen in runs of <paramref name="length"/> (its bounds follow the horizon).</summary>
    DecisionSpace Space(RunLength length);

    /// <summary>The rewards an episode can count, the default first.</summary>
    IReadOnlyList<string> Rewards { get; }

    /// <summary>The reward <paramref name="reward"/> names among <paramref name="rewards"/> (null: the first, the default); another is refused, as <paramref name="world"/>'s.</summary>
    static string Counted(IReadOnlyList<string> rewards, string? reward, string world) =>
        reward is null ? rewards[0]
        : rewards.Contains(reward) ? reward
        : throw new ArgumentException($"{world} reward is one of {string.Join(", ", rewards)}, not '{reward}'.", nameof(reward));

    /// <summary>Replication <paramref name="streams"/>'s world, run to its first decision.</summary>
    /// <param name="reward">How the reward is counted, one of <see cref="Rewards"/> (null: the first).</param>
    /// <param name="entry">The experiment's outside entry, if it has one: a network of sites runs with the site strategy it pairs the policy with.</param>
    Episode Begin(RandomStreams streams, RunLength length, string? reward = null, StrategyChoice? entry = null);

    /// <summary>The decision maker an external policy is, as the scenario's strategy (a scheduler, a learner) in runs of <paramref name="length"/>, told <paramref name="reward"/> (one of <see cref="Rewards"/>; null: the first).</summary>
    object Policy(IPolicy policy, RunLength length, string? reward = null);
}

/// <summary>An outside policy, asked at each decision: the observation and mask in, an action out.</summary>
public interface IPolicy
{
    /// <summary>The action for the decision <paramref name="observation"/>, with <paramref name="reward"/> earned since the last one and what else happened.</summary>
    int Act(ReadOnlySpan<double> observation, ReadOnlySpan<bool> mask, double reward, IReadOnlyDictionary<string, double> info);
}

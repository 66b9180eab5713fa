using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// A network request's model selection as an outside policy sees it: the request's context features, and per model
/// the delay and the cost with both parts from their nearest holders now (not its accuracy: that is what a learner
/// learns, as in the paper's online setting). The action is the model. The reward is the negative penalty
/// xi (-ln a) + (1 - xi) D / unit, or with <c>reward: delay</c> the negative delay.
/// </summary>
public static class NetworkDecisions
{
    public static readonly IReadOnlyList<string> Rewards = new[] { "penalty", "delay" };

    /// <summary>The decision over a catalog drawn per replication: the number and names of its models are the generator's, the same in every one.</summary>
    public static DecisionSpace Space(NetworkWorldSpec world, Func<Random, Catalog> catalog) =>
        Space(world.Context?.Features ?? 0, catalog(new Random(0)).Models.Select(m => m.Id).ToArray());

    public static DecisionSpace Space(int features, IReadOnlyList<string> models)
    {
        var b = new DecisionSpaceBuilder();
        for (int l = 0; l < features; l++) b.Add($"context.{l}", double.NegativeInfinity, double.PositiveInfinity);
        foreach (var m in models) b.Add($"{m}.delay_s", 0, double.PositiveInfinity);
        foreach (var m in models) b.Add($"{m}.cost", 0, double.PositiveInfinity);
        return b.Build(models, "minus the penalty of the model chosen (reward: delay: minus its delay in seconds)");
    }

    /// <summary>The round as numbers (every feature observed, and recorded as such); every model can be chosen.</summary>
    public static void Encode(OnlineRound round, Span<double> observation, Span<bool> mask)
    {
        int at = 0;
        foreach (double c in round.Observe(Enumerable.Range(0, round.Features).ToArray())) observation[at++] = c;
        foreach (var t in round.Terms) observation[at++] = t.Delay;
        foreach (var t in round.Terms) observation[at++] = t.Cost;
        mask.Fill(true);
    }

    /// <summary>The reward asked for, checked (null: the penalty).</summary>
    internal static string CheckReward(string? reward) => IEnvironmentScenario.Counted(Rewards, reward, "a network's");

    /// <summary>What a pick led to, for the step's (or the next decision's) info: its penalty, delay and cost.</summary>
    internal static void Describe(Dictionary<string, double> info, double penalty, double delay, double cost)
    {
        info["penalty"] = penalty;
        info["delay_s"] = delay;
        info["cost"] = cost;
    }

    /// <summary>The delay a learner is told of a pick: the one its request took under realized feedback, else the one planned.</summary>
    internal static double DelayTold(OnlineRound round, int model) => round.RealizedDelay ?? round.Terms[model].Delay;

    /// <summary>What a pick earned, by the reward asked for: its penalty or its delay, negated.</summary>
    internal static double Reward(string reward, double penalty, double delay) => reward == "delay" ? -delay : -penalty;
}

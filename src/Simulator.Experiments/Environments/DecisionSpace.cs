namespace Simulator.Experiments;

/// <summary>
/// What a scenario kind's decision point looks like from outside: the observation (a vector of named numbers with
/// their bounds, infinite where unbounded), the actions (discrete, named), and what the reward counts. A kind
/// declares it once; the environment protocol, the Python client's spaces and an external policy's messages read it.
/// </summary>
public sealed record DecisionSpace(IReadOnlyList<string> Observation, IReadOnlyList<double> Low, IReadOnlyList<double> High, IReadOnlyList<string> Actions, string Reward)
{
    public int Size => Observation.Count;
}

/// <summary>Builds a <see cref="DecisionSpace"/> entry by entry.</summary>
internal sealed class DecisionSpaceBuilder
{
    private readonly List<string> names = new();
    private readonly List<double> low = new(), high = new();

    public DecisionSpaceBuilder Add(string name, double min, double max)
    {
        names.Add(name);
        low.Add(min);
        high.Add(max);
        return this;
    }

    public DecisionSpace Build(IReadOnlyList<string> actions, string reward) => new(names.ToArray(), low.ToArray(), high.ToArray(), actions, reward);
}

namespace Simulator.Experiments;

/// <summary>
/// One sweep point of an experiment as an environment: each reset starts a replication's world (the one the
/// runner simulates for every strategy at that replication) and runs it to its first decision; steps go from
/// decision to decision. The scenario is the point's, with the settings of the experiment's external strategy
/// entry when it has one, so an episode sees the world that entry's runs see; without a reward of its own, it
/// counts the reward the entry gives (<c>reward:</c>).
/// </summary>
public sealed class ExperimentEnvironment
{
    private readonly IEnvironmentScenario scenario;
    private readonly string? reward;
    private readonly StrategyChoice? entry;
    private int nextReplication;

    public ExperimentEnvironment(ExperimentSpec spec, int point = 0, string? reward = null)
    {
        if (point < 0 || point >= spec.Points.Count) throw new ArgumentOutOfRangeException(nameof(point), point, $"the experiment has sweep points 0 to {spec.Points.Count - 1}.");
        int external = spec.Strategies.ToList().FindIndex(s => s.External is not null);
        entry = external >= 0 ? spec.Strategies[external] : null;
        var outside = spec.Strategies.Where(s => s.External is not null).ToArray();
        if (outside.Select(World).Distinct().Count() > 1)
            throw new ArgumentException($"the outside entries {string.Join(", ", outside.Select(s => s.Label))} run in different worlds (their settings:, reward: or site strategy differ), and an environment is one of them: make it from an experiment whose outside entries agree.", nameof(spec));
        var chosen = external >= 0 ? spec.Points[point].ScenarioOf(external) : spec.Points[point].Scenario;
        scenario = chosen as IEnvironmentScenario
            ?? throw new ArgumentException($"a {spec.Kind.Name} scenario has no decision an outside policy can take; kinds that have one: {string.Join(", ", spec.Kinds.Deciding)}.", nameof(spec));
        Spec = spec;
        Point = point;
        if (spec.Kind.Strategies.Pairs && entry?.Schedule is null)
            throw new ArgumentException($"a {spec.Kind.Name} environment needs the site strategy its cloudlets batch with: give the experiment an outside entry {{select: {{external: {{...}}}}, schedule: pl-dp}}.", nameof(spec));
        reward ??= entry?.External!.Reward;
        if (reward is not null) IEnvironmentScenario.Counted(scenario.Rewards, reward, $"a {spec.Kind.Name} environment's");
        this.reward = reward;
        Space = scenario.Space(spec.Length);
    }

    /// <summary>What of an outside entry the environment takes on: its scenario settings, its reward and the site strategy it is paired with.</summary>
    private static string World(StrategyChoice entry) =>
        string.Join("; ", entry.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value.Flow()}")) + $" | {entry.External!.Reward} | {entry.Schedule?.OwnLabel}";

    public ExperimentSpec Spec { get; }

    public int Point { get; }

    public DecisionSpace Space { get; }

    /// <summary>The episode under way (null before the first reset).</summary>
    public Episode? Episode { get; private set; }

    /// <summary>The replication the current episode simulates.</summary>
    public int Replication { get; private set; }

    /// <summary>Starts replication <paramref name="replication"/> (null: the one after the last), run to its first decision.</summary>
    public Episode Reset(int? replication = null)
    {
        int r = replication ?? nextReplication;
        if (r < 0) throw new ArgumentOutOfRangeException(nameof(replication), r, "a replication (the seed) is a whole number from 0.");
        Replication = r;
        nextReplication = r + 1;
        Episode = scenario.Begin(Runner.Streams(Spec, Point, r), Spec.Length, reward, entry);
        return Episode;
    }
}

using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// The scenario kinds an experiment can name: the built-in ones, registered here and nowhere else, and those of
/// the experiment's plugins. The first is the kind of a scenario that names none.
/// </summary>
public sealed class ScenarioKinds
{
    private readonly Dictionary<string, ScenarioKind> byName = new(StringComparer.Ordinal);

    public ScenarioKinds(IEnumerable<ScenarioKind> kinds)
    {
        All = kinds.ToArray();
        foreach (var kind in All)
            if (!byName.TryAdd(kind.Name, kind)) throw new StrategyException($"Two scenario kinds are named '{kind.Name}'.");
        if (All.Count == 0) throw new ArgumentException("A registry needs at least one scenario kind.", nameof(kinds));
    }

    /// <summary>The kinds this project declares, in the order listings show them.</summary>
    public static ScenarioKinds BuiltIn { get; } = new(new ScenarioKind[]
    {
        new SingleSiteKind(), new OneShotKind(), new NetworkOneShotKind(), new NetworkKind(), new NetworkOfSitesKind(),
    });

    public IReadOnlyList<ScenarioKind> All { get; }

    /// <summary>The kind of a scenario that does not say.</summary>
    public ScenarioKind Default => All[0];

    /// <summary>These kinds and <paramref name="more"/> (a plugin's); a name both use is an error.</summary>
    public ScenarioKinds With(IEnumerable<ScenarioKind> more) => new(All.Concat(more));

    /// <summary>The kind by name; an unknown name is an error at <paramref name="at"/> with a suggestion.</summary>
    public ScenarioKind Find(string name, YamlDoc at) => byName.TryGetValue(name, out var kind) ? kind
        : throw at.Error($"'{name}' is not a scenario kind; known: {string.Join(", ", byName.Keys)}.{Spelling.Hint(name, byName.Keys)}");

    /// <summary>The names of the kinds whose scenarios have a decision an outside policy can take.</summary>
    public IReadOnlyList<string> Deciding => All.Where(k => k.Decision is not null).Select(k => k.Name).ToArray();

    /// <summary>Every plot kind's name, in the order the kinds first offer them.</summary>
    public IReadOnlyList<string> PlotNames => All.SelectMany(k => k.Plots).Select(p => p.Name).Distinct().ToArray();

    /// <summary>Why a strategy that reads more than its decision's view (<paramref name="need"/>) cannot run where that is not offered, and where it is.</summary>
    public string NeedRefusal(string strategy, string need) =>
        $"'{strategy}' selects by what the cloudlets' sites hold or what users name: it needs a network whose cloudlets run sites (kind: {string.Join(", ", All.Where(k => k.Strategies.Offers.Contains(need)).Select(k => k.Name))})";

    /// <summary>The kinds whose experiments run <paramref name="strategy"/> (as a strategy, or as the schedule of a pair).</summary>
    public IEnumerable<ScenarioKind> Running(StrategyInfo strategy) => All.Where(k => k.Strategies.Runs(strategy));
}

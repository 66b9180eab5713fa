using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// The columns a scenario kind's runs report, in runs.csv order: looked up by name (a typo gets a
/// suggestion), with the metric sequential stopping and the paired headline use, and the report's summary columns.
/// </summary>
/// <param name="PrimaryTitle">How the report names the paired headline metric, with its unit.</param>
public sealed record MetricSet(IReadOnlyList<string> Names, string Primary, string PrimaryTitle, IReadOnlyList<string> Headline)
{
    /// <summary>The plot-only metric of the mean wall-clock time per decision (this machine's: kept out of the tables, in timing.csv).</summary>
    public const string DecisionTime = "decision_ms";

    /// <summary>Whether more of the primary metric is better (throughput) or less (delay): report.md's findings name the winner by it.</summary>
    public bool PrimaryHigherIsBetter { get; init; } = true;

    /// <summary>The metrics that explain a difference in the primary one (loading, hits, waiting): report.md's findings say which of them differ most.</summary>
    public IReadOnlyList<string> Explaining { get; init; } = Array.Empty<string>();

    public int Count => Names.Count;

    public bool Contains(string name) => Names.Contains(name);

    public int Index(string name) => Names.IndexOf(name) is var i and >= 0 ? i
        : throw new KeyNotFoundException($"Unknown metric '{name}'.{Spelling.Hint(name, Names)} Known: {string.Join(", ", Names)}.");
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }
}

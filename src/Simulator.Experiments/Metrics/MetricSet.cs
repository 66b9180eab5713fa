using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// The columns a scenario kind's runs report, in runs.csv order: looked up by name (a typo gets a suggestion),
/// with the primary metric (sequential stopping, the paired headline, the findings), the report's summary
/// columns, the metrics that explain a difference in the primary one, and the totals that grow with the measured
/// span (shown per second beside themselves).
/// </summary>
public sealed class MetricSet
{
    private readonly Dictionary<string, int> index;

    public MetricSet(IReadOnlyList<Metric> metrics, Metric primary, IReadOnlyList<Metric> headline)
    {
        Metrics = metrics;
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < metrics.Count; i++)
            if (!index.TryAdd(metrics[i].Name, i)) throw new ArgumentException($"Metric '{metrics[i].Name}' is declared twice in one set.", nameof(metrics));
        Primary = Find(primary);
        Headline = headline.Select(Find).ToArray();
        if (Primary.Better == Better.Neither) throw new ArgumentException($"The primary metric '{primary.Name}' must say which way is better.", nameof(primary));
    }

    public IReadOnlyList<Metric> Metrics { get; }

    public IReadOnlyList<string> Names => Metrics.Select(m => m.Name).ToArray();

    public int Count => Metrics.Count;

    public Metric Primary { get; }

    /// <summary>How the report names the paired headline metric, with its unit: "Throughput (/s)".</summary>
    public string PrimaryTitle { get; init; } = "";

    public IReadOnlyList<Metric> Headline { get; }

    /// <summary>The metrics that explain a difference in the primary one (loading, hits, waiting): report.md's findings say which of them differ most.</summary>
    public IReadOnlyList<Metric> Explaining { get => explaining; init => explaining = value.Select(Find).ToArray(); }

    /// <summary>Totals over the measured span (bytes moved): the report shows each also per second.</summary>
    public IReadOnlySet<Metric> SpanTotals { get => spanTotals; init => spanTotals = value.Select(Find).ToHashSet(); }

    private readonly IReadOnlyList<Metric> explaining = Array.Empty<Metric>();
    private readonly IReadOnlySet<Metric> spanTotals = new HashSet<Metric>();

    public bool Contains(string name) => index.ContainsKey(name);

    public int Index(string name) => index.TryGetValue(name, out int i) ? i
        : throw new KeyNotFoundException($"Unknown metric '{name}'.{Spelling.Hint(name, Names)} Known: {string.Join(", ", Names)}.");

    public int Index(Metric metric) => Index(metric.Name);

    public Metric this[string name] => Metrics[Index(name)];

    /// <summary>The metric of this set by that name (one of another set with the same name is this set's column).</summary>
    public Metric Find(Metric metric) => Metrics[Index(metric.Name)];
}

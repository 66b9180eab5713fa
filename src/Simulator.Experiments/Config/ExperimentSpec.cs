namespace Simulator.Experiments;

/// <summary>A strategy as an experiment names it: registry name and parameters, and the scenario settings it runs with; the label is how outputs show it.</summary>
public sealed record StrategyChoice(string Name, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>Scenario settings (dotted paths) this strategy's runs take instead of the point's: <c>settings:</c> in its entry.</summary>
    public IReadOnlyDictionary<string, YamlDoc> Settings { get; init; } = new Dictionary<string, YamlDoc>();

    /// <summary>Where the name is looked up: the built-in strategies, and those of the experiment's plugins.</summary>
    public Strategies.StrategyRegistry Registry { get; init; } = Strategies.StrategyRegistry.BuiltIn;

    /// <summary>In a network of sites, the site strategy every cloudlet batches with (this choice is then the selector); null elsewhere.</summary>
    public StrategyChoice? Schedule { get; init; }

    /// <summary>An outside policy's process (<c>{external: ...}</c>), asked at each decision instead of a registered strategy; null for those.</summary>
    public ExternalPolicy? External { get; init; }

    /// <summary>A relaxation, reporting a bound rather than a plan: never a winner, drawn as a bound.</summary>
    public bool IsBound => External is null && Registry.IsBound(Name);

    /// <summary>The strategy's own label: its name and its arguments (an external policy's label).</summary>
    public string OwnLabel => External is { } e ? e.Label
        : Arguments.Count == 0 ? Name : $"{Name}({string.Join(",", Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))})";

    /// <summary>
    /// The strategy's own random stream among <paramref name="streams"/>, named by what the strategy is (name and arguments), so
    /// that a label or a setting given in the file, which only says how outputs show it or what world it runs in, draws nothing else.
    /// </summary>
    public Random Stream(Edge.RandomStreams streams) => streams.Stream("strategy:" + OwnLabel);

    /// <summary>The name the entry gives it (<c>label:</c>); null: it is named by what it is.</summary>
    public string? GivenLabel { get; init; }

    /// <summary>What outputs call it: the label given, else its own label, or <c>select+schedule</c> for a pair, with its settings in brackets.</summary>
    public string Label => GivenLabel ?? (Schedule is null ? OwnLabel : $"{OwnLabel}+{Schedule.OwnLabel}")
        + (Settings.Count == 0 ? "" : $"[{string.Join(",", Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key["scenario.".Length..]}={s.Value.Text()}"))}]");
}

/// <summary>How many replications: a fixed number (Min == Max), or sequential stopping once the 95 % half-width of the throughput is within <c>RelativeHalfWidth</c> of its mean.</summary>
public sealed record ReplicationPlan(int Min, int Max, double? RelativeHalfWidth);

/// <summary>One swept setting: its dotted path and the values it takes.</summary>
public sealed record SweepAxis(string Path, IReadOnlyList<YamlDoc> Values);

/// <summary>A plot asked for: its kind, the swept path on x (line plots), the metric (or level) on y, and the point fixed by <c>at</c>.</summary>
public sealed record PlotSpec(PlotKind Kind, string? X, string Y, IReadOnlyDictionary<string, string> At)
{
    /// <summary>The title: null for the plot's own, empty for none.</summary>
    public string? Title { get; init; }

    /// <summary>The figure's size in pixels (a PDF page's in points).</summary>
    public int Width { get; init; } = 900;

    public int Height { get; init; } = 560;

    /// <summary>The files written, by extension: png, svg, pdf.</summary>
    public IReadOnlyList<string> Formats { get; init; } = new[] { "png", "svg" };

    /// <summary>Logarithmic axes.</summary>
    public bool LogX { get; init; }

    public bool LogY { get; init; }
}

/// <summary>One point of the sweep: its index, the overrides that make it, and the scenario they give.</summary>
public sealed record SweepPoint(int Index, IReadOnlyDictionary<string, string> Labels, IScenario Scenario)
{
    /// <summary>The scenario each strategy runs in: the point's, or the point's with the settings that strategy takes or needs.</summary>
    public IReadOnlyList<IScenario> ByStrategy { get; init; } = Array.Empty<IScenario>();

    public IScenario ScenarioOf(int strategy) => strategy < ByStrategy.Count ? ByStrategy[strategy] : Scenario;

    /// <summary>Each swept value as the file writes it ("20 MHz"), for people; <see cref="Labels"/> holds the resolved SI values.</summary>
    public IReadOnlyDictionary<string, string> Written { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the point has every value <paramref name="at"/> names; a value may carry a unit, as the sweep's do
    /// ("20 MHz" matches the resolved 20000000), and a swept section matches as the sweep wrote it.
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, string> at) =>
        at.All(a => Labels.TryGetValue(a.Key, out var v) && (v == a.Value || (Written.TryGetValue(a.Key, out var w) && w == a.Value) || SameNumber(v, a.Value)));

    private static bool SameNumber(string label, string value)
    {
        if (!double.TryParse(label, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double resolved)) return false;
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            try
            {
                if (Units.Parse(value, kind) == resolved) return true;
            }
            catch (FormatException)
            {
            }
        }
        return false;
    }
}

/// <summary>An experiment, bound and validated (docs/experiments.md).</summary>
public sealed record ExperimentSpec(
    string Name,
    string Description,
    ulong Seed,
    ReplicationPlan Replications,
    double HorizonSeconds,
    double WarmupSeconds,
    IReadOnlyList<StrategyChoice> Strategies,
    string? Baseline,
    IReadOnlyList<SweepAxis> Sweep,
    IReadOnlyList<SweepPoint> Points,
    IReadOnlyList<PlotSpec> Plots,
    string ResolvedText,
    string Hash)
{
    /// <summary>Where the experiment came from, so a results folder can rebuild it: the file's text, its folder, the overrides.</summary>
    public ExperimentSource? Source { get; init; }

    /// <summary>Every key the sections this experiment bound accept, by dotted path (see <see cref="Binding.KnownKeys"/>).</summary>
    public IReadOnlySet<string> Schema { get; init; } = new HashSet<string>();

    /// <summary>The scenario kind of every point.</summary>
    public ScenarioKind Kind => Points[0].Scenario.Kind;

    /// <summary>The scenario kinds the experiment was read with: the built-in ones and those of its plugins.</summary>
    public ScenarioKinds Kinds { get; init; } = ScenarioKinds.BuiltIn;

    /// <summary>The columns every run reports.</summary>
    public MetricSet Metrics => Kind.Metrics;

    /// <summary>The metric this experiment is about (<c>primary:</c>, else its kind's): findings rank by it, the paired tables compare it, sequential stopping narrows it.</summary>
    public Metric Primary { get => primary ?? Metrics.Primary; init => primary = value; }

    private readonly Metric? primary;

    public RunLength Length => new(HorizonSeconds, WarmupSeconds);

    /// <summary>Which timelines to write (<c>trace:</c> or <c>run --trace</c>); null: none.</summary>
    public TraceSpec? Trace { get; init; }

    /// <summary>The kind of quantity each swept path that takes a unit is (a plot's axis along it is measured in it).</summary>
    public IReadOnlyDictionary<string, UnitKind> SweptUnits { get; init; } = new Dictionary<string, UnitKind>();

    /// <summary>Whether the swept paths move together (<c>zip: true</c>): point i takes every path's i-th value.</summary>
    public bool Zip { get; init; }

    /// <summary>Why this experiment cannot be traced (its kind's reason), or null when it can.</summary>
    public string? TraceRefusal => Kind.TraceRefusal is { } refusal ? refusal.TrimEnd('.') + "." : null;

    /// <summary>Every cell of the grid for a fixed number of replications, in the order shards count them.</summary>
    public IEnumerable<Cell> AllCells(int replications) =>
        Enumerable.Range(0, Points.Count).SelectMany(p => Enumerable.Range(0, Strategies.Count).SelectMany(s => Enumerable.Range(0, replications).Select(r => new Cell(p, s, r))));
}

/// <summary>A trace of replication 0 of every (point, strategy): at most <paramref name="Rows"/> requests, batches and spans per device.</summary>
public sealed record TraceSpec(int Rows)
{
    public const int DefaultRows = 10_000;
    public const int MaxRows = 1_000_000;
}

/// <summary>An experiment file's text, the folder its relative paths start from, and the --set overrides applied to it.</summary>
/// <param name="Stored">
/// Read back from a results folder: a bound the reader has since tightened (sequential stopping's least <c>min</c>) is
/// taken as the run had it, so that the folder is still drawn, and the report says what the tighter bound is for.
/// </param>
public sealed record ExperimentSource(string Text, string FileName, string BaseDirectory, IReadOnlyList<string> Sets, bool Stored = false);

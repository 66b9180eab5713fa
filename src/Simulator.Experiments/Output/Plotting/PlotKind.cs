namespace Simulator.Experiments;

/// <summary>What a plot is checked against when the experiment is read: the scenario kind's metrics, the sweep, its points, and whether there is a baseline.</summary>
public sealed record PlotCheck(ScenarioKind Kind, IReadOnlyList<SweepAxis> Sweep, IReadOnlyList<SweepPoint> Points, bool HasBaseline);

/// <summary>
/// A kind of plot, as a scenario kind offers it: its name in <c>plots: [{kind: ...}]</c>, what it shows, which
/// metric it draws when <c>y</c> is not given, what it needs of the experiment (checked when the file is read),
/// and how it draws (ScottPlot). A scenario kind offers instances configured for its world (which parts a latency
/// breakdown stacks, which outcomes), so a plot never guesses the world from metric names.
/// </summary>
public abstract class PlotKind(string name)
{
    public string Name { get; } = name;

    /// <summary>The plot as messages name it: "a line-ci plot", "an outcomes plot".</summary>
    public string Called => $"{("aeiou".Contains(Name[0]) ? "an" : "a")} {Name} plot";

    /// <summary>What it shows, in words (the reference, and the message when a kind does not offer it).</summary>
    public abstract string Shows { get; }

    /// <summary>True when it draws lines along a swept setting <c>x</c>; false when it shows the one point <c>at</c> fixes.</summary>
    public virtual bool AlongX => false;

    /// <summary>Why a kind that does not offer this plot refuses it; <paramref name="offering"/> are the kinds that do.</summary>
    public virtual string NotOffered(ScenarioKind kind, string y, IEnumerable<ScenarioKind> offering) =>
        $"{Called} shows {Shows}; a {kind.Name} scenario has {string.Join(", ", kind.Plots.Select(p => p.Name))} plots of its metrics: {string.Join(", ", kind.Metrics.Names)}.";

    /// <summary>Which axes may be logarithmic (<c>log:</c>): a bar starts at 0, and a difference may be negative, which no logarithm has.</summary>
    public virtual (bool X, bool Y) LogAllowed => (AlongX, true);

    /// <summary>Whether it takes a swept setting <c>x</c> (lines run along it, or bars are grouped by it); a plot of one point refuses an <c>x</c> it would ignore.</summary>
    public virtual bool TakesX => AlongX;

    /// <summary>Whether <c>y</c> chooses what it draws; a plot of one fixed quantity refuses a <c>y</c> it would ignore.</summary>
    public virtual bool TakesY => true;

    /// <summary>The metric drawn when the file gives no <c>y</c>.</summary>
    public virtual string DefaultY(MetricSet metrics) => metrics.Primary.Name;

    /// <summary>
    /// Refuses, at <paramref name="at"/>, a <c>y</c> this plot cannot draw in a <paramref name="kind"/> scenario: by
    /// default, one of the kind's metrics (or the decision time). It needs no sweep, so a file of plots alone is
    /// checked by it too.
    /// </summary>
    public virtual void CheckY(string y, ScenarioKind kind, YamlDoc at)
    {
        if (TakesY && !kind.Metrics.Contains(y) && y != Metric.DecisionTime.Name)
            throw at.Error($"unknown metric '{y}'.{Edge.Spelling.Hint(y, kind.Metrics.Names)} A {kind.Name} scenario reports: {string.Join(", ", kind.Metrics.Names)}.");
    }

    /// <summary>Refuses, at <paramref name="at"/>, what this plot cannot draw for the experiment.</summary>
    public virtual void Check(PlotSpec plot, PlotCheck check, YamlDoc at)
    {
        CheckY(plot.Y, check.Kind, at);
        var sweep = check.Sweep;
        string Swept() => string.Join(", ", sweep.Select(a => a.Path));
        if (AlongX && (plot.X is null || sweep.All(a => a.Path != plot.X)))
            throw at.Error(plot.X is null ? $"{Called} needs x: a swept path." : NotSwept("plot x", plot.X, sweep));
        // The value named as the file writes it: a swept section resolves to all of its keys.
        if (AlongX && check.Points.FirstOrDefault(pt => !PlotContext.IsNumber(pt.Labels[plot.X!])) is { } point)
            throw at.Error($"plot x '{plot.X}' takes values that are not numbers ('{point.Written.GetValueOrDefault(plot.X!, point.Labels[plot.X!])}', as written): {Called} draws lines along a numeric axis; draw a sweep of names as grouped bars (kind: bars, x: {plot.X}).");
        foreach (var path in plot.At.Keys)
            if (sweep.All(a => a.Path != path)) throw at.Error(NotSwept("plot at", path, sweep));
        int matching = check.Points.Count(pt => pt.Matches(plot.At));
        if (matching == 0 || (!AlongX && matching > 1))
            throw at.Error(matching == 0
                ? $"plot at: {{{string.Join(", ", plot.At.Select(a => $"{a.Key}: {a.Value}"))}}} matches no sweep point."
                : $"{Called} shows one sweep point, and at: {{{string.Join(", ", plot.At.Select(a => $"{a.Key}: {a.Value}"))}}} matches {matching}: fix every swept path ({Swept()}).");
    }

    /// <summary>
    /// The refusal of a path a plot names that the experiment does not sweep. An experiment without a sweep
    /// (a file's sweep taken away with <c>--set sweep=null</c>) says so rather than listing nothing.
    /// </summary>
    protected static string NotSwept(string role, string path, IReadOnlyList<SweepAxis> sweep) =>
        sweep.Count == 0
            ? $"{role} '{path}' is not a swept path: this experiment sweeps nothing, so it has one point and no axis to draw along (remove the plot, or give plots without x and at)."
            : $"{role} '{path}' is not a swept path.{Edge.Spelling.Hint(path, sweep.Select(a => a.Path))} Swept: {string.Join(", ", sweep.Select(a => a.Path))}.";

    /// <summary>What the report says under the figure (a check the figure is drawn for), or null.</summary>
    public virtual string? Caption(PlotContext context, PlotSpec spec) => null;

    /// <summary>Draws the plot; returns the name its files take (without the plot's index).</summary>
    public abstract string Draw(ScottPlot.Plot plot, PlotContext context, PlotSpec spec);

    public override string ToString() => Name;
}

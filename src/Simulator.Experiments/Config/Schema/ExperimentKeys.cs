namespace Simulator.Experiments;

/// <summary>The keys of an experiment file (its top level), of <c>replications</c> as a mapping, of a plot, and of <c>trace</c>.</summary>
public static class ExperimentKeys
{
    public static readonly TextKey X = new("x", null, "Along-x plots: the swept path on the x axis.", "a swept path", dependsOn: "none");
    public static readonly TextKey Y = new("y", null, "The metric (or, for a time series, the level) drawn; plots of one fixed quantity (cdf, breakdown, outcomes, bytes-saved, regret) take none.", "a metric", dependsOn: "the plot's own (the kind's primary metric for line-ci, bars, paired-gain)");
    public static readonly TextKey Kind = new("kind", "line-ci", "The plot kind (list kinds shows a scenario kind's).", "a plot kind");
    public static readonly ValueKey At = new("at", "{swept path: value, ...}", "none", "The sweep point a one-point plot shows, or the values an along-x plot fixes.");

    public static readonly TextKey PlotTitle = new("title", null, "The figure's title; none for none.", "text, or none", dependsOn: "the plot's own, with what it averages and how its intervals are formed");
    public static readonly ValueKey Size = new("size", "[width, height] in pixels (a PDF page in points), each 200 to 4000", "[900, 560]", "The figure's size.");
    public static readonly ValueKey Format = new("format", "a list of png, svg, pdf", "[png, svg]", "The files each figure is written as.");
    public static readonly ChoiceKey<(bool X, bool Y)> Log = new("log", new (string, Func<(bool, bool)>, string)[]
    {
        ("none", () => (false, false), "Linear axes."),
        ("x", () => (true, false), "A logarithmic x axis."),
        ("y", () => (false, true), "A logarithmic y axis."),
        ("xy", () => (true, true), "Both axes logarithmic (the regret plot's own)."),
    }, null, "Logarithmic axes (values at or below 0 are left out of a logarithmic axis, and the title says how many).", noun: "an axis scale", dependsOn: "none (xy for regret)");

    public static readonly SectionSchema Plot = new("a plot of plots", "One plot.", X, Y, Kind, At, PlotTitle, Size, Format, Log);

    public static readonly IntegerKey Rows = new("rows", 10_000, 1, 1_000_000, "The most rows each trace table keeps (kept in memory).");

    public static readonly SectionSchema TraceSection = new("trace", "Timelines of replication 0.", Rows);

    /// <summary>Sequential stopping's least first sample: the coverage its floor keeps is measured in docs/experiments.md.</summary>
    public const int LeastMin = 10;

    /// <summary>The least <c>min</c> a results folder may hold: what runs took before <see cref="LeastMin"/>.</summary>
    public const int StoredLeastMin = 2;

    public static readonly IntegerKey Min = new("min", null, LeastMin, 1_000_000, "The replications every point runs before its interval is first checked.",
        whyMin: $"sequential stopping checks the interval after every replication, and from fewer than {LeastMin} a few that agree by chance stop it, so that its 95 % intervals cover the mean far less often (docs/experiments.md measures it); a fixed number of replications runs fewer");
    public static readonly IntegerKey Max = new("max", null, LeastMin, 1_000_000, "The most replications a point runs.", whyMin: "a point runs at least min");
    public static readonly TextKey CiHalfWidth = new("ci_half_width", null, "The target 95 % half-width of the primary metric, as a percentage of its mean.", "a percentage (2%)");

    public static readonly SectionSchema ReplicationsSection = new("replications as {min, max, ci_half_width}", "Sequential stopping.", Min, Max, CiHalfWidth);

    public static readonly TextKey Name = new("name", null, "The experiment's name: results go to results/<name>/.", "a name of letters, digits, '-', '_' and '.' (at most 100, not starting with '.')", check: NameProblem);

    /// <summary>A name is one folder under results/: no separators, nothing that climbs out, short enough for any file system.</summary>
    private static string? NameProblem(string name) =>
        name.Length is 0 or > 100 ? $"a name has 1 to 100 characters (it names a folder under results/), not {name.Length}."
        : name[0] == '.' || name.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
            ? $"the name '{(name.Length > 40 ? name[..40] + "..." : name)}' may hold only letters, digits, '-', '_' and '.', and not start with '.': it names one folder under results/."
            : null;
    public static readonly TextKey Description = new("description", "", "What it shows and which figure it mirrors; report.md opens with it.");
    public static readonly IntegerKey Seed = new("seed", null, 0, long.MaxValue, "The root of every random stream: each (point, replication) derives its seed from it, the same for every strategy.");
    public static readonly ValueKey Replications = new("replications", "a whole number from 2, or {min, max, ci_half_width} (sequential stopping)", null,
        "How many replications of each (point, strategy); with ci_half_width, added until the primary metric's 95 % interval is that narrow.", ReplicationsSection);
    /// <summary>The scalar form of <see cref="Replications"/>.</summary>
    public static readonly IntegerKey ReplicationCount = new("replications", null, 2, 1_000_000, "How many replications of each (point, strategy).");
    public static readonly QuantityKey Horizon = new("horizon", UnitKind.Time, null, Domain.Positive, "How long each replication simulates.");
    public static readonly QuantityKey Warmup = new("warmup", UnitKind.Time, "0 s", Domain.NonNegative, "The start not measured: requests arriving and batches starting before it are not counted. A kind of one round at t = 0 (one-shot, network-one-shot) has nothing before it and takes none.");
    public static readonly ValueKey Scenario = new("scenario", "a section whose keys its kind declares (below)", null, "The world each replication simulates.");
    public static readonly TextKey StrategyName = new("name", null, "A registered strategy (list strategies); its parameters go beside it, by name.", "a strategy name");
    public static readonly TextKey StrategyLabel = new("label", null, "The strategy's name in tables, plots, findings and baseline:.", "a label", dependsOn: "its name, its parameters and its settings");
    public static readonly ValueKey StrategySettings = new("settings", "{scenario path: value, ...}", "none", "Scenario settings of the strategy's own runs (its label shows them).");
    public static readonly ValueKey Select = new("select", "a network or online strategy, by name or {name, parameters...}, or an outside policy {external: {...}}", null, "Where cloudlets run sites: the strategy that selects each request's model and sources.");
    public static readonly ValueKey Schedule = new("schedule", "a site strategy, by name or {name, parameters...}", null, "Where cloudlets run sites: the site strategy every cloudlet batches with.");
    public static readonly SectionKey External = new("external", ExternalPolicy.Keys, "An outside policy's process, asked at each decision the kind declares (docs/environments.md).");

    public static readonly SectionSchema StrategyEntry = new("a strategy entry of strategies", "A strategy by name (a bare name is {name}), a {select, schedule} pair, or an outside policy.",
        StrategyName, StrategyLabel, StrategySettings, Select, Schedule, External);

    public static readonly ListKey Strategies = new("strategies", "strategies: a name, {name, parameters..., settings}, {select, schedule, settings} where cloudlets run sites, or {external: {...}, settings}",
        "The strategies compared (list strategies). settings: {scenario path: value, ...} gives a strategy's runs scenario settings of their own (its label shows them); a strategy that needs a site setting (no-sharing: site.sharing: false) runs with it, and config.resolved.yaml records both.", StrategyEntry, maxItems: 100);
    public static readonly TextKey Primary = new("primary", null, "The metric the experiment is about: findings name the winner by it, the paired tables compare it, sequential stopping narrows it (list metrics; one with a better direction).", "a metric name", dependsOn: "the kind's primary metric");
    public static readonly TextKey Baseline = new("baseline", null, "The strategy (by label) the others are compared with, paired over the same replications.", "a strategy label", dependsOn: "none");
    public static readonly ValueKey Sweep = new("sweep", "{dotted path: [values, ...], ...}", "none", "Settings to sweep, each a value or a whole section (a {min, max} range, the links); each combination is a point (all combinations, or paired with zip: true); at most 10,000 points.");
    public static readonly BoolKey Zip = new("zip", false, "Pair the swept paths' values (all lists equally long) instead of taking every combination.");
    public static readonly ListKey Plots = new("plots", "plots", "The plots to draw (a kind's plots: list kinds).", Plot, "none", maxItems: 100);
    public static readonly SectionKey Trace = new("trace", TraceSection, "Also write the timelines of replication 0 of every cell (or run --trace).");
    public static readonly ListKey Plugins = new("plugins", "assembly paths (.dll), relative to the file", "Assemblies whose strategies and scenario kinds join the built-in ones; each one's SHA-256 joins the config.", @default: "none", maxItems: 100);

    public static readonly SectionSchema Top = new("the experiment file", "One experiment: a world, strategies, replications, sweep and outputs.",
        Name, Description, Seed, Replications, Horizon, Warmup, Scenario, Strategies, Primary, Baseline, Sweep, Zip, Plots, Trace, Plugins);




    /// <summary>Every scenario section names its kind.</summary>
    public static readonly TextKey ScenarioKind = new("kind", null, "The scenario kind (list kinds).", "a scenario kind", dependsOn: "the first kind list kinds shows");
}

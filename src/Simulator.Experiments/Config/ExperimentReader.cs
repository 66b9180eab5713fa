using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// Reads an experiment file (docs/experiments.md): strict keys, units, strategies by name, a sweep
/// over dotted paths (a full grid, or paired with <c>zip: true</c>), and <c>--set path=value</c>
/// overrides. Every value used, defaults included, goes into the resolved config, whose SHA-256 names
/// the configuration.
/// </summary>
public static class ExperimentReader
{
    public static ExperimentSpec Read(string file, IReadOnlyList<string>? sets = null)
    {
        if (Directory.Exists(file)) throw new FormatException($"{Path.GetFullPath(file)} is a folder; give an experiment file (.yaml).");
        if (!File.Exists(file)) throw new FileNotFoundException($"{Path.GetFullPath(file)}: no such experiment file.");
        return Read(new ExperimentSource(YamlDoc.ReadText(file), file, Path.GetDirectoryName(Path.GetFullPath(file))!, sets ?? Array.Empty<string>()));
    }

    public static ExperimentSpec Read(ExperimentSource source) => Read(source, YamlDoc.Parse(source.Text, source.FileName));

    /// <summary>The experiment of <paramref name="source"/>, whose text is already parsed as <paramref name="parsed"/> (a caller that looked at it first).</summary>
    public static ExperimentSpec Read(ExperimentSource source, YamlDoc parsed) =>
        Read(parsed, source.BaseDirectory, source.Sets, plotsOverride: null, source.Stored) with { Source = source };

    /// <summary>The most points a sweep may have, decided from its axes before any point is read.</summary>
    public const int MaxSweepPoints = 10_000;

    /// <summary>
    /// The experiment of <paramref name="source"/> with its <c>plots:</c> replaced by those of <paramref name="plotsFile"/>, a
    /// file that holds nothing else: what <c>plot --plots</c> draws a folder's runs with. Errors in them name that file.
    /// </summary>
    public static ExperimentSpec WithPlotsOf(ExperimentSource source, YamlDoc plotsFile)
    {
        var section = plotsFile.Mapping(ExperimentKeys.Plots.Name)[ExperimentKeys.Plots.Name];
        return Read(YamlDoc.Parse(source.Text, source.FileName), source.BaseDirectory, source.Sets, section, source.Stored) with { Source = source };
    }

    public static ExperimentSpec Read(YamlDoc doc, string baseDirectory, IReadOnlyList<string>? sets = null) => Read(doc, baseDirectory, sets, plotsOverride: null, stored: false);

    private static ExperimentSpec Read(YamlDoc doc, string baseDirectory, IReadOnlyList<string>? sets, YamlDoc? plotsOverride, bool stored)
    {
        FileKinds.Expect(doc, FileKind.Experiment);
        var overrides = ParseSets(sets ?? Array.Empty<string>());
        if (plotsOverride is not null) overrides[ExperimentKeys.Plots.Name] = plotsOverride;
        var top = new Binding(overrides.Where(o => !o.Key.StartsWith("scenario.", StringComparison.Ordinal)).ToDictionary(o => o.Key, o => o.Value));
        var t = new Section(doc, top, ExperimentKeys.Top);
        string name = t.Get(ExperimentKeys.Name);
        string description = t.Get(ExperimentKeys.Description);
        ulong seed = (ulong)t.Get(ExperimentKeys.Seed);
        var replications = ReadReplications(t, stored);
        double horizon = t.Get(ExperimentKeys.Horizon);
        double warmup = t.Get(ExperimentKeys.Warmup);
        if (!(horizon > warmup)) throw (t.Raw(ExperimentKeys.Horizon) ?? doc).Error($"the horizon ({horizon} s) must be longer than the warm-up ({warmup} s).");
        var length = new RunLength(horizon, warmup);
        var (registry, kinds, _) = ReadPlugins(t, baseDirectory);
        var strategies = ReadStrategies(t, registry, baseDirectory);
        string? baseline = t.Has(ExperimentKeys.Baseline) ? t.Get(ExperimentKeys.Baseline) : null;
        string? primary = t.Has(ExperimentKeys.Primary) ? t.Get(ExperimentKeys.Primary) : null;
        if (baseline is not null && strategies.All(s => s.Label != baseline))
            throw t.Required(ExperimentKeys.Baseline).Error($"the baseline '{baseline}' is not among the strategies.{BaselineHint(baseline, strategies)}");
        var sw = t.Raw(ExperimentKeys.Sweep);
        var sweep = sw is not null ? sw.Mapping().Select(kv => new SweepAxis(kv.Key, kv.Value.Sequence())).ToArray() : Array.Empty<SweepAxis>();
        bool zip = t.Get(ExperimentKeys.Zip);
        foreach (var axis in sweep)
        {
            if (!axis.Path.StartsWith("scenario.", StringComparison.Ordinal)) throw sw!.Error($"sweep path '{axis.Path}' is not under 'scenario.'.");
            if (axis.Values.Count == 0) throw sw!.Error($"sweep path '{axis.Path}' has no values.");
            if (zip && axis.Values.Count != sweep[0].Values.Count) throw sw!.Error($"with zip: true every swept path needs as many values; '{axis.Path}' has {axis.Values.Count}, '{sweep[0].Path}' {sweep[0].Values.Count}.");
        }
        // Each axis has at most a million values (the document's cap), so the product stays exact until it passes the cap.
        long pointCount = 1;
        foreach (var axis in sweep)
            if ((pointCount = zip ? axis.Values.Count : pointCount * axis.Values.Count) > MaxSweepPoints)
                throw sw!.Error(string.Create(CultureInfo.InvariantCulture, $"the sweep has {(zip ? "" : "at least ")}{pointCount:N0} points ({string.Join(" x ", sweep.Select(a => a.Values.Count))}): at most {MaxSweepPoints:N0}; sweep fewer values{(zip ? "" : ", or pair them with zip: true")}."));
        var trace = ReadTrace(t);
        top.CheckAllConsumed();

        var scenarioSets = overrides.Where(o => o.Key.StartsWith("scenario.", StringComparison.Ordinal)).ToDictionary(o => o.Key, o => o.Value);
        // The sweep's values replace a swept path at every point: an override of it would be dropped unseen.
        foreach (var axis in sweep)
            if (scenarioSets.TryGetValue(axis.Path, out var set))
                throw set.Error($"'{axis.Path}' is swept, so this value would never be used; override the sweep instead (sweep={{{axis.Path}: [...]}}).");
        var points = new List<SweepPoint>();
        var text = new StringBuilder();
        foreach (var (key, value) in top.Resolved) text.Append(key).Append(": ").AppendLine(value);
        int index = 0;
        var bindings = new List<Binding>();
        foreach (var combination in Combinations(sweep, zip))
        {
            var pointOverrides = new Dictionary<string, YamlDoc>(scenarioSets);
            foreach (var (path, value) in combination) pointOverrides[path] = value;
            var binding = new Binding(pointOverrides);
            var scenario = ReadScenario(t, t.Raw(ExperimentKeys.Scenario) ?? throw doc.Error("missing 'scenario'."), binding, baseDirectory, kinds, length);
            if (points.Count > 0 && points[0].Scenario.Kind != scenario.Kind)
                throw (t.Raw(ExperimentKeys.Sweep) ?? doc).Error($"every sweep point must be of one scenario kind; point 0 is {points[0].Scenario.Kind.Name}, point {index} {scenario.Kind.Name}.");
            binding.CheckAllConsumed();
            bindings.Add(binding);
            var labels = combination.ToDictionary(c => c.Path, c => Label(c.Path, c.Value, binding.Resolved));
            foreach (var (key, value) in binding.Resolved) text.Append(CultureInfo.InvariantCulture, $"points[{index}].").Append(key).Append(": ").AppendLine(value);
            // A strategy with settings of its own, or one that needs site settings, runs in the point's scenario with them: read again, and recorded.
            var byStrategy = new IScenario[strategies.Count];
            for (int s = 0; s < strategies.Count; s++)
            {
                var own = StrategySettings(strategies[s], scenario.Kind, sweep);
                if (own.Count == 0)
                {
                    byStrategy[s] = scenario;
                    continue;
                }
                var withOwn = new Dictionary<string, YamlDoc>(pointOverrides);
                foreach (var (path, value) in own) withOwn[path] = value;
                var strategyBinding = new Binding(withOwn);
                byStrategy[s] = ReadScenario(t, t.Raw(ExperimentKeys.Scenario)!, strategyBinding, baseDirectory, kinds, length);
                strategyBinding.CheckAllConsumed();
                bindings.Add(strategyBinding);
                foreach (var path in own.Keys.Order(StringComparer.Ordinal))
                    text.Append(CultureInfo.InvariantCulture, $"points[{index}].strategies[{strategies[s].Label}].{path}: {strategyBinding.Resolved[path]}\n");
            }
            points.Add(new SweepPoint(index, labels, scenario)
            {
                Written = combination.ToDictionary(c => c.Path, c => c.Value.Flow()),
                ByStrategy = byStrategy,
            });
            index++;
        }
        Binding.CheckAllRead(bindings);
        // Two points that resolve to the same values would be one cell counted twice in every summary.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            string key = string.Join("\n", point.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
            if (point.Labels.Count > 0 && !seen.TryAdd(key, point.Index))
                throw (t.Raw(ExperimentKeys.Sweep) ?? doc).Error($"sweep points {seen[key]} and {point.Index} are the same ({string.Join(", ", point.Labels.Select(l => $"{l.Key}: {l.Value}"))}): list each value once.");
        }
        var plots = ReadPlots(t, points[0].Scenario.Kind, kinds);
        CheckAgainstScenario(t, registry, kinds, strategies, plots, sweep, points);
        Binding.CheckAllRead(new[] { top });
        string resolved = text.ToString();
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resolved)));
        var spec = new ExperimentSpec(name, description, seed, replications, horizon, warmup, strategies, baseline, sweep, points, plots, resolved, hash)
        {
            Schema = bindings.Prepend(top).SelectMany(b => b.KnownKeys).Append("trace.rows").ToHashSet(StringComparer.Ordinal),
            Kinds = kinds,
            Trace = trace,
            Zip = zip,
            SweptUnits = sweep.Where(a => bindings[0].Units.ContainsKey(a.Path)).ToDictionary(a => a.Path, a => bindings[0].Units[a.Path], StringComparer.Ordinal),
        };
        if (trace is not null && spec.TraceRefusal is { } refusal) throw t.Raw(ExperimentKeys.Trace)!.Error(refusal);
        if (primary is not null)
        {
            var at = t.Raw(ExperimentKeys.Primary)!;
            if (!spec.Metrics.Contains(primary))
                throw at.Error($"'{primary}' is not a metric of a {spec.Kind.Name} scenario.{Spelling.Hint(primary, spec.Metrics.Names)} Its metrics: {string.Join(", ", spec.Metrics.Names)}.");
            var metric = spec.Metrics[primary];
            if (metric.Better == Better.Neither)
                throw at.Error($"'{primary}' has no better direction (neither higher nor lower is better), so no strategy can win by it; metrics that have one: {string.Join(", ", spec.Metrics.Metrics.Where(m => m.Better != Better.Neither).Select(m => m.Name))}.");
            spec = spec with { Primary = metric };
        }
        return spec;
    }

    /// <summary>
    /// The scenario settings a strategy's runs take instead of the point's: those its entry gives (<c>settings:</c>),
    /// and the site settings it needs (no-sharing: a sharing-blind site), at the kind's site.
    /// </summary>
    private static Dictionary<string, YamlDoc> StrategySettings(StrategyChoice strategy, ScenarioKind kind, IReadOnlyList<SweepAxis> sweep)
    {
        var own = new Dictionary<string, YamlDoc>(strategy.Settings, StringComparer.Ordinal);
        foreach (var (path, value) in own)
            if (sweep.Any(a => a.Path == path)) throw value.Error($"'{path}' is swept; a strategy's settings cannot fix it.");
        var site = strategy.Schedule ?? strategy;
        if (site.External is not null || site.Registry.KindOf(site.Name) != Strategies.StrategyKind.Site) return own;
        foreach (var (key, value) in site.Registry.Site(site.Name))
        {
            string path = $"scenario.{kind.Strategies.SitePath ?? throw new ConfigException("strategies", 1, "", $"'{site.Name}' needs site setting {key}: {value}, and a {kind.Name} scenario names no site.")}.{key}";
            if (own.TryGetValue(path, out var given) && given.Text() != value)
                throw given.Error($"'{site.Name}' needs {path}: {value} (it runs on such a site); its settings cannot change that.");
            own[path] = YamlDoc.Parse(value, $"strategy {site.Name}").At(path);
        }
        return own;
    }

    /// <summary>
    /// A swept value as the point resolved it: the value read at its path, or for a section (a {min, max} range, a
    /// catalog, the links) the values read under it, in braces; a value nothing read stands as written.
    /// </summary>
    private static string Label(string path, YamlDoc written, IReadOnlyDictionary<string, string> resolved)
    {
        if (resolved.TryGetValue(path, out var value)) return value;
        if (!written.IsMapping && !written.IsSequence) return written.Text();
        string prefix = path + ".";
        var inside = resolved.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(r => $"{r.Key[prefix.Length..]}: {r.Value}").ToArray();
        return inside.Length > 0 ? "{" + string.Join(", ", inside) + "}" : throw written.Error("a swept section must give values its scenario reads.");
    }

    /// <summary>The scenario at one sweep point, read by its kind (the registry's default when it names none).</summary>
    /// <summary>
    /// The scenario section at one binding, read by its kind, which then says whether it takes the run's warm-up
    /// (<paramref name="top"/>'s): what the section itself gets wrong is told first, as the more specific.
    /// </summary>
    private static IScenario ReadScenario(Section top, YamlDoc doc, Binding binding, string baseDirectory, ScenarioKinds kinds, RunLength length)
    {
        var any = new Section(doc, binding);
        var kind = kinds.Find(any.Get(ExperimentKeys.ScenarioKind, kinds.Default.Name), any.Raw(ExperimentKeys.ScenarioKind) ?? doc);
        var scenario = kind.Read(new Section(doc, binding, kind.Section), new ReadContext(baseDirectory, kinds, length));
        return kind.WarmupRefusal(length.WarmupSeconds) is { } refused ? throw top.Required(ExperimentKeys.Warmup).Error(refused) : scenario;
    }

    /// <summary>What only the scenario's kind decides: the strategies it runs, and the plots it offers.</summary>
    private static void CheckAgainstScenario(Section t, Strategies.StrategyRegistry registry, ScenarioKinds kinds, IReadOnlyList<StrategyChoice> strategies, IReadOnlyList<PlotSpec> plots, IReadOnlyList<SweepAxis> sweep, IReadOnlyList<SweepPoint> points)
    {
        var kind = points[0].Scenario.Kind;
        var slots = kind.Strategies;
        var items = t.Required(ExperimentKeys.Strategies).Sequence();
        for (int i = 0; i < strategies.Count; i++)
        {
            if (strategies[i].External is { } outside)
            {
                if (kind.Decision is null || points.Any(p => p.ScenarioOf(i) is not IEnvironmentScenario))
                    throw items[i].Error($"'{strategies[i].Label}' is an external policy; a {kind.Name} scenario has no decision an outside policy can take (kinds that have one: {string.Join(", ", kinds.Deciding)}).");
                if (slots.Pairs && strategies[i].Schedule is null)
                    throw items[i].Error($"a {kind.Name} scenario's cloudlets run sites: pair the outside policy, as the selector, with the site strategy its cloudlets batch with: {{select: {{external: {{...}}}}, schedule: pl-dp}}.");
                var rewards = ((IEnvironmentScenario)points[0].ScenarioOf(i)).Rewards;
                if (outside.Reward is { } reward && !rewards.Contains(reward))
                {
                    var entry = items[i].Mapping();
                    var external = (entry.TryGetValue("select", out var select) ? select.Mapping() : entry)[External];
                    throw external.Mapping()[ExternalPolicy.RewardKey.Name].Error($"'{reward}' is not a reward a {kind.Name} scenario gives: one of {string.Join(", ", rewards)}.{Edge.Spelling.Hint(reward, rewards)}");
                }
            }
            if (slots.Pairs && strategies[i].Schedule is null)
                throw items[i].Error($"a {kind.Name} scenario's cloudlets run sites: pair each selector with the site strategy its cloudlets batch with, e.g. {{select: {strategies[i].Name}, schedule: pl-dp}}.");
            if (!slots.Pairs && strategies[i].Schedule is not null)
                throw items[i].Error($"a {{select, schedule}} pair belongs to a network whose cloudlets run sites (kind: {string.Join(", ", kinds.All.Where(k => k.Strategies.Pairs).Select(k => k.Name))}); this {kind.Name} scenario takes strategies by name.");
            if (strategies[i].External is not null) continue;
            if (registry.Needs(strategies[i].Name) is { } need && !slots.Offers.Contains(need))
                throw items[i].Error($"{kinds.NeedRefusal(strategies[i].Name, need)}.");
            if (!slots.Select.Contains(registry.KindOf(strategies[i].Name)))
            {
                var fitting = registry.Strategies.Where(s => slots.Select.Contains(s.Kind)).Select(s => s.Name);
                throw items[i].Error($"'{strategies[i].Name}' is {Strategies.StrategyRegistry.Words(registry.KindOf(strategies[i].Name))}; a {kind.Name} scenario runs {string.Join(" and ", slots.Select.Order().Select(Kebab))} strategies: {string.Join(", ", fitting)}.");
            }
            if (registry.KindOf(strategies[i].Name) == Strategies.StrategyKind.Network && registry.IsBound(strategies[i].Name) && !slots.ReportsRelaxations)
                throw items[i].Error($"'{strategies[i].Name}' is a relaxation: it reports a bound for one window at t = 0 ({string.Join(", ", kinds.All.Where(k => k.Strategies.ReportsRelaxations).Select(k => k.Name))}), and has no choices to execute; a {kind.Name} scenario executes every window's plan in the simulation.");
        }
        foreach (var point in points)
            for (int i = 0; i < strategies.Count; i++)
            {
                var site = strategies[i].Schedule ?? strategies[i];
                if (site.External is null && point.ScenarioOf(i).QueuedAtOnce is { } round && site.Registry.MaxQueued(site.Name) is { } most && round > most)
                    throw items[i].Error($"'{site.Name}' plans at most {most} queued requests at once, and the round at t = 0 has {round} (scenario.arrivals.count{(points.Count > 1 ? $" at sweep point {point.Index}" : "")}): give at most {most}, or plan larger rounds with cpsat or pl-dp.");
                if (strategies[i].External is not null || point.ScenarioOf(i).ContextFeatures is not { } features) continue;
                foreach (var choice in new[] { strategies[i], strategies[i].Schedule })
                    foreach (var (parameter, value) in choice is null ? [] : choice.Registry.ContextFeatures(choice.Name, choice.Arguments))
                        if (value > features)
                            throw items[i].Error(features == 0
                                ? $"'{choice!.Name}' observes {parameter} = {value} context features, but the requests carry none: give scenario.requests.context."
                                : $"'{choice!.Name}' observes {parameter} = {value} context features, but the requests carry {features}{(points.Count > 1 ? $" at sweep point {point.Index}" : "")} (scenario.requests.context.features): give {parameter} at most {features}.");
            }
        var plotDocs = t.Items(ExperimentKeys.Plots);
        var check = new PlotCheck(kind, sweep, points, t.Raw(ExperimentKeys.Baseline) is not null);
        for (int i = 0; i < plots.Count; i++) plots[i].Kind.Check(plots[i], check, plotDocs[i]);
    }

    private static string Kebab(Strategies.StrategyKind kind) => kind.ToString().ToLowerInvariant();

    internal static Dictionary<string, YamlDoc> ParseSets(IReadOnlyList<string> sets)
    {
        var result = new Dictionary<string, YamlDoc>(StringComparer.Ordinal);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            int eq = set.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ConfigException("--set", 1, "", $"'{set}' is not path=value.");
            string path = set[..eq].Trim(), value = set[(eq + 1)..];
            if (value.Trim().Length == 0) throw new ConfigException("--set", 1, "", $"'{set}' has no value after '=': write {path}=value.");
            // Shells expand the ~ of path=~ (YAML's null) to the home folder, which no setting takes whole.
            if (value == Environment.GetFolderPath(Environment.SpecialFolder.UserProfile))
                throw new ConfigException("--set", 1, path, $"'{value}' is your home folder: the shell expanded the ~ of {path}=~. To remove the key, write {path}=null.");
            // Of two different values the last would win unseen, whichever the user meant.
            if (!given.TryAdd(path, set) && given[path] != set)
                throw new ConfigException("--set", 1, path, $"'{path}' is overridden twice ({given[path]} and {set}; --seed, --replications and --plugin are overrides too): give it once.");
            // --plugin comes as plugins=[...]: its errors name the option the user gave.
            result[path] = YamlDoc.Parse(value, path == ExperimentKeys.Plugins.Name ? Plugins.CommandLine : "--set").At(path);
        }
        return result;
    }

    /// <param name="stored">A results folder's experiment: its sequential stopping may start below today's least <c>min</c>.</param>
    private static ReplicationPlan ReadReplications(Section t, bool stored)
    {
        var doc = t.Required(ExperimentKeys.Replications);
        if (!doc.IsMapping)
        {
            int n = (int)t.Get(ExperimentKeys.ReplicationCount);
            if (n < 2) throw doc.Error($"at least 2 replications are needed for an interval, not {n}.");
            return new ReplicationPlan(n, n, null);
        }
        var r = t.Child(ExperimentKeys.Replications, ExperimentKeys.ReplicationsSection);
        long least = stored ? ExperimentKeys.StoredLeastMin : ExperimentKeys.LeastMin;
        int min = (int)r.Get(ExperimentKeys.Min, least: least), max = (int)r.Get(ExperimentKeys.Max, least: least);
        string width = r.Get(ExperimentKeys.CiHalfWidth);
        if (!width.EndsWith('%') || !double.TryParse(width[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double percent) || !(percent > 0))
            throw r.Required(ExperimentKeys.CiHalfWidth).Error($"ci_half_width is a percentage of the mean, like 2%, not '{width}'.");
        if (max < min) throw doc.Error($"replications need min <= max, not min {min}, max {max}.");
        return new ReplicationPlan(min, max, percent / 100);
    }

    /// <summary>The strategies the file can name: the built-in ones, and those of its <c>plugins:</c> (paths relative to the file; <c>--plugin</c> gives them absolute).</summary>
    private static Plugins.Loaded ReadPlugins(Section t, string baseDirectory)
    {
        var named = new List<Plugins.Named>();
        foreach (var item in t.Items(ExperimentKeys.Plugins)) named.Add(new Plugins.Named(Path.GetFullPath(Path.Combine(baseDirectory, item.Text())), item.File, item.Line));
        var loaded = Plugins.Load(named);
        if (loaded.Resolved.Count > 0) t.Record(ExperimentKeys.Plugins.Name, string.Join(", ", loaded.Resolved));
        return loaded;
    }

    /// <summary>A baseline names a strategy by its whole label: a pair's selector or scheduler alone, or a name without its arguments, points to the labels it is part of.</summary>
    private static string BaselineHint(string baseline, IReadOnlyList<StrategyChoice> strategies)
    {
        var containing = strategies.Where(s => s.Name == baseline || s.Schedule?.Name == baseline || s.OwnLabel == baseline || s.Schedule?.OwnLabel == baseline).Select(s => s.Label).ToArray();
        if (containing.Length > 0)
            return $" A baseline is a strategy's whole label: {string.Join(" or ", containing.Select(l => $"'{l}'"))}.";
        return Spelling.Hint(baseline, strategies.Select(s => s.Label)) + $" The labels: {string.Join(", ", strategies.Select(s => s.Label))}.";
    }

    private static List<StrategyChoice> ReadStrategies(Section t, Strategies.StrategyRegistry registry, string baseDirectory)
    {
        var list = new List<StrategyChoice>();
        t.Required(ExperimentKeys.Strategies);
        foreach (var item in t.Items(ExperimentKeys.Strategies))
        {
            if (item.IsMapping && item.Mapping().ContainsKey(External))
            {
                var entry = item.Mapping(External, Settings);
                list.Add(new StrategyChoice(External, new Dictionary<string, string>()) { Registry = registry, External = ExternalPolicy.Read(entry[External], baseDirectory), Settings = ReadSettings(entry) });
            }
            else if (item.IsMapping && item.Mapping().ContainsKey("select"))
            {
                var pair = item.Mapping("select", "schedule", Settings, LabelKey);
                if (!pair.TryGetValue("schedule", out var schedule)) throw item.Error("a strategy pair needs 'schedule' (a site strategy) beside 'select' (a network or online one).");
                var scheduler = One(schedule, registry);
                if (registry.KindOf(scheduler.Name) != Strategies.StrategyKind.Site)
                    throw schedule.Error($"'{scheduler.Name}' is {Strategies.StrategyRegistry.Words(registry.KindOf(scheduler.Name))}; 'schedule' takes a site strategy: {string.Join(", ", registry.Strategies.Where(s => s.Kind == Strategies.StrategyKind.Site).Select(s => s.Name))}.");
                var select = pair["select"];
                // An outside policy selects as any selector does: {select: {external: {...}}, schedule: ...}.
                var selector = select.IsMapping && select.Mapping().ContainsKey(External)
                    ? new StrategyChoice(External, new Dictionary<string, string>()) { Registry = registry, External = ExternalPolicy.Read(select.Mapping(External)[External], baseDirectory) }
                    : One(select, registry);
                if (selector.External is null && registry.KindOf(selector.Name) == Strategies.StrategyKind.Site)
                    throw select.Error($"'{selector.Name}' is a site strategy; 'select' takes a network or online strategy: {string.Join(", ", registry.Strategies.Where(s => s.Kind != Strategies.StrategyKind.Site).Select(s => s.Name))}.");
                list.Add(selector with { Schedule = scheduler, Settings = ReadSettings(pair), GivenLabel = ReadLabel(pair) });
            }
            else list.Add(One(item, registry));
        }
        if (list.Count == 0) throw t.Required(ExperimentKeys.Strategies).Error("name at least one strategy.");
        var duplicate = list.GroupBy(s => s.Label).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw t.Required(ExperimentKeys.Strategies).Error($"strategy '{duplicate.Key}' is listed twice.");
        t.Record(ExperimentKeys.Strategies.Name, string.Join(", ", list.Select(s => s.Label)));
        return list;
    }

    /// <summary>A strategy by name, or a mapping of its name and parameters.</summary>
    private static StrategyChoice One(YamlDoc item, Strategies.StrategyRegistry registry)
    {
        if (!item.IsMapping) return Checked(new StrategyChoice(item.Text(), new Dictionary<string, string>()) { Registry = registry }, item);
        var f = item.Mapping();
        if (!f.TryGetValue("name", out var nameDoc)) throw item.Error("a strategy needs 'name' (or, in a network of sites, 'select' and 'schedule').");
        var args = f.Where(kv => kv.Key is not ("name" or Settings or LabelKey)).ToDictionary(kv => kv.Key, kv => kv.Value.Text(), StringComparer.Ordinal);
        return Checked(new StrategyChoice(nameDoc.Text(), args) { Registry = registry, Settings = ReadSettings(f), GivenLabel = ReadLabel(f) }, nameDoc);
    }

    /// <summary>The key of a strategy entry that gives its runs scenario settings of their own.</summary>
    private const string Settings = "settings";

    /// <summary>The key of a strategy entry that names it in the outputs.</summary>
    private const string LabelKey = "label";

    /// <summary><c>label:</c> of a strategy entry: printable, at most 60 characters, no comma (it is a CSV field); null when absent.</summary>
    private static string? ReadLabel(IReadOnlyDictionary<string, YamlDoc> entry)
    {
        if (!entry.TryGetValue(LabelKey, out var doc)) return null;
        string label = doc.Text();
        if (label.Length is 0 or > 60 || label.Any(c => char.IsControl(c) || c is ',' or '"'))
            throw doc.Error($"a strategy's label is 1 to 60 characters without commas or quotes (it names a column of the CSVs), not '{(label.Length > 60 ? label[..60] + "..." : label)}'.");
        return label;
    }

    /// <summary>The key of a strategy entry that runs an outside policy.</summary>
    private const string External = "external";

    /// <summary><c>settings: {scenario.path: value, ...}</c> of a strategy entry: one value per scenario path.</summary>
    private static Dictionary<string, YamlDoc> ReadSettings(IReadOnlyDictionary<string, YamlDoc> entry)
    {
        var settings = new Dictionary<string, YamlDoc>(StringComparer.Ordinal);
        if (!entry.TryGetValue(Settings, out var doc)) return settings;
        foreach (var (path, value) in doc.Mapping())
        {
            if (!path.StartsWith("scenario.", StringComparison.Ordinal)) throw value.Error($"a strategy's setting '{path}' is not under 'scenario.'.");
            if (value.IsMapping || value.IsSequence) throw value.Error($"a strategy's setting '{path}' takes one value.");
            settings[path] = value;
        }
        return settings;
    }

    /// <summary>A strategy is checked when the file is read, not when the first replication starts.</summary>
    private static StrategyChoice Checked(StrategyChoice choice, YamlDoc at)
    {
        try
        {
            var registry = choice.Registry;
            switch (registry.KindOf(choice.Name))
            {
                case Strategies.StrategyKind.Site: registry.Create(choice.Name, choice.Arguments, new Random(0)); break;
                case Strategies.StrategyKind.Network: registry.CreateSelector(choice.Name, choice.Arguments, new Random(0)); break;
                default: registry.CreateOnline(choice.Name, choice.Arguments, new Random(0)); break;
            }
        }
        catch (Strategies.StrategyException ex)
        {
            throw at.Error(ex.Message);
        }
        return choice;
    }

    /// <summary><c>size: [width, height]</c>, each 200 to 4000 pixels.</summary>
    private static (int Width, int Height) PlotSize(YamlDoc? doc)
    {
        if (doc is null) return (900, 560);
        var items = doc.IsSequence ? doc.Sequence() : throw doc.Error("size is [width, height] in pixels.");
        if (items.Count != 2) throw doc.Error($"size is [width, height] in pixels: two numbers, not {items.Count}.");
        int Side(YamlDoc d)
        {
            long v = d.Integer();
            return v is >= 200 and <= 4000 ? (int)v : throw d.Error($"a figure's side is 200 to 4000 pixels, not {v}.");
        }
        return (Side(items[0]), Side(items[1]));
    }

    /// <summary><c>format: [png, svg, pdf]</c>: which files each figure is written as.</summary>
    private static IReadOnlyList<string> PlotFormats(YamlDoc? doc)
    {
        if (doc is null) return new[] { "png", "svg" };
        var items = doc.IsSequence ? doc.Sequence() : new[] { doc };
        var formats = new List<string>();
        foreach (var item in items)
        {
            string f = item.Text();
            if (f is not ("png" or "svg" or "pdf")) throw item.Error($"'{f}' is not a figure format; known: png, svg, pdf.{Spelling.Hint(f, new[] { "png", "svg", "pdf" })}");
            if (formats.Contains(f)) throw item.Error($"'{f}' is listed twice.");
            formats.Add(f);
        }
        if (formats.Count == 0) throw doc.Error("format names at least one of png, svg, pdf.");
        return formats;
    }

    /// <summary>The plots asked for, each a plot kind the scenario's kind offers, with its y (the kind's default for it when not given).</summary>
    private static List<PlotSpec> ReadPlots(Section t, ScenarioKind kind, ScenarioKinds kinds) =>
        t.Raw(ExperimentKeys.Plots) is { } doc ? doc.Sequence().Select(p => ReadFigure(p, kind, kinds)).ToList() : new List<PlotSpec>();

    /// <summary>A figure's plot kind (<c>line-ci</c> when it names none), refused unless some scenario kind offers it.</summary>
    internal static string PlotName(YamlDoc p, ScenarioKinds kinds)
    {
        var f = p.Mapping(ExperimentKeys.Plot.Names);
        string name = f.TryGetValue("kind", out var k) ? k.Text() : "line-ci";
        var known = kinds.PlotNames;
        return known.Contains(name) ? name : throw f["kind"].Error($"'{name}' is not a plot kind; known: {string.Join(", ", known)}.{Spelling.Hint(name, known)}");
    }

    /// <summary>
    /// One figure of <c>plots:</c> as a <paramref name="kind"/> scenario draws it: what can be checked without the
    /// experiment's sweep (a plot kind it offers, the axes it takes, its looks); the sweep is checked by <see cref="PlotKind.Check"/>.
    /// </summary>
    internal static PlotSpec ReadFigure(YamlDoc p, ScenarioKind kind, ScenarioKinds kinds)
    {
        string name = PlotName(p, kinds);
        var f = p.Mapping(ExperimentKeys.Plot.Names);
        // Not recorded in the resolved config: a figure's looks are not part of what was simulated (plot redraws a folder).
        var looks = new Section(p, new Binding(new Dictionary<string, YamlDoc>()), ExperimentKeys.Plot);
        var at = f.TryGetValue("at", out var a) ? a.Mapping().ToDictionary(kv => kv.Key, kv => kv.Value.Flow(), StringComparer.Ordinal) : new Dictionary<string, string>();
        var offering = kinds.All.Where(k => k.Plots.Any(x => x.Name == name)).ToArray();
        var plotKind = kind.Plots.FirstOrDefault(x => x.Name == name);
        string y = f.TryGetValue("y", out var yDoc) ? yDoc.Text() : (plotKind ?? offering[0].Plots.First(x => x.Name == name)).DefaultY(kind.Metrics);
        if (plotKind is null) throw p.Error(offering[0].Plots.First(x => x.Name == name).NotOffered(kind, y, offering));
        if (yDoc is not null && !plotKind.TakesY) throw yDoc.Error($"{plotKind.Called} shows {plotKind.Shows}: it takes no y.");
        if (f.TryGetValue("x", out var xDoc) && !plotKind.TakesX) throw xDoc.Error($"{plotKind.Called} shows {plotKind.Shows}: it takes no x (at: fixes its point).");
        if (xDoc is not null && at.ContainsKey(xDoc.Text()))
            throw f["at"].Error($"plot at: fixes '{xDoc.Text()}', the x the plot runs along; at: fixes the other swept settings.");
        var (logX, logY) = looks.Has(ExperimentKeys.Log) ? looks.Get(ExperimentKeys.Log) : plotKind is RegretPlot ? (true, true) : (false, false);
        if ((logX && !plotKind.LogAllowed.X) || (logY && !plotKind.LogAllowed.Y))
            throw looks.Required(ExperimentKeys.Log).Error($"{plotKind.Called}'s {(logX && !plotKind.LogAllowed.X ? "x" : "y")} axis cannot be logarithmic{(plotKind.LogAllowed.Y ? "" : " (its bars start at 0, or its values may be negative, which no logarithm has)")}; log: {(plotKind.LogAllowed.X ? "x" : plotKind.LogAllowed.Y ? "y" : "none")}{(plotKind.LogAllowed.X && plotKind.LogAllowed.Y ? ", y or xy" : "")} is what it takes.");
        var (width, height) = PlotSize(looks.Raw(ExperimentKeys.Size));
        string? title = looks.Has(ExperimentKeys.PlotTitle) ? looks.Get(ExperimentKeys.PlotTitle) : null;
        return new PlotSpec(plotKind, xDoc?.Text(), y, at)
        {
            Title = title == "none" ? "" : title,
            Width = width,
            Height = height,
            Formats = PlotFormats(looks.Raw(ExperimentKeys.Format)),
            LogX = logX,
            LogY = logY,
        };
    }

    /// <summary>
    /// <c>trace: {rows: 10000}</c>: an output, like the plots, so it is not part of the configuration's hash: replication 0
    /// of every sweep point and strategy is simulated again and its timeline written, at most <c>rows</c> rows a table.
    /// </summary>
    private static TraceSpec? ReadTrace(Section t)
    {
        if (t.Raw(ExperimentKeys.Trace) is not { } doc) return null;
        var f = doc.Mapping(ExperimentKeys.TraceSection.Names);
        long rows = f.TryGetValue("rows", out var r) ? r.Integer() : TraceSpec.DefaultRows;
        if (rows < 1 || rows > TraceSpec.MaxRows) throw (r ?? doc).Error($"'rows' must be from 1 to {TraceSpec.MaxRows:N0} (a trace's tables are kept in memory), not {rows}.");
        return new TraceSpec((int)rows);
    }

    private static IEnumerable<IReadOnlyList<(string Path, YamlDoc Value)>> Combinations(IReadOnlyList<SweepAxis> sweep, bool zip)
    {
        if (sweep.Count == 0)
        {
            yield return Array.Empty<(string, YamlDoc)>();
            yield break;
        }
        if (zip)
        {
            for (int i = 0; i < sweep[0].Values.Count; i++) yield return sweep.Select(a => (a.Path, a.Values[i])).ToArray();
            yield break;
        }
        var index = new int[sweep.Count];
        while (true)
        {
            yield return sweep.Select((a, i) => (a.Path, a.Values[index[i]])).ToArray();
            int d = sweep.Count - 1;
            while (d >= 0 && ++index[d] == sweep[d].Values.Count) index[d--] = 0;
            if (d < 0) yield break;
        }
    }
}

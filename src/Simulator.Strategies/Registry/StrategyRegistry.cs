using System.Globalization;
using System.Reflection;
using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Strategies;

/// <summary>A parameter a strategy takes: its name in files, its type, its default, (for enums) the values allowed, and (for numbers) its domain.</summary>
public sealed record StrategyParameter(string Name, string Type, string Default, IReadOnlyList<string> Choices)
{
    /// <summary>The numbers it may take; null for any.</summary>
    public DomainAttribute? Domain { get; init; }

    /// <summary>Whether it counts context features, so may not exceed the features the scenario's requests carry.</summary>
    public bool ContextFeatures { get; init; }
}

/// <summary>A registered strategy, as <c>list strategies</c> shows it.</summary>
public sealed record StrategyInfo(string Name, string Description, IReadOnlyList<StrategyParameter> Parameters, StrategyKind Kind)
{
    /// <summary>What it reads beyond its decision's view (<see cref="StrategyNeeds"/>); null: nothing more.</summary>
    public string? Needs { get; init; }

    /// <summary>The site settings it needs, by key of a site section (<c>sharing</c>: <c>false</c>); empty for none.</summary>
    public IReadOnlyDictionary<string, string> Site { get; init; } = new Dictionary<string, string>();

    /// <summary>True for a relaxation, which reports a bound rather than a plan (<see cref="StrategyAttribute.Bound"/>).</summary>
    public bool Bound { get; init; }

    /// <summary>The most queued requests it plans at once (<see cref="StrategyAttribute.MaxQueued"/>); null: no limit.</summary>
    public int? MaxQueued { get; init; }
}

/// <summary>A site strategy ready to run: its scheduler, and the site settings it needs (which the runner applies to its world).</summary>
public sealed record StrategySetup(string Name, IBatchScheduler Scheduler, IReadOnlyDictionary<string, string> Site)
{
    /// <summary>
    /// <paramref name="spec"/> with the settings this strategy needs, for a runner whose site is not read from an
    /// experiment's config (an instance file given to <c>solve</c>); an experiment applies them through its config.
    /// </summary>
    public SiteSpec Require(SiteSpec spec)
    {
        foreach (var (key, value) in Site)
            spec = key switch
            {
                "sharing" => spec with { Sharing = value == "true" },
                _ => throw new StrategyException($"Strategy '{Name}' needs site setting '{key}', which no runner knows."),
            };
        return spec;
    }
}

/// <summary>A strategy name or parameter that cannot be used; the message says what was expected.</summary>
public sealed class StrategyException(string message) : Exception(message);

/// <summary>
/// Finds strategies by name: every class carrying <see cref="StrategyAttribute"/> in the given
/// assemblies: site strategies (batch schedulers) and network strategies (model selection and pulls).
/// </summary>
public sealed class StrategyRegistry
{
    private readonly Dictionary<string, (Type Type, StrategyAttribute Attribute)> entries = new(StringComparer.Ordinal);

    public StrategyRegistry(params Assembly[] assemblies) : this(assemblies.SelectMany(a => a.GetTypes()))
    {
    }

    /// <summary>The strategies among <paramref name="types"/>: each class's declaration is checked as it joins.</summary>
    public StrategyRegistry(IEnumerable<Type> types)
    {
        foreach (var type in types)
            foreach (var attribute in type.GetCustomAttributes<StrategyAttribute>())
            {
                var needed = attribute.Kind switch { StrategyKind.Site => typeof(IBatchScheduler), StrategyKind.Network => typeof(INetworkSelector), _ => typeof(IOnlineSelector) };
                if (!needed.IsAssignableFrom(type)) throw new StrategyException($"{type.Name} is registered as '{attribute.Name}' ({Kebab(attribute.Kind.ToString())}) but is not an {needed.Name}.");
                if (type.IsAbstract || type.GetConstructors().Length == 0)
                    throw new StrategyException($"{type.Name} is registered as '{attribute.Name}' but {(type.IsAbstract ? "is abstract" : "has no public constructor")}: a strategy is a class the registry can build.");
                if (attribute.MaxQueued < 0 || (attribute.MaxQueued > 0 && attribute.Kind != StrategyKind.Site))
                    throw new StrategyException($"{type.Name} is registered as '{attribute.Name}' with MaxQueued = {attribute.MaxQueued}: it is the most queued requests a site strategy plans at once, 1 or more (0: no limit).");
                if (!entries.TryAdd(attribute.Name, (type, attribute)))
                    throw new StrategyException($"Two strategies are named '{attribute.Name}': {Origin(entries[attribute.Name].Type)} and {Origin(type)}.");
                try
                {
                    CheckPreset(type, attribute);
                    SiteSettings(attribute);
                }
                catch (StrategyException ex)
                {
                    throw new StrategyException($"{type.Name}: {ex.Message}");
                }
                foreach (var p in Parameters(type, attribute))
                {
                    if ((p.Domain is not null && p.Type is not ("int32" or "double")) || (p.ContextFeatures && p.Type != "int32"))
                        throw new StrategyException($"{type.Name}: '{p.Name}' is a {p.Type}; a domain belongs on a number, a count of context features on an int.");
                    if (p.Domain is { } domain && !domain.Contains(double.Parse(p.Default, CultureInfo.InvariantCulture)))
                        throw new StrategyException($"{type.Name}: the default of '{p.Name}' ({p.Default}) is not {domain}.");
                }
            }
    }

    /// <summary>The strategies of this project.</summary>
    public static StrategyRegistry BuiltIn { get; } = new(typeof(StrategyRegistry).Assembly);

    public IReadOnlyList<StrategyInfo> Strategies => entries.OrderBy(e => e.Key, StringComparer.Ordinal)
        .Select(e => new StrategyInfo(e.Key, e.Value.Attribute.Description, Parameters(e.Value.Type, e.Value.Attribute).ToArray(), e.Value.Attribute.Kind)
        {
            Needs = e.Value.Attribute.Needs,
            Site = SiteSettings(e.Value.Attribute),
            Bound = e.Value.Attribute.Bound,
            MaxQueued = Reach(e.Value.Attribute),
        })
        .ToArray();

    /// <summary>The site settings a registered strategy needs; empty for none.</summary>
    public IReadOnlyDictionary<string, string> Site(string name) => SiteSettings(Entry(name).Attribute);

    /// <summary>Whether a registered strategy is a relaxation, reporting a bound rather than a plan.</summary>
    public bool IsBound(string name) => Entry(name).Attribute.Bound;

    /// <summary>The most queued requests a registered strategy plans at once; null: no limit.</summary>
    public int? MaxQueued(string name) => Reach(Entry(name).Attribute);

    private static int? Reach(StrategyAttribute attribute) => attribute.MaxQueued > 0 ? attribute.MaxQueued : null;

    /// <summary>What a registered strategy reads beyond its decision's view; null: nothing more.</summary>
    public string? Needs(string name) => Entry(name).Attribute.Needs;

    /// <summary>
    /// The context features a strategy built with <paramref name="arguments"/> observes, by parameter (given or
    /// default): each must be at most the features the scenario's requests carry.
    /// </summary>
    public IEnumerable<(string Parameter, int Features)> ContextFeatures(string name, IReadOnlyDictionary<string, string> arguments)
    {
        var entry = Entry(name);
        var preset = ParsePreset(entry.Attribute.Preset);
        foreach (var p in Constructor(entry.Type).GetParameters().Where(p => p.GetCustomAttribute<ContextFeaturesAttribute>() is not null))
        {
            string key = Kebab(p.Name!);
            string? text = preset.TryGetValue(key, out var fixedValue) ? fixedValue : arguments.TryGetValue(key, out var given) ? given : null;
            yield return (key, text is null ? (int)p.DefaultValue! : (int)Convert(name, key, text, typeof(int)));
        }
    }

    /// <summary>The kind of a registered strategy; unknown names are an error with a suggestion.</summary>
    public StrategyKind KindOf(string name) => Entry(name).Attribute.Kind;

    /// <summary>Builds a site strategy from its name and parameters (as text), checking every parameter.</summary>
    public StrategySetup Create(string name, IReadOnlyDictionary<string, string> arguments, Random strategyStream)
    {
        var entry = Entry(name, StrategyKind.Site);
        return new StrategySetup(name, (IBatchScheduler)Construct(name, entry, arguments, strategyStream), SiteSettings(entry.Attribute));
    }

    /// <summary>Builds a network strategy from its name and parameters (as text), checking every parameter.</summary>
    public INetworkSelector CreateSelector(string name, IReadOnlyDictionary<string, string> arguments, Random strategyStream) =>
        (INetworkSelector)Construct(name, Entry(name, StrategyKind.Network), arguments, strategyStream);

    /// <summary>Builds a network strategy of either kind: an <see cref="INetworkSelector"/> that plans windows, or an <see cref="IOnlineSelector"/> that learns.</summary>
    public object CreateNetwork(string name, IReadOnlyDictionary<string, string> arguments, Random strategyStream) =>
        KindOf(name) == StrategyKind.Online ? CreateOnline(name, arguments, strategyStream) : CreateSelector(name, arguments, strategyStream);

    /// <summary>Builds an online network strategy (a learner) from its name and parameters.</summary>
    public IOnlineSelector CreateOnline(string name, IReadOnlyDictionary<string, string> arguments, Random strategyStream) =>
        (IOnlineSelector)Construct(name, Entry(name, StrategyKind.Online), arguments, strategyStream);

    private (Type Type, StrategyAttribute Attribute) Entry(string name, StrategyKind? kind = null)
    {
        if (!entries.TryGetValue(name, out var entry))
            throw new StrategyException($"Unknown strategy '{name}'.{Spelling.Hint(name, entries.Keys)} Known: {string.Join(", ", entries.Keys.Order(StringComparer.Ordinal))}.");
        if (kind is { } k && entry.Attribute.Kind != k)
        {
            var fitting = entries.Where(e => e.Value.Attribute.Kind == k).Select(e => e.Key).Order(StringComparer.Ordinal);
            throw new StrategyException($"'{name}' is {Words(entry.Attribute.Kind)}; this scenario needs {Words(k)}: {string.Join(", ", fitting)}.");
        }
        return entry;
    }

    private static object Construct(string name, (Type Type, StrategyAttribute Attribute) entry, IReadOnlyDictionary<string, string> arguments, Random strategyStream)
    {
        var ctor = Constructor(entry.Type);
        var preset = ParsePreset(entry.Attribute.Preset);
        var known = Parameters(entry.Type, entry.Attribute).Select(p => p.Name).ToArray();
        foreach (var key in arguments.Keys)
            if (!known.Contains(key)) throw new StrategyException($"Strategy '{name}' has no parameter '{key}'.{Spelling.Hint(key, known)} Its parameters: {(known.Length == 0 ? "none" : string.Join(", ", known))}.");
        var values = ctor.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(Random)) return strategyStream;
            string key = Kebab(p.Name!);
            string? text = preset.TryGetValue(key, out var fixedValue) ? fixedValue : arguments.TryGetValue(key, out var given) ? given : null;
            return text is null ? p.DefaultValue : CheckedValue(name, key, text, p);
        }).ToArray();
        try
        {
            return ctor.Invoke(values);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is { } cause)
        {
            // The constructor's own refusal (or fault): its message, not reflection's wrapper, and which strategy it was.
            throw new StrategyException($"Strategy '{name}' could not be built: {cause.GetType().Name}: {cause.Message}");
        }
    }

    public StrategySetup Create(string name, Random strategyStream) => Create(name, new Dictionary<string, string>(), strategyStream);

    /// <summary>A class as a clash names it: with the file it came from, the simulator's own or a plugin's.</summary>
    private static string Origin(Type type) =>
        type.Assembly == typeof(StrategyRegistry).Assembly ? $"{type.Name} (built in)" : $"{type.Name} (in {(type.Assembly.Location is { Length: > 0 } file ? file : type.Assembly.GetName().Name)})";

    /// <summary>A preset fixes parameters the constructor has, with values they take: checked once, when the class is registered.</summary>
    private static void CheckPreset(Type type, StrategyAttribute attribute)
    {
        var parameters = Constructor(type).GetParameters().Where(p => p.ParameterType != typeof(Random)).ToDictionary(p => Kebab(p.Name!), StringComparer.Ordinal);
        foreach (var (key, text) in ParsePreset(attribute.Preset))
        {
            if (!parameters.TryGetValue(key, out var p))
                throw new StrategyException($"the preset '{attribute.Name}' fixes '{key}', which is not a parameter.{Spelling.Hint(key, parameters.Keys)} Its parameters: {(parameters.Count == 0 ? "none" : string.Join(", ", parameters.Keys))}.");
            CheckedValue(attribute.Name, key, text, p);
        }
    }

    /// <summary>A parameter's value from its text: converted to the parameter's type and inside its domain.</summary>
    private static object CheckedValue(string strategy, string key, string text, ParameterInfo p)
    {
        var value = Convert(strategy, key, text, p.ParameterType);
        if (p.GetCustomAttribute<DomainAttribute>() is { } domain && !domain.Contains(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)))
            throw new StrategyException($"Strategy '{strategy}': parameter '{key}' is {text}; it must be {domain}.");
        return value;
    }

    // What Convert reads; a parameter of another type could be listed but never given.
    private static bool IsParameterType(Type t) => t.IsEnum || t == typeof(bool) || t == typeof(int) || t == typeof(double) || t == typeof(string);

    private static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    private static IEnumerable<StrategyParameter> Parameters(Type type, StrategyAttribute attribute)
    {
        var preset = ParsePreset(attribute.Preset);
        foreach (var p in Constructor(type).GetParameters())
        {
            if (p.ParameterType == typeof(Random) || preset.ContainsKey(Kebab(p.Name!))) continue;
            if (!p.HasDefaultValue) throw new StrategyException($"{type.Name}'s constructor parameter '{p.Name}' needs a default to be a strategy parameter.");
            var t = p.ParameterType;
            if (!IsParameterType(t))
                throw new StrategyException($"{type.Name}'s constructor parameter '{p.Name}' is a {t.Name}; a strategy parameter is a bool, int, double, string or an enum.");
            var choices = t.IsEnum ? Enum.GetNames(t).Select(Kebab).ToArray() : Array.Empty<string>();
            string def = p.DefaultValue is Enum e ? Kebab(e.ToString()) : System.Convert.ToString(p.DefaultValue, CultureInfo.InvariantCulture)?.ToLowerInvariant() ?? "";
            yield return new StrategyParameter(Kebab(p.Name!), t.IsEnum ? "choice" : t.Name.ToLowerInvariant(), def, choices)
            {
                Domain = p.GetCustomAttribute<DomainAttribute>(),
                ContextFeatures = p.GetCustomAttribute<ContextFeaturesAttribute>() is not null,
            };
        }
    }

    private static object Convert(string strategy, string key, string text, Type type)
    {
        string Expected() => type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type).Select(Kebab))}"
            : type == typeof(bool) ? "true or false" : type == typeof(int) ? "a whole number" : "a finite number";
        try
        {
            if (type.IsEnum)
            {
                var match = Enum.GetNames(type).FirstOrDefault(n => Kebab(n) == text);
                return match is not null ? Enum.Parse(type, match) : throw new FormatException();
            }
            if (type == typeof(bool)) return text is "true" or "false" ? text == "true" : throw new FormatException();
            if (type == typeof(int)) return int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (type == typeof(double)) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) is var d && double.IsFinite(d) ? d : throw new FormatException();
            if (type == typeof(string)) return text;
        }
        catch (FormatException)
        {
        }
        catch (OverflowException)
        {
        }
        throw new StrategyException($"Strategy '{strategy}': parameter '{key}' is '{text}', expected {Expected()}.");
    }

    /// <summary>"sharing: false; ..." as key and value.</summary>
    private static Dictionary<string, string> SiteSettings(StrategyAttribute attribute) => Pairs(attribute.Site, ':', "Site", "key: value");

    private static Dictionary<string, string> ParsePreset(string preset) => Pairs(preset, '=', "Preset", "param=value");

    /// <summary>"a=1; b=2" (or "a: 1; b: 2") as a dictionary; an entry without its separator, or given twice, is an error in the attribute.</summary>
    private static Dictionary<string, string> Pairs(string text, char separator, string what, string form)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = entry.Split(separator, 2, StringSplitOptions.TrimEntries);
            if (kv.Length < 2 || kv[0].Length == 0 || kv[1].Length == 0) throw new StrategyException($"{what} = \"{text}\": '{entry}' is not {form}.");
            if (!pairs.TryAdd(kv[0], kv[1])) throw new StrategyException($"{what} = \"{text}\" gives '{kv[0]}' twice.");
        }
        return pairs;
    }

    /// <summary>A strategy of <paramref name="kind"/> in words, with its article: "a site strategy", "an online strategy".</summary>
    public static string Words(StrategyKind kind) => kind switch
    {
        StrategyKind.Site => "a site strategy",
        StrategyKind.Network => "a network strategy",
        _ => "an online strategy",
    };

    /// <summary>fallbackToGreedy -> fallback-to-greedy; PlGreedy -> pl-greedy.</summary>
    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

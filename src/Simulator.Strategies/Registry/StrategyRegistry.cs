using System.Globalization;
using System.Reflection;
using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Strategies;

/// <summary>A parameter a strategy takes: its name in files, its type, its default and (for enums) the values allowed.</summary>
public sealed record StrategyParameter(string Name, string Type, string Default, IReadOnlyList<string> Choices);

/// <summary>A registered strategy, as <c>list strategies</c> shows it.</summary>
public sealed record StrategyInfo(string Name, string Description, IReadOnlyList<StrategyParameter> Parameters, StrategyKind Kind)
{
    /// <summary>What it reads beyond its decision's view (<see cref="StrategyNeeds"/>); null: nothing more.</summary>
    public string? Needs { get; init; }
}

/// <summary>What running a strategy needs: the scheduler, the bandwidth allocator it goes with, and whether blocks are shared.</summary>
/// <param name="Allocator">The strategy's own <c>bandwidth</c> choice; null when it gives none, so the scenario's <c>uplink.allocation</c> holds.</param>
public sealed record StrategySetup(string Name, IBatchScheduler Scheduler, IBandwidthAllocator? Allocator, bool Sharing)
{
    /// <summary>The uplink this strategy runs with: the scenario's, with the strategy's allocator if it chose one.</summary>
    public UplinkSpec UplinkFor(UplinkSpec scenario) => Allocator is null ? scenario : scenario with { Allocator = Allocator };

    /// <summary>The site this strategy runs on: the scenario's, with its uplink and with sharing as the strategy has it.</summary>
    public SiteSpec SiteFor(SiteSpec scenario) => scenario with { Sharing = Sharing, Uplink = UplinkFor(scenario.Uplink) };
}

/// <summary>A strategy name or parameter that cannot be used; the message says what was expected.</summary>
public sealed class StrategyException(string message) : Exception(message);

/// <summary>
/// Finds strategies by name: every class carrying <see cref="StrategyAttribute"/> in the given
/// assemblies: site strategies (batch schedulers) and network strategies (model selection and pulls). Every
/// site strategy also takes <c>bandwidth: optimal | equal</c>, which overrides the scenario's
/// <c>uplink.allocation</c> for that strategy.
/// </summary>
public sealed class StrategyRegistry
{
    private const string Bandwidth = "bandwidth";
    private readonly Dictionary<string, (Type Type, StrategyAttribute Attribute)> entries = new(StringComparer.Ordinal);

    public StrategyRegistry(params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
            foreach (var attribute in type.GetCustomAttributes<StrategyAttribute>())
            {
                var needed = attribute.Kind switch { StrategyKind.Site => typeof(IBatchScheduler), StrategyKind.Network => typeof(INetworkSelector), _ => typeof(IOnlineSelector) };
                if (!needed.IsAssignableFrom(type)) throw new StrategyException($"{type.Name} is registered as '{attribute.Name}' ({Kebab(attribute.Kind.ToString())}) but is not an {needed.Name}.");
                if (!entries.TryAdd(attribute.Name, (type, attribute))) throw new StrategyException($"Two strategies are named '{attribute.Name}'.");
            }
    }

    /// <summary>The strategies of this project.</summary>
    public static StrategyRegistry BuiltIn { get; } = new(typeof(StrategyRegistry).Assembly);

    public IReadOnlyList<StrategyInfo> Strategies => entries.OrderBy(e => e.Key, StringComparer.Ordinal)
        .Select(e => new StrategyInfo(e.Key, e.Value.Attribute.Description, e.Value.Attribute.Kind == StrategyKind.Site
            ? Parameters(e.Value.Type, e.Value.Attribute).Append(new StrategyParameter(Bandwidth, "choice", "uplink.allocation", Allocators.Names.ToArray())).ToArray()
            : Parameters(e.Value.Type, e.Value.Attribute).ToArray(), e.Value.Attribute.Kind) { Needs = e.Value.Attribute.Needs })
        .ToArray();

    /// <summary>What a registered strategy reads beyond its decision's view; null: nothing more.</summary>
    public string? Needs(string name) => Entry(name).Attribute.Needs;

    /// <summary>The kind of a registered strategy; unknown names are an error with a suggestion.</summary>
    public StrategyKind KindOf(string name) => Entry(name).Attribute.Kind;

    /// <summary>Builds a site strategy from its name and parameters (as text), checking every parameter.</summary>
    public StrategySetup Create(string name, IReadOnlyDictionary<string, string> arguments, Random strategyStream)
    {
        var entry = Entry(name, StrategyKind.Site);
        var scheduler = (IBatchScheduler)Construct(name, entry, arguments, strategyStream, Bandwidth);
        var allocator = !arguments.TryGetValue(Bandwidth, out var bandwidth) ? null
            : Allocators.Named(bandwidth) ?? throw new StrategyException($"Strategy '{name}': bandwidth must be {string.Join(" or ", Allocators.Names.Select(n => $"'{n}'"))}, not '{bandwidth}'.");
        return new StrategySetup(name, scheduler, allocator, entry.Attribute.Sharing);
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
            throw new StrategyException($"'{name}' is a {Kebab(entry.Attribute.Kind.ToString())} strategy; this scenario needs a {Kebab(k.ToString())} strategy: {string.Join(", ", fitting)}.");
        }
        return entry;
    }

    private static object Construct(string name, (Type Type, StrategyAttribute Attribute) entry, IReadOnlyDictionary<string, string> arguments, Random strategyStream, params string[] extra)
    {
        var ctor = Constructor(entry.Type);
        var preset = ParsePreset(entry.Attribute.Preset);
        var known = Parameters(entry.Type, entry.Attribute).Select(p => p.Name).Concat(extra).ToArray();
        foreach (var key in arguments.Keys)
            if (!known.Contains(key)) throw new StrategyException($"Strategy '{name}' has no parameter '{key}'.{Spelling.Hint(key, known)} Its parameters: {(known.Length == 0 ? "none" : string.Join(", ", known))}.");
        var values = ctor.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(Random)) return strategyStream;
            string key = Kebab(p.Name!);
            string? text = preset.TryGetValue(key, out var fixedValue) ? fixedValue : arguments.TryGetValue(key, out var given) ? given : null;
            return text is null ? p.DefaultValue : Convert(name, key, text, p.ParameterType);
        }).ToArray();
        return ctor.Invoke(values);
    }

    public StrategySetup Create(string name, Random strategyStream) => Create(name, new Dictionary<string, string>(), strategyStream);

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
            var choices = t.IsEnum ? Enum.GetNames(t).Select(Kebab).ToArray() : Array.Empty<string>();
            string def = p.DefaultValue is Enum e ? Kebab(e.ToString()) : System.Convert.ToString(p.DefaultValue, CultureInfo.InvariantCulture)?.ToLowerInvariant() ?? "";
            yield return new StrategyParameter(Kebab(p.Name!), t.IsEnum ? "choice" : t.Name.ToLowerInvariant(), def, choices);
        }
    }

    private static object Convert(string strategy, string key, string text, Type type)
    {
        string Expected() => type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type).Select(Kebab))}" : type.Name.ToLowerInvariant();
        try
        {
            if (type.IsEnum)
            {
                var match = Enum.GetNames(type).FirstOrDefault(n => Kebab(n) == text);
                return match is not null ? Enum.Parse(type, match) : throw new FormatException();
            }
            if (type == typeof(bool)) return text is "true" or "false" ? text == "true" : throw new FormatException();
            if (type == typeof(int)) return int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (type == typeof(double)) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
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

    private static Dictionary<string, string> ParsePreset(string preset) =>
        preset.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.Ordinal);

    /// <summary>fallbackToGreedy -> fallback-to-greedy; PlGreedy -> pl-greedy.</summary>
    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

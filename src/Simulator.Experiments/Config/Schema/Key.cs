using System.Globalization;

namespace Simulator.Experiments;

/// <summary>
/// One key of a config section, declared once (as ns-3 declares an attribute): its name, what it holds, its
/// default and a line of help. The reader reads it through its declaration (<see cref="Section"/>), so the
/// checks, the defaults recorded in config.resolved.yaml, <c>list keys</c> and docs/reference.md all come from here.
/// </summary>
public abstract class Key(string name, string help)
{
    public string Name { get; } = name;

    /// <summary>One line: what the key sets.</summary>
    public string Help { get; } = help;

    /// <summary>What a value is, in words: "a time (s, ms, us, min, h)", "one of overlap, sequential, pipelined".</summary>
    public abstract string Type { get; }

    /// <summary>The SI unit its value is kept in, or "" for none.</summary>
    public virtual string Unit => "";

    /// <summary>The default as written in a file, what a default depends on, "required", or "none" for an optional key.</summary>
    public abstract string Default { get; }

    /// <summary>The keys of the mapping it holds (a section, or each item of a list), or null.</summary>
    public virtual SectionSchema? Section => null;

    /// <summary>The mappings it may hold besides its scalar form (a value whose form depends on another: the reference lists them).</summary>
    public virtual IReadOnlyList<SectionSchema> Forms => Section is { } s ? new[] { s } : Array.Empty<SectionSchema>();

    public override string ToString() => Name;
}

/// <summary>A quantity with a unit ("20 MHz"), kept in SI; its default written as a file would write it.</summary>
public sealed class QuantityKey : Key
{
    /// <param name="default">The default as written ("20 MHz"); null when required or when <paramref name="dependsOn"/> says what gives it.</param>
    /// <param name="dependsOn">For a default another value gives ("the device's memory"): the reader passes it.</param>
    public QuantityKey(string name, UnitKind unit, string? @default, Domain domain, string help, string? dependsOn = null) : base(name, help)
    {
        UnitKind = unit;
        DefaultText = @default;
        Domain = domain;
        DependsOn = dependsOn;
        DefaultValue = @default is null ? null : Units.Parse(@default, unit);
    }

    public UnitKind UnitKind { get; }

    public Domain Domain { get; }

    public double? DefaultValue { get; }

    public string? DefaultText { get; }

    public string? DependsOn { get; }

    public override string Type => Units.Expected(UnitKind) + Keys.DomainWords(Domain);

    public override string Unit => Units.SiUnit(UnitKind);

    public override string Default => DefaultText ?? DependsOn ?? "required";
}

/// <summary>A plain number, checked against its domain and an upper bound.</summary>
public sealed class NumberKey(string name, double? @default, Domain domain, string help, double max = double.PositiveInfinity) : Key(name, help)
{
    public double? DefaultValue { get; } = @default;

    public Domain Domain { get; } = domain;

    public double Max { get; } = max;

    public override string Type => "a number" + Keys.DomainWords(Domain) + (double.IsPositiveInfinity(Max) ? "" : $", at most {Keys.R(Max)}");

    public override string Default => DefaultValue is { } d ? Keys.R(d) : "required";
}

/// <summary>A whole number from <see cref="Min"/> to <see cref="Max"/>: nothing wraps when it is cast.</summary>
/// <param name="whyMin">Why no smaller value is taken, where that is not plain from the help: a refusal below it says so.</param>
public sealed class IntegerKey(string name, long? @default, long min, long max, string help, string? dependsOn = null, string? whyMin = null) : Key(name, help)
{
    public long? DefaultValue { get; } = @default;

    public long Min { get; } = min;

    public long Max { get; } = max;

    public string? DependsOn { get; } = dependsOn;

    public string? WhyMin { get; } = whyMin;

    public override string Type => string.Create(CultureInfo.InvariantCulture, $"a whole number from {Min:N0} to {Max:N0}");

    public override string Default => DefaultValue?.ToString(CultureInfo.InvariantCulture) ?? DependsOn ?? "required";
}

/// <summary>true or false.</summary>
public sealed class BoolKey(string name, bool @default, string help) : Key(name, help)
{
    public bool DefaultValue { get; } = @default;

    public override string Type => "true or false";

    public override string Default => DefaultValue ? "true" : "false";
}

/// <summary>Free text (a name, a path, a profile name checked by its reader).</summary>
/// <param name="check">The value's problem in words, or null when it is fine.</param>
public sealed class TextKey(string name, string? @default, string help, string type = "text", string? dependsOn = null, Func<string, string?>? check = null) : Key(name, help)
{
    public string? DefaultValue { get; } = @default;

    /// <summary>What is wrong with a value (null: nothing).</summary>
    public string? Problem(string value) => check?.Invoke(value);

    public string? DependsOn { get; } = dependsOn;

    public override string Type { get; } = type;

    public override string Default => DefaultValue is { Length: 0 } ? "empty" : DefaultValue ?? DependsOn ?? "required";
}

/// <summary>One of named choices, each with what it means; a name not among them is an error with a suggestion.</summary>
/// <param name="noun">What a choice is, for the message ("a path-loss model"); null: "one of ...".</param>
public sealed class ChoiceKey<T>(string name, IReadOnlyList<(string Name, Func<T> Value, string Help)> choices, string? @default, string help, string? noun = null, string? dependsOn = null) : Key(name, help), IChoiceKey
{
    public IReadOnlyList<(string Name, Func<T> Value, string Help)> Choices { get; } = choices;

    public IReadOnlyList<string> Names => Choices.Select(c => c.Name).ToArray();

    IReadOnlyList<(string Name, string Help)> IChoiceKey.Described => Choices.Select(c => (c.Name, c.Help)).ToArray();

    public string? DefaultValue { get; } = @default;

    public string? Noun { get; } = noun;

    public string? DependsOn { get; } = dependsOn;

    public override string Type => "one of " + string.Join(", ", Names);

    public override string Default => DefaultValue ?? DependsOn ?? "required";

    /// <summary>This key with the choices <paramref name="allowed"/> only (a kind that takes fewer of them).</summary>
    public ChoiceKey<T> Only(params string[] allowed) => new(Name, Choices.Where(c => allowed.Contains(c.Name)).ToArray(), DefaultValue, Help, Noun, DependsOn);

    /// <summary>The value a choice's name stands for (a name already checked to be one of <see cref="Names"/>).</summary>
    public T ValueOf(string choice) => Choices.Single(c => c.Name == choice).Value();

    /// <summary>The name a file writes for <paramref name="value"/>.</summary>
    public string NameOf(T value) => Choices.Single(c => EqualityComparer<T>.Default.Equals(c.Value(), value)).Name;
}

/// <summary>What the reference shows of a choice key's choices.</summary>
public interface IChoiceKey
{
    IReadOnlyList<(string Name, string Help)> Described { get; }
}

/// <summary>One value, or <c>{min, max}</c> for a uniform draw; with a unit when <see cref="UnitKind"/> is set. Its reader reads it (a range's default lives with what it draws).</summary>
public sealed class RangeKey(string name, UnitKind? unit, string? @default, string help, string type = "") : Key(name, help)
{
    public UnitKind? UnitKind { get; } = unit;

    public override string Type => (type.Length > 0 ? type : UnitKind is { } u ? Units.Expected(u) : "a number") + ", or {min, max} drawn uniformly";

    public override string Unit => UnitKind is { } u ? Units.SiUnit(u) : "";

    public override string Default => @default ?? "required";

    /// <summary>A default range as a file writes it: "8 GB" or "{min: 8 GB, max: 24 GB}".</summary>
    public static string Written(double min, double max, Func<double, string> show) => min == max ? show(min) : $"{{min: {show(min)}, max: {show(max)}}}";
}

/// <summary>A mapping of keys of its own.</summary>
public sealed class SectionKey(string name, SectionSchema schema, string help) : Key(name, help)
{
    public override SectionSchema Section { get; } = schema;

    public override string Type => "a section";

    public override string Default => "its keys' defaults";
}

/// <summary>A list; its items are mappings of <see cref="Items"/> keys, or values a reader of their own checks.</summary>
public sealed class ListKey(string name, string items, string help, SectionSchema? schema = null, string? @default = null, int maxItems = 10_000) : Key(name, help)
{
    public override SectionSchema? Section { get; } = schema;

    /// <summary>The most items the list may have, refused before any is read.</summary>
    public int MaxItems { get; } = maxItems;

    public override string Type => string.Create(CultureInfo.InvariantCulture, $"a list of {items} (at most {MaxItems:N0})");

    public override string Default => @default ?? "required";
}

/// <summary>A value whose own reader checks it (an inference profile, a sweep, a strategy entry): its form in words, and the mappings it may be.</summary>
public sealed class ValueKey(string name, string type, string? @default, string help, params SectionSchema[] forms) : Key(name, help)
{
    public override string Type { get; } = type;

    public override IReadOnlyList<SectionSchema> Forms { get; } = forms;

    public override string Default => @default ?? "required";
}

/// <summary>The words the key types share.</summary>
internal static class Keys
{
    public static string DomainWords(Domain domain) => domain switch { Domain.Positive => ", above 0", Domain.NonNegative => ", at least 0", _ => "" };

    public static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

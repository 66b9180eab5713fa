using System.Globalization;

namespace Simulator.Strategies;

/// <summary>
/// The values a strategy parameter may take, on its constructor parameter: from <see cref="Min"/> to
/// <see cref="Max"/>, the lower end excluded when <see cref="AboveMin"/>. The registry checks every value
/// against it, the default included, and <c>list strategies</c> shows it, so a value outside it is an error
/// where the file names it rather than a learner that silently never explores or divides by zero.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DomainAttribute(double min, double max = double.PositiveInfinity) : Attribute
{
    /// <summary>The lowest value (excluded when <see cref="AboveMin"/>).</summary>
    public double Min { get; } = min;

    /// <summary>The highest value, included; infinity for no upper end.</summary>
    public double Max { get; } = max;

    /// <summary>Whether <see cref="Min"/> itself is excluded (a width or a variance above 0).</summary>
    public bool AboveMin { get; init; }

    /// <summary>What the values are, in words ("a probability"); empty for none.</summary>
    public string Meaning { get; init; } = "";

    /// <summary>Whether <paramref name="value"/> lies in the domain.</summary>
    public bool Contains(double value) => (AboveMin ? value > Min : value >= Min) && value <= Max;

    /// <summary>"a probability from 0 to 1", "above 0", "at least 1".</summary>
    public override string ToString()
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string range = double.IsPositiveInfinity(Max) ? (AboveMin ? $"above {N(Min)}" : $"at least {N(Min)}") : AboveMin ? $"above {N(Min)} and at most {N(Max)}" : $"from {N(Min)} to {N(Max)}";
        return Meaning.Length == 0 ? range : $"{Meaning} {range}";
    }
}

/// <summary>
/// A count of context features the strategy observes (on an int parameter): it may be no larger than the
/// features the scenario's requests carry, which the experiment's reader checks against its scenario.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ContextFeaturesAttribute : Attribute;

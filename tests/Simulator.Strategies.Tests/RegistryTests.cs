using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Strategies.Tests;

public class RegistryTests
{
    [Fact]
    public void Lists_every_built_in_strategy_with_its_parameters()
    {
        // Every attribute in the assembly, found here by reflection on our own: adding a strategy needs no edit of this test.
        var declared = typeof(StrategyRegistry).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(StrategyAttribute), false).Cast<StrategyAttribute>().Select(a => (a.Name, Kind: typeof(Edge.Network.INetworkSelector).IsAssignableFrom(t) ? StrategyKind.Network : typeof(Edge.Network.IOnlineSelector).IsAssignableFrom(t) ? StrategyKind.Online : StrategyKind.Site)))
            .OrderBy(x => x.Name, StringComparer.Ordinal).ToArray();
        var listed = StrategyRegistry.BuiltIn.Strategies;
        Assert.Equal(declared.Select(d => d.Name), listed.Select(s => s.Name));
        Assert.Equal(declared.Select(d => d.Kind), listed.Select(s => s.Kind));
        Assert.Contains(listed, s => s.Name == "pl-dp" && s.Kind == StrategyKind.Site);
        Assert.Contains(listed, s => s.Name == "mec-ilp" && s.Kind == StrategyKind.Network);
        // No strategy takes a site's setting as a parameter: the site's settings are the scenario's.
        Assert.All(listed, s => Assert.DoesNotContain(s.Parameters, p => p.Name == "bandwidth"));
        // What a strategy needs of its site it declares; only no-sharing needs anything.
        Assert.Equal(new[] { "no-sharing" }, listed.Where(s => s.Site.Count > 0).Select(s => s.Name));
        Assert.Equal("false", listed.Single(s => s.Name == "no-sharing").Site["sharing"]);
        var dp = StrategyRegistry.BuiltIn.Strategies.Single(s => s.Name == "pl-dp");
        var fallback = dp.Parameters.Single(p => p.Name == "fallback");
        Assert.Equal(new[] { "none", "pl-greedy" }, fallback.Choices);
        Assert.Equal("none", fallback.Default);
        Assert.DoesNotContain(StrategyRegistry.BuiltIn.Strategies.Single(s => s.Name == "no-sharing").Parameters, p => p.Name == "whole-models");
    }

    [Fact]
    public void Typed_parameters_build_the_strategy_asked_for()
    {
        var greedy = StrategyRegistry.BuiltIn.Create("pl-greedy", new Dictionary<string, string> { ["variant"] = "overlap" }, new Random(1));
        Assert.IsType<PartialLoadingGreedy>(greedy.Scheduler);
        // A strategy's site settings are applied by whoever runs it, to the site it is given, and nothing else changes.
        var site = new SiteSpec { Disk = RandomInstances.Hdd, Pcie = RandomInstances.Pcie, GpuBytes = 1_000_000, Uplink = new UplinkSpec { Allocator = new EqualAllocator() } };
        Assert.Same(site, greedy.Require(site));
        var blind = StrategyRegistry.BuiltIn.Create("no-sharing", new Random(1)).Require(site);
        Assert.False(blind.Sharing);
        Assert.Equal(site with { Sharing = false }, blind);
    }

    [Theory]
    [InlineData("pl-dpp", null, null, "Unknown strategy 'pl-dpp'. Did you mean 'pl-dp'?")]
    [InlineData("pl-dp", "falback", "pl-greedy", "Strategy 'pl-dp' has no parameter 'falback'. Did you mean 'fallback'?")]
    [InlineData("pl-dp", "fallback", "greedy", "Strategy 'pl-dp': parameter 'fallback' is 'greedy', expected one of none, pl-greedy.")]
    [InlineData("fcfs", "bandwidth", "equal", "Strategy 'fcfs' has no parameter 'bandwidth'. Its parameters: none.")]
    [InlineData("no-sharing", "whole-models", "false", "Strategy 'no-sharing' has no parameter 'whole-models'.")]
    public void Bad_names_and_parameters_are_refused_with_what_was_expected(string name, string? key, string? value, string message)
    {
        var args = key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [key] = value! };
        var ex = Assert.Throws<StrategyException>(() => StrategyRegistry.BuiltIn.Create(name, args, new Random(1)));
        Assert.StartsWith(message, ex.Message);
    }
}

/// <summary>Declarations a registry refuses when the class joins, each with what it expected, before any file names the strategy.</summary>
public class RegistryDeclarationTests
{
    [Strategy("float-weight", "a float parameter")]
    public sealed class FloatWeight(float weight = 0.5f) : IBatchScheduler
    {
        public float Weight { get; } = weight;

        public Plan Plan(SiteView view) => Edge.Plan.Empty;
    }

    [Strategy("negative-reach", "a reach below zero", MaxQueued = -3)]
    public sealed class NegativeReach : IBatchScheduler
    {
        public Plan Plan(SiteView view) => Edge.Plan.Empty;
    }

    [Strategy("abstract-one", "abstract")]
    public abstract class AbstractOne : IBatchScheduler
    {
        public abstract Plan Plan(SiteView view);
    }

    [Strategy("preset-typo", "a preset naming no parameter", Preset = "wieght=2")]
    public sealed class PresetTypo(double weight = 1) : IBatchScheduler
    {
        public double Weight { get; } = weight;

        public Plan Plan(SiteView view) => Edge.Plan.Empty;
    }

    [Strategy("preset-form", "a preset without its =", Preset = "weight")]
    public sealed class PresetForm(double weight = 1) : IBatchScheduler
    {
        public double Weight { get; } = weight;

        public Plan Plan(SiteView view) => Edge.Plan.Empty;
    }

    [Strategy("preset-value", "a preset value of the wrong type", Preset = "weight=heavy")]
    public sealed class PresetValue(double weight = 1) : IBatchScheduler
    {
        public double Weight { get; } = weight;

        public Plan Plan(SiteView view) => Edge.Plan.Empty;
    }

    [Strategy("site-twice", "a site setting given twice", Site = "sharing: false; sharing: true")]
    public sealed class SiteTwice : IBatchScheduler
    {
        public Plan Plan(SiteView view) => Edge.Plan.Empty;
    }

    [Strategy("weighted", "a double parameter without a domain, and a constructor that refuses some values")]
    public sealed class Weighted : IBatchScheduler
    {
        public Weighted(double weight = 1)
        {
            if (weight < 0) throw new ArgumentOutOfRangeException(nameof(weight), weight, "A weight is not negative.");
            Weight = weight;
        }

        public double Weight { get; }

        public Plan Plan(SiteView view) => Edge.Plan.Empty;
    }

    [Strategy("fcfs", "a second fcfs")]
    public sealed class SecondFcfs : IBatchScheduler
    {
        public Plan Plan(SiteView view) => Edge.Plan.Empty;
    }

    [Fact]
    public void A_name_taken_twice_is_refused_naming_both_classes_and_where_each_comes_from()
    {
        var ex = Assert.Throws<StrategyException>(() => new StrategyRegistry(new[] { typeof(FcfsScheduler), typeof(SecondFcfs) }));
        Assert.Equal($"Two strategies are named 'fcfs': FcfsScheduler (built in) and SecondFcfs (in {typeof(SecondFcfs).Assembly.Location}).", ex.Message);
    }

    [Theory]
    [InlineData(typeof(FloatWeight), "FloatWeight's constructor parameter 'weight' is a Single; a strategy parameter is a bool, int, double, string or an enum.")]
    [InlineData(typeof(AbstractOne), "AbstractOne is registered as 'abstract-one' but is abstract: a strategy is a class the registry can build.")]
    [InlineData(typeof(NegativeReach), "NegativeReach is registered as 'negative-reach' with MaxQueued = -3: it is the most queued requests a site strategy plans at once, 1 or more (0: no limit).")]
    [InlineData(typeof(PresetTypo), "PresetTypo: the preset 'preset-typo' fixes 'wieght', which is not a parameter. Did you mean 'weight'? Its parameters: weight.")]
    [InlineData(typeof(PresetForm), "PresetForm: Preset = \"weight\": 'weight' is not param=value.")]
    [InlineData(typeof(PresetValue), "PresetValue: Strategy 'preset-value': parameter 'weight' is 'heavy', expected a finite number.")]
    [InlineData(typeof(SiteTwice), "SiteTwice: Site = \"sharing: false; sharing: true\" gives 'sharing' twice.")]
    public void A_declaration_the_registry_could_not_honour_is_refused_when_the_class_joins(Type type, string message)
    {
        var ex = Assert.Throws<StrategyException>(() => new StrategyRegistry(new[] { type }));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("NaN", "Strategy 'weighted': parameter 'weight' is 'NaN', expected a finite number.")]
    [InlineData("Infinity", "Strategy 'weighted': parameter 'weight' is 'Infinity', expected a finite number.")]
    [InlineData("1e400", "Strategy 'weighted': parameter 'weight' is '1e400', expected a finite number.")]
    [InlineData("-1", "Strategy 'weighted' could not be built: ArgumentOutOfRangeException: A weight is not negative. (Parameter 'weight')\nActual value was -1.")]
    public void A_value_the_strategy_cannot_take_is_refused_with_what_it_expected_or_what_its_constructor_said(string value, string message)
    {
        var registry = new StrategyRegistry(new[] { typeof(Weighted) });
        var ex = Assert.Throws<StrategyException>(() => registry.Create("weighted", new Dictionary<string, string> { ["weight"] = value }, new Random(1)));
        Assert.Equal(message.ReplaceLineEndings(), ex.Message.ReplaceLineEndings());
        Assert.Equal(0.25, ((Weighted)registry.Create("weighted", new Dictionary<string, string> { ["weight"] = "0.25" }, new Random(1)).Scheduler).Weight);
    }
}

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
        // Site strategies take bandwidth; network strategies have no uplink to split.
        Assert.All(listed, s => Assert.Equal(s.Kind == StrategyKind.Site, s.Parameters.Any(p => p.Name == "bandwidth")));
        var dp = StrategyRegistry.BuiltIn.Strategies.Single(s => s.Name == "pl-dp");
        var fallback = dp.Parameters.Single(p => p.Name == "fallback");
        Assert.Equal(new[] { "none", "pl-greedy" }, fallback.Choices);
        Assert.Equal("none", fallback.Default);
        Assert.Contains(dp.Parameters, p => p.Name == "bandwidth");
        Assert.DoesNotContain(StrategyRegistry.BuiltIn.Strategies.Single(s => s.Name == "no-sharing").Parameters, p => p.Name == "whole-models");
    }

    [Fact]
    public void Typed_parameters_build_the_strategy_asked_for()
    {
        var greedy = StrategyRegistry.BuiltIn.Create("pl-greedy", new Dictionary<string, string> { ["variant"] = "overlap", ["bandwidth"] = "equal" }, new Random(1));
        Assert.IsType<PartialLoadingGreedy>(greedy.Scheduler);
        Assert.IsType<EqualAllocator>(greedy.Allocator);
        Assert.True(greedy.Sharing);
        Assert.False(StrategyRegistry.BuiltIn.Create("no-sharing", new Random(1)).Sharing);
        // No bandwidth given: the scenario's uplink.allocation holds; given: it overrides that.
        var fcfs = StrategyRegistry.BuiltIn.Create("fcfs", new Random(1));
        Assert.Null(fcfs.Allocator);
        Assert.IsType<EqualAllocator>(fcfs.UplinkFor(new UplinkSpec { Allocator = new EqualAllocator() }).Allocator);
        Assert.IsType<EqualAllocator>(greedy.UplinkFor(new UplinkSpec { Allocator = new OptimalAllocator() }).Allocator);
    }

    [Theory]
    [InlineData("pl-dpp", null, null, "Unknown strategy 'pl-dpp'. Did you mean 'pl-dp'?")]
    [InlineData("pl-dp", "falback", "pl-greedy", "Strategy 'pl-dp' has no parameter 'falback'. Did you mean 'fallback'?")]
    [InlineData("pl-dp", "fallback", "greedy", "Strategy 'pl-dp': parameter 'fallback' is 'greedy', expected one of none, pl-greedy.")]
    [InlineData("fcfs", "bandwidth", "fair", "Strategy 'fcfs': bandwidth must be 'optimal' or 'equal', not 'fair'.")]
    [InlineData("no-sharing", "whole-models", "false", "Strategy 'no-sharing' has no parameter 'whole-models'.")]
    public void Bad_names_and_parameters_are_refused_with_what_was_expected(string name, string? key, string? value, string message)
    {
        var args = key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [key] = value! };
        var ex = Assert.Throws<StrategyException>(() => StrategyRegistry.BuiltIn.Create(name, args, new Random(1)));
        Assert.StartsWith(message, ex.Message);
    }
}

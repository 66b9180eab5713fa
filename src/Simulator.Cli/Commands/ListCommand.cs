using System.CommandLine;
using Simulator.Experiments;
using Simulator.Strategies;

namespace Simulator.Cli;

/// <summary><c>list strategies|profiles|metrics</c>: what can be named in files and on the command line.</summary>
public static class ListCommand
{
    public static Command Create(TextWriter output)
    {
        var what = new Argument<string>("what") { Description = "strategies, profiles (with values and sources) or metrics (per scenario kind)" };
        what.AcceptOnlyFromAmong("strategies", "profiles", "metrics");
        var plugin = CommonOptions.Plugins();
        var command = new Command("list", "List the strategies (with those of --plugin assemblies), the hardware profiles with their values and sources, or the metrics of each scenario kind.") { what, plugin };
        command.SetAction(result =>
        {
            var plugins = (result.GetValue(plugin) ?? Array.Empty<string>()).Select(p => new Plugins.Named(Path.GetFullPath(p), "--plugin", 1)).ToArray();
            if (result.GetValue(what) == "strategies")
                foreach (var s in Plugins.Load(plugins).Registry.Strategies)
                {
                    string kinds = s.Kind switch { StrategyKind.Site => "single-site, one-shot", StrategyKind.Network => "network-one-shot, network", _ => "network-one-shot, network (online)" };
                    output.WriteLine($"{s.Name} [{kinds}]: {s.Description}");
                    foreach (var p in s.Parameters)
                        output.WriteLine($"    {p.Name} ({(p.Choices.Count > 0 ? string.Join(" | ", p.Choices) : p.Type)}, default {p.Default})");
                }
            else if (result.GetValue(what) == "profiles")
                foreach (var group in HardwareProfiles.Shipped.Values.GroupBy(v => v.Profile))
                {
                    output.WriteLine(group.Key);
                    foreach (var v in group) output.WriteLine($"    {v.Key}: {v.Value}  ({v.Source})");
                }
            else
                foreach (var (kinds, metrics) in new[] { ("single-site, one-shot", RunMetrics.Set), ("network-one-shot", NetworkScenario.MetricSet), ("network", StochasticNetworkScenario.MetricSet), ("network with cloudlet sites", SiteNetworkScenario.MetricSet) })
                    output.WriteLine($"{kinds}: {string.Join(", ", metrics.Names)}, {MetricSet.DecisionTime}");
            return Cli.Ok;
        });
        return command;
    }
}

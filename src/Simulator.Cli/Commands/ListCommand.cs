using System.CommandLine;
using Simulator.Experiments;
using Simulator.Strategies;

namespace Simulator.Cli;

/// <summary><c>list strategies|profiles</c>: what can be named in files and on the command line.</summary>
public static class ListCommand
{
    public static Command Create(TextWriter output)
    {
        var what = new Argument<string>("what") { Description = "strategies or profiles" };
        what.AcceptOnlyFromAmong("strategies", "profiles");
        var command = new Command("list", "List the strategies or hardware profiles.") { what };
        command.SetAction(result =>
        {
            if (result.GetValue(what) == "strategies")
                foreach (var s in StrategyRegistry.BuiltIn.Strategies)
                {
                    string kinds = s.Kind switch { StrategyKind.Site => "single-site, one-shot", StrategyKind.Network => "network-one-shot, network", _ => "network-one-shot, network (online)" };
                    output.WriteLine($"{s.Name} [{kinds}]: {s.Description}");
                    foreach (var p in s.Parameters)
                        output.WriteLine($"    {p.Name} ({(p.Choices.Count > 0 ? string.Join(" | ", p.Choices) : p.Type)}, default {p.Default})");
                }
            else
            {
                var profiles = HardwareProfiles.Shipped;
                output.WriteLine($"disks: {string.Join(", ", profiles.DiskNames)}");
                output.WriteLine($"pcie: {string.Join(", ", profiles.PcieNames)}");
                output.WriteLine($"gpus: {string.Join(", ", profiles.GpuNames)}");
            }
            return Cli.Ok;
        });
        return command;
    }
}

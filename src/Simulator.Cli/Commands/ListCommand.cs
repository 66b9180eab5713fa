using System.CommandLine;
using Simulator.Experiments;
using Simulator.Strategies;

namespace Simulator.Cli;

/// <summary><c>list strategies|kinds|metrics|profiles</c>: what can be named in files and on the command line, read off the registries and declarations.</summary>
public static class ListCommand
{
    public static Command Create(TextWriter output)
    {
        var what = new Argument<string>("what") { Description = "strategies, kinds (scenario kinds), keys (every key of an experiment file), metrics (per scenario kind, with units and definitions), profiles (with values and sources), or reference (all of it as docs/reference.md)" };
        what.AcceptOnlyFromAmong("strategies", "kinds", "keys", "metrics", "profiles", "reference");
        var plugin = CommonOptions.Plugins();
        var command = new Command("list", "List the strategies, the scenario kinds and the metrics of each (with those of --plugin assemblies), or the hardware profiles with their values and sources.") { what, plugin };
        command.SetAction(result =>
        {
            var loaded = CommonOptions.LoadPlugins(result, plugin);
            switch (result.GetValue(what))
            {
                case "strategies": Strategies(output, loaded); break;
                case "kinds": Kinds(output, loaded.Kinds); break;
                case "keys": Keys(output, loaded.Kinds); break;
                case "metrics": Metrics(output, loaded.Kinds); break;
                case "reference": output.Write(ReferenceDoc.Markdown(loaded.Kinds)); break;
                default: Profiles(output); break;
            }
            return Cli.Ok;
        });
        return command;
    }

    private static void Strategies(TextWriter output, Plugins.Loaded loaded)
    {
        foreach (var s in loaded.Registry.Strategies)
        {
            string kinds = string.Join(", ", loaded.Kinds.Running(s).Select(k => k.Name));
            output.WriteLine($"{s.Name} [{kinds}]: {s.Description}");
            foreach (var p in s.Parameters)
                output.WriteLine($"    {p.Name} ({(p.Choices.Count > 0 ? string.Join(" | ", p.Choices) : p.Type)}, default {p.Default}{(p.Domain is { } d ? $"; {d}" : "")}{(p.ContextFeatures ? "; at most the context features" : "")})");
        }
    }

    private static void Kinds(TextWriter output, ScenarioKinds kinds)
    {
        foreach (var k in kinds.All)
        {
            output.WriteLine($"{k.Name}{(k == kinds.Default ? " (the default)" : "")}: {k.Description}");
            var slots = k.Strategies;
            string Of(IEnumerable<StrategyKind> set) => string.Join(" or ", set.Order().Select(x => x.ToString().ToLowerInvariant()));
            output.WriteLine($"    strategies: {(slots.Pairs ? $"{{select: {Of(slots.Select)}, schedule: {Of(slots.Schedule!)}}} pairs" : Of(slots.Select))}");
            output.WriteLine($"    time: {k.Time}");
            output.WriteLine($"    keys: {string.Join(", ", k.Section.Names)}");
            output.WriteLine($"    plots: {string.Join(", ", k.Plots.Select(p => p.Name))}");
            output.WriteLine($"    outside policies ({{external: ...}}, serve): {k.Decision ?? "none"}");
            output.WriteLine($"    primary metric: {k.Metrics.Primary.Name} ({(k.Metrics.Primary.Better == Better.Higher ? "higher" : "lower")} is better); {k.Metrics.Count} metrics (list metrics)");
        }
    }

    /// <summary>Every key by its dotted path: the experiment's, then each kind's scenario section's.</summary>
    private static void Keys(TextWriter output, ScenarioKinds kinds)
    {
        void Print(SectionSchema schema, string prefix)
        {
            foreach (var (path, key) in SchemaWalk.Keys(schema, prefix))
                if (key is not SectionKey) output.WriteLine($"    {path}: {key.Type}; default {key.Default}. {key.Help}");
        }
        output.WriteLine("every experiment:");
        Print(ExperimentKeys.Top, "");
        foreach (var k in kinds.All)
        {
            output.WriteLine($"kind {k.Name}:");
            Print(k.Section, "scenario");
        }
    }

    private static void Metrics(TextWriter output, ScenarioKinds kinds)
    {
        foreach (var k in kinds.All)
        {
            output.WriteLine($"{k.Name}:");
            foreach (var m in k.Metrics.Metrics) output.WriteLine($"    {m.Name} ({Describe(m)}): {m.Definition}");
            if (k.TimeSeries is { } series)
                foreach (var l in series.Levels) output.WriteLine($"    over time (timeseries y): {l.Name} ({l.Unit.Symbol}): {l.Definition}");
        }
        var d = Metric.DecisionTime;
        output.WriteLine($"every kind, in timing.csv and plots only:");
        output.WriteLine($"    {d.Name} (ms of wall clock): {d.Definition}");
    }

    /// <summary>"s, lower is better": the unit, the direction, and whether a relaxation reports a bound there.</summary>
    internal static string Describe(Metric m) => string.Join(", ", new[]
    {
        m.Unit.Symbol.Length > 0 ? m.Unit.Symbol : "no unit",
        m.Better switch { Better.Higher => "higher is better", Better.Lower => "lower is better", _ => null },
        m.Bound ? "a bound for a relaxation" : null,
    }.Where(x => x is not null));

    private static void Profiles(TextWriter output)
    {
        foreach (var group in HardwareProfiles.Shipped.Values.GroupBy(v => v.Profile))
        {
            output.WriteLine(group.Key);
            foreach (var v in group) output.WriteLine($"    {v.Key}: {v.Value}  ({v.Source})");
        }
    }
}

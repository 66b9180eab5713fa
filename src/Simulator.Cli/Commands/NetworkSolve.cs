using System.Diagnostics;
using System.Text.Json;
using Simulator.Edge.Network;
using Simulator.Strategies;
using Simulator.Strategies.Network;

namespace Simulator.Cli;

/// <summary>What <c>solve</c> prints for a network window: one strategy's decisions as JSON, or a comparison table.</summary>
internal static class NetworkSolve
{
    private static (NetworkPlan Plan, double Ms) Plan(StrategyRegistry registry, NetworkInstance window, string name, IReadOnlyDictionary<string, string> args)
    {
        var selector = registry.CreateSelector(name, args, new Random(1));
        if (registry.Needs(name) is { } need)
            throw new StrategyException($"{Simulator.Experiments.ScenarioKinds.BuiltIn.NeedRefusal(name, need)}, which a window has not.");
        var clock = Stopwatch.StartNew();
        var plan = StrategyFailed.Planning(name, () => selector.Select(new NetworkView(window)));
        return (plan, clock.Elapsed.TotalMilliseconds);
    }

    public static void Single(TextWriter output, StrategyRegistry registry, NetworkInstance window, string name, IReadOnlyDictionary<string, string> args, string file)
    {
        var (plan, _) = Plan(registry, window, name, args);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("instance", file);
            json.WriteString("strategy", name);
            if (plan.Relaxation is { } lp)
            {
                json.WriteNumber("lp_bound", lp.Bound);
                json.WriteNumber("lp_plotted_delay", lp.PlottedDelay);
                json.WriteNumber("mean_cost", lp.MeanCost);
                json.WriteNumber("mean_accuracy", lp.MeanAccuracy);
                json.WriteEndObject();
            }
            else
            {
                var e = NetworkEvaluator.Evaluate(window, plan);
                // valid: the plan is well formed and meets every constraint of the window; faults say what is not well formed.
                json.WriteBoolean("valid", e.Valid);
                json.WriteStartArray("faults");
                foreach (var fault in e.Faults) json.WriteStringValue(fault);
                json.WriteEndArray();
                json.WriteNumber("total_delay", e.TotalDelay);
                json.WriteNumber("accuracy_violations", e.AccuracyViolations);
                json.WriteNumber("budget_violations", e.BudgetViolations);
                json.WriteNumber("capacity_violations", e.CapacityViolations);
                json.WriteStartArray("unplaced");
                foreach (int j in e.Unplaced) json.WriteNumberValue(window.Requests[j].Id);
                json.WriteEndArray();
                json.WriteStartArray("requests");
                foreach (var s in e.Served)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", window.Requests[s.Request].Id);
                    json.WriteString("model", window.Catalog.Models[s.Assignment.Model].Id);
                    json.WriteNumber("base_source", s.Assignment.BaseSource);
                    json.WriteNumber("task_source", s.Assignment.TaskSource);
                    json.WriteNumber("pull_s", s.Pull);
                    json.WriteNumber("inference_s", s.Inference);
                    json.WriteNumber("queueing_s", s.Queueing);
                    json.WriteNumber("transmission_s", s.Transmission);
                    json.WriteNumber("delay_s", s.Delay);
                    json.WriteNumber("cost", s.Cost);
                    json.WriteNumber("accuracy", s.Accuracy);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void Compare(TextWriter output, StrategyRegistry registry, NetworkInstance window, string[] names)
    {
        // Every strategy plans before a line is written: one that cannot (a learner, a typo) leaves no half table.
        var rows = names.Select(n => (Name: n, Result: Plan(registry, window, n, new Dictionary<string, string>()))).ToArray();
        var optimum = NetworkEvaluator.Evaluate(window, Plan(registry, window, "mec-ilp", new Dictionary<string, string>()).Plan);
        double bound = Plan(registry, window, "mec-lp", new Dictionary<string, string>()).Plan.Relaxation!.Bound;
        output.WriteLine($"{"strategy",-16} {"placed",7} {"total delay",14} {"gap to ILP",11} {"above LP",9} {"mean cost",10} {"mean acc",9} {"wall ms",9}");
        foreach (var (name, (plan, ms)) in rows)
        {
            if (plan.Relaxation is { } lp)
            {
                output.WriteLine(FormattableString.Invariant($"{name,-16} {"-",7} {lp.Bound,14:F2} {(lp.Bound - optimum.TotalDelay) / optimum.TotalDelay,11:P2} {0,9:P2} {lp.MeanCost,10:F2} {lp.MeanAccuracy,9:F4} {ms,9:F1}"));
                continue;
            }
            var e = NetworkEvaluator.Evaluate(window, plan);
            output.WriteLine(FormattableString.Invariant($"{name,-16} {e.Served.Count,7} {e.TotalDelay,14:F2} {(e.TotalDelay - optimum.TotalDelay) / optimum.TotalDelay,11:P2} {(e.TotalDelay - bound) / bound,9:P2} {(e.Served.Count > 0 ? e.Served.Average(s => s.Cost) : double.NaN),10:F2} {(e.Served.Count > 0 ? e.Served.Average(s => s.Accuracy) : double.NaN),9:F4} {ms,9:F1}"));
        }
        output.WriteLine(FormattableString.Invariant($"gaps are to mec-ilp's optimum {optimum.TotalDelay:F2} s ({optimum.Served.Count} placed) and mec-lp's bound {bound:F2} s."));
    }
}

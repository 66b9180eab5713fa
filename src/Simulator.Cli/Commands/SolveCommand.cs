using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Simulator.Edge;
using Simulator.Experiments;
using Simulator.Strategies;

namespace Simulator.Cli;

/// <summary>
/// <c>solve &lt;instance&gt;</c>: plans one static round (YAML or JSON) with a strategy and prints the plan as
/// JSON, re-checked by the independent evaluator; <c>--compare a,b,c</c> prints a table of values, gaps
/// to the best proven bound (from CP-SAT) and wall times instead. A network window file
/// (<c>kind: network-window</c>) is planned by network strategies, with gaps to <c>mec-ilp</c>'s optimum
/// and <c>mec-lp</c>'s bound; given an experiment whose cells plan a network window, <c>--export</c> writes the window of
/// one (point, replication) as such a file.
/// </summary>
public static class SolveCommand
{
    public static Command Create(TextWriter output)
    {
        var instance = new Argument<FileInfo>("instance") { Description = "A static round in YAML or JSON." };
        var strategy = new Option<string?>("--strategy") { Description = "The strategy to plan with (default: pl-dp for a round, mec-ilp for a network window)." };
        var parameters = new Option<string[]>("--param") { Description = "A strategy parameter, name=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var compare = new Option<string?>("--compare") { Description = "Compare strategies, comma-separated: a,b,c." };
        var limit = new Option<double>("--time-limit") { Description = "Seconds CP-SAT may take for the bound (with --compare, on a round).", DefaultValueFactory = _ => 10 };
        var export = new Option<FileInfo?>("--export") { Description = "With an experiment whose cells plan a network window: write the window of --point and --replication to this file." };
        var point = new Option<int>("--point") { Description = "The sweep point to export (with --export).", DefaultValueFactory = _ => 0 };
        var replication = new Option<int>("--replication") { Description = "The replication to export (with --export).", DefaultValueFactory = _ => 0 };
        var plugin = CommonOptions.Plugins();
        var command = new Command("solve", "Plan one static scheduling round or network window.") { instance, strategy, parameters, compare, limit, export, point, replication, plugin };
        command.SetAction(result =>
        {
            // An option given where it does nothing is refused: the user meant something by it.
            void Refuse(Option option, string why)
            {
                if (result.GetResult(option) is { Implicit: false }) throw new FormatException($"{option.Name} {why}");
            }
            var file = result.GetValue(instance)!;
            if (!file.Exists) throw new FileNotFoundException($"{file.FullName}: no such instance file.");
            var doc = YamlDoc.Load(file.FullName);
            string? list = result.GetValue(compare);
            if (result.GetValue(export) is { } target)
            {
                foreach (var o in new Option[] { strategy, parameters, compare, limit, plugin }) Refuse(o, "plans; --export only writes a window out (with --point and --replication).");
                FileKinds.Expect(doc, FileKind.Experiment);
                NetworkInstanceFile.Write(Window(file.FullName, result.GetValue(point), result.GetValue(replication)), NewFile.At(target, "--export"));
                output.WriteLine($"wrote {target.FullName}");
                return Cli.Ok;
            }
            foreach (var o in new Option[] { point, replication }) Refuse(o, "picks the window --export writes; without --export it does nothing.");
            if (list is not null)
                foreach (var o in new Option[] { strategy, parameters }) Refuse(o, "plans with one strategy; --compare names the strategies it compares.");
            else Refuse(limit, "is the time CP-SAT's bound may take in --compare; without --compare it does nothing.");
            double seconds = result.GetValue(limit);
            if (!(seconds > 0) || double.IsInfinity(seconds)) throw new FormatException($"--time-limit takes seconds above 0, not {seconds.ToString(CultureInfo.InvariantCulture)}.");
            var args = Arguments(result.GetValue(parameters) ?? Array.Empty<string>());
            var registry = CommonOptions.LoadPlugins(result, plugin).Registry;
            if (FileKinds.Expect(doc, FileKind.StaticRound, FileKind.NetworkWindow) == FileKind.NetworkWindow)
            {
                var window = NetworkInstanceFile.Read(doc);
                if (list is not null)
                {
                    Refuse(limit, "bounds a round's CP-SAT search; a network window's --compare proves its optimum with mec-ilp.");
                    NetworkSolve.Compare(output, registry, window, Names(list));
                }
                else NetworkSolve.Single(output, registry, window, result.GetValue(strategy) ?? "mec-ilp", args, file.Name);
                return Cli.Ok;
            }
            var view = StaticInstanceYaml.Read(file.FullName);
            if (list is not null) Compare(output, registry, view, Names(list), seconds);
            else Single(output, registry, view, result.GetValue(strategy) ?? "pl-dp", args, file.Name);
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>--compare a,b,c: every name given once, none empty.</summary>
    private static string[] Names(string list)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0)) throw new FormatException($"--compare takes strategy names separated by commas, with none empty: '{list}'.");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) throw new FormatException($"--compare names a strategy twice: '{list}'.");
        return names;
    }

    /// <summary>The window an experiment draws at (point, replication) when its cells plan one: what its runs plan.</summary>
    private static Edge.Network.NetworkInstance Window(string experiment, int point, int replication)
    {
        var spec = ExperimentReader.Read(experiment);
        if (point < 0 || point >= spec.Points.Count) throw new FormatException($"--point must be from 0 to {spec.Points.Count - 1}, not {point}.");
        if (replication < 0) throw new FormatException($"--replication must be at least 0, not {replication}.");
        if (spec.Points[point].Scenario is not IWindowScenario scenario)
            throw new FormatException($"--export writes a network window; {experiment} is a {spec.Kind.Name} experiment, whose cells plan no window.");
        return scenario.Draw(Runner.Streams(spec, point, replication));
    }

    private static Dictionary<string, string> Arguments(string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(
            kv => kv.Length == 2 ? kv[0].Trim() : throw new FormatException($"--param takes name=value, not '{kv[0]}'."),
            kv => kv[1].Trim(), StringComparer.Ordinal);

    /// <summary>The strategy's plan of the round, on the site it needs: the instance's, with the settings the strategy declares (no-sharing: sharing off).</summary>
    private static (Plan Plan, PlanEvaluation Evaluation, double Seconds) Plan(StrategyRegistry registry, SiteView view, string name, IReadOnlyDictionary<string, string> args)
    {
        var setup = registry.Create(name, args, new Random(1));
        if (registry.MaxQueued(name) is { } most && view.Queue.Count > most)
            throw new StrategyException($"'{name}' plans at most {most} queued requests at once, and this round has {view.Queue.Count} users: plan larger rounds with cpsat or pl-dp.");
        var (plan, evaluation, seconds, _) = StrategyFailed.Planning(name, () => StaticRun.Solve(setup, view));
        return (plan, evaluation, seconds);
    }

    private static void Single(TextWriter output, StrategyRegistry registry, SiteView view, string name, IReadOnlyDictionary<string, string> args, string instanceName)
    {
        var (plan, evaluation, _) = Plan(registry, view, name, args);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("instance", instanceName);
            json.WriteString("strategy", name);
            var site = registry.Site(name);
            if (site.Count > 0)
            {
                // The site settings the strategy needs, which this run applied to the instance's site.
                json.WriteStartObject("site_settings");
                foreach (var (key, value) in site) json.WriteString(key, value);
                json.WriteEndObject();
            }
            json.WriteNumber("value", evaluation.Served);
            json.WriteBoolean("feasible", evaluation.Feasible);
            if (evaluation.Late.Count > 0)
            {
                json.WriteStartArray("late");
                foreach (var id in evaluation.Late) json.WriteNumberValue(id);
                json.WriteEndArray();
            }
            json.WriteStartArray("batches");
            for (int n = 0; n < plan.Batches.Count; n++)
            {
                var b = plan.Batches[n];
                var t = evaluation.Timings[n];
                json.WriteStartObject();
                json.WriteString("model", b.ModelId);
                json.WriteStartArray("users");
                foreach (var id in b.RequestIds) json.WriteNumberValue(id);
                json.WriteEndArray();
                json.WriteNumber("start", t.Start);
                json.WriteNumber("upload_end", t.UploadEnd);
                json.WriteNumber("load_end", t.LoadEnd);
                json.WriteNumber("completion", t.Completion);
                json.WriteStartObject("bandwidth_hz");
                foreach (var (id, hz) in t.ShareHz) json.WriteNumber(id.ToString(CultureInfo.InvariantCulture), hz);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Compare(TextWriter output, StrategyRegistry registry, SiteView view, string[] names, double timeLimit)
    {
        var rows = names.Select(n => (Name: n, Result: Plan(registry, view, n, new Dictionary<string, string>()))).ToArray();
        double bound;
        string reference;
        try
        {
            var cp = CpSatScheduler.Solve(new StaticProblem(view), timeLimit);
            bound = Math.Max(cp.Bound, rows.Max(r => r.Result.Evaluation.Served));
            reference = cp.Optimal ? $"the optimum {cp.Value}, proven by CP-SAT" : $"CP-SAT's bound {cp.Bound} (not proven optimal within {timeLimit} s)";
        }
        catch (StrategyException ex)
        {
            bound = rows.Max(r => r.Result.Evaluation.Served);
            reference = $"the best value found ({ex.Message})";
        }
        output.WriteLine($"{"strategy",-22} {"value",6} {"gap",8} {"wall ms",10}");
        foreach (var (name, r) in rows)
        {
            double gap = bound > 0 ? (bound - r.Evaluation.Served) / bound : 0;
            output.WriteLine(FormattableString.Invariant($"{name,-22} {r.Evaluation.Served,6} {gap,8:P1} {r.Seconds * 1000,10:F1}"));
        }
        output.WriteLine($"gaps are to {reference}.");
    }
}

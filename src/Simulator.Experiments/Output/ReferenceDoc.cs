using System.Text;

namespace Simulator.Experiments;

/// <summary>
/// docs/reference.md, generated from the declarations (as ns-3 generates its attribute documentation): the scenario
/// kinds, every key of an experiment file and of each kind's scenario section with its type, unit, default and help,
/// and every metric and level over time of each kind with its unit, direction and definition. <c>simulator list reference</c> prints it;
/// a test fails when the file in the repository is not what this gives.
/// </summary>
public static class ReferenceDoc
{
    public static string Markdown(ScenarioKinds kinds)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Reference");
        sb.AppendLine();
        sb.AppendLine("Generated from the declarations in the source by `simulator list reference > docs/reference.md`; a test fails when this file is stale.");
        sb.AppendLine("Every key is checked when a file is read (`validate`); an unknown key is an error with a suggestion (and, for a key written");
        sb.AppendLine("in the wrong section, the paths where it is declared), and a key given but never used by the configuration (a `rice_k`");
        sb.AppendLine("without Rician fading) is refused too. Values with a unit need it (`20 MHz`, not `20`).");
        sb.AppendLine();
        sb.AppendLine("## Scenario kinds");
        sb.AppendLine();
        sb.AppendLine("| kind | what it simulates | time | strategies | plots | primary metric | an outside policy's decision (`{external: ...}`, `serve`) |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var k in kinds.All)
        {
            var slots = k.Strategies;
            string Of(IEnumerable<Strategies.StrategyKind> set) => string.Join(" or ", set.Order().Select(x => x.ToString().ToLowerInvariant()));
            string strategies = slots.Pairs ? $"{{select: {Of(slots.Select)}, schedule: {Of(slots.Schedule!)}}}" : Of(slots.Select);
            sb.AppendLine($"| `{k.Name}`{(k == kinds.Default ? " (default)" : "")} | {Cell(k.Description)} | {k.Time} | {strategies} | {string.Join(", ", k.Plots.Select(p => p.Name))} | `{k.Metrics.Primary.Name}` ({(k.Metrics.Primary.Better == Better.Higher ? "higher" : "lower")} is better) | {Cell(k.Decision ?? "none")} |");
        }
        sb.AppendLine();
        sb.AppendLine("## Keys");
        sb.AppendLine();
        sb.AppendLine("Each section once, with where it appears. A default that depends on another value says which; \"required\" keys must be given where they apply.");
        var roots = new List<(SectionSchema, string)> { (ExperimentKeys.Top, "") };
        roots.AddRange(kinds.All.Select(k => (k.Section, "scenario")));
        foreach (var (section, paths) in SchemaWalk.Sections(roots))
        {
            sb.AppendLine();
            sb.AppendLine($"### {section.Title}");
            sb.AppendLine();
            sb.AppendLine($"{section.Help}{(paths.Count > 0 && paths.Any(p => p.Length > 0) ? $" At: {string.Join(", ", paths.Where(p => p.Length > 0).Select(p => $"`{p}`"))}." : "")}");
            sb.AppendLine();
            sb.AppendLine("| key | type | unit | default | description |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var key in section.Keys)
            {
                string help = key.Help;
                if (key is IChoiceKey choice) help += " " + string.Join(" ", choice.Described.Select(c => $"`{c.Name}`: {c.Help}"));
                if (key.Forms.Count > 0) help += $" (see {string.Join("; ", key.Forms.Select(f => f.Title))})";
                sb.AppendLine($"| `{key.Name}` | {Cell(key.Type)} | {key.Unit} | {Cell(key.Default.Length > 0 ? key.Default : "empty")} | {Cell(help)} |");
            }
        }
        sb.AppendLine();
        sb.AppendLine("## Metrics");
        sb.AppendLine();
        sb.AppendLine("The columns of runs.csv, per scenario kind, in order. Units are those of the files (runs.csv, summary.csv, the Parquet");
        sb.AppendLine("metadata); tables and plots show them in a unit chosen from the values (ms or s, kB to GB, per cent for a fraction).");
        sb.AppendLine("A metric marked \"bound\" holds a relaxation's bound rather than an executed plan's value for such a strategy (`mec-lp`).");
        foreach (var k in kinds.All)
        {
            sb.AppendLine();
            sb.AppendLine($"### {k.Name}");
            sb.AppendLine();
            sb.AppendLine("| metric | unit | better | definition |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var m in k.Metrics.Metrics)
                sb.AppendLine($"| `{m.Name}` | {m.Unit.Symbol} | {(m.Better switch { Better.Higher => "higher", Better.Lower => "lower", _ => "" })}{(m.Bound ? ", bound" : "")} | {Cell(m.Definition)} |");
            if (k.TimeSeries is not { } series) continue;
            sb.AppendLine();
            sb.AppendLine($"Levels over simulated time, which a `timeseries` plot shows (`y`; `{series.Levels[0].Name}` when none is given), as means per window of a traced run:");
            sb.AppendLine();
            sb.AppendLine("| level | unit | definition |");
            sb.AppendLine("|---|---|---|");
            foreach (var l in series.Levels)
                sb.AppendLine($"| `{l.Name}` | {l.Unit.Symbol} | {Cell(l.Definition)} |");
        }
        sb.AppendLine();
        sb.AppendLine($"Every kind also reports `{Metric.DecisionTime.Name}` in timing.csv (and plots): {Metric.DecisionTime.Definition}");
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

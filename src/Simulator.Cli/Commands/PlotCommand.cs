using System.CommandLine;
using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>
/// <c>plot &lt;dir&gt;</c>: draws a results folder's figures and report again from its runs, without running anything;
/// with <c>--plots FILE</c>, the plots: section of FILE (a file of plots: alone, or the experiment with its figures
/// changed: everything else must resolve to the folder's configuration). The folder's figures are replaced: none of the earlier ones is left.
/// </summary>
internal static class PlotCommand
{
    public static Command Create(TextWriter output)
    {
        var dir = new Argument<string>("dir") { Description = "A results folder (from run or merge)." };
        var plots = new Option<FileInfo?>("--plots") { Description = "Take the plots: section from this file: one that holds plots: alone, or an experiment file whose configuration is the folder's." };
        var command = new Command("plot", "Redraw a results folder's figures and report from its runs (with --plots, another plots: section).") { dir, plots };
        command.SetAction(result =>
        {
            var store = RunStore.Load(result.GetValue(dir)!);
            var spec = store.Spec;
            if (result.GetValue(plots) is { } file)
            {
                // A file of plots: alone is drawn with the folder's experiment; an experiment file must resolve to it.
                var doc = YamlDoc.Load(file.FullName);
                var keys = doc.Keys.ToArray();
                if (keys.Contains(ExperimentKeys.Plots.Name) && keys.Length > 1 && !keys.Contains(ExperimentKeys.Name.Name))
                    throw doc.Error($"--plots takes a file that holds plots: alone, or a whole experiment; this one gives {string.Join(", ", keys[..^1])} and {keys[^1]} but no name.");
                var other = FileKinds.Recognize(doc) == FileKind.Plots
                    ? ExperimentReader.WithPlotsOf(spec.Source!, doc)
                    : ExperimentReader.Read(file.FullName, spec.Source!.Sets);
                if (other.Hash != spec.Hash)
                    throw new ConfigException(file.FullName, 1, "", $"this file resolves to another configuration (sha256 {other.Hash[..12]}...) than the folder's ({spec.Hash[..12]}...): plot redraws a folder's runs, so only its plots: may differ.");
                spec = spec with { Plots = other.Plots };
            }
            var missing = FinishedGrid.Missing(spec, store.Done);
            if (missing.Count > 0)
                throw new ConfigException(Path.Combine(store.Directory, "cells.csv"), 1, "", $"the folder holds {store.Done.Count} cells and lacks {missing.Count}, the first {RunStore.Describe(spec, missing[0])}: figures and the report are drawn from a whole grid. Finish the run (run it again into this folder), or merge the slices of a sharded run and plot the merged folder.");
            var records = store.Done.OrderBy(r => r.Cell.Point).ThenBy(r => r.Cell.Strategy).ThenBy(r => r.Cell.Replication).ToArray();
            var written = Plots.WriteAll(spec, records, store.Directory);
            File.WriteAllText(Path.Combine(store.Directory, "report.md"), Report.Markdown(spec, records, written, builds: store.Builds));
            output.WriteLine($"{written.Count} plot(s) and report.md written in {store.Directory}");
            return Cli.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Simulator.Edge;
using Simulator.Experiments;
using Simulator.Strategies;

namespace Simulator.Cli;

/// <summary>
/// <c>catalog &lt;file&gt;</c>: prints a catalog (a catalog file, a generator description as an experiment's
/// <c>scenario.catalog</c> takes it, or the catalog an experiment's cells serve from) with each model's size, the
/// most it shares with another model, and the sharing structure; <c>--write</c> writes it block by block as YAML.
/// </summary>
public static class CatalogCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "A catalog, a generator description (generate: backbone-sharing | general | lora), or an experiment (the catalog of each sweep point)." };
        var write = new Option<FileInfo?>("--write") { Description = "Also write the catalog, block by block, to this YAML file." };
        var command = new Command("catalog", "Print a catalog's models, sizes and sharing structure, or write it out.") { file, write };
        command.SetAction(result =>
        {
            var info = result.GetValue(file)!;
            if (!info.Exists) throw new FileNotFoundException($"{info.FullName}: no such catalog file.");
            var doc = YamlDoc.Load(info.FullName);
            IReadOnlyList<ExperimentCatalogs.Used>? used = null;
            Catalog catalog;
            if (FileKinds.Expect(doc, FileKind.Catalog, FileKind.Experiment) == FileKind.Experiment)
            {
                used = ExperimentCatalogs.Of(ExperimentReader.Read(info.FullName));
                if (used.Count > 1 && result.GetValue(write) is not null)
                    throw new FormatException($"--write writes one catalog; the points of {info.Name} use {used.Count} (the sweep changes it).");
                catalog = used[0].Catalog;
            }
            else catalog = FileCheck.ReadCatalog(doc, info.DirectoryName!);
            string? written = result.GetValue(write) is { } target ? NewFile.At(target, "--write") : null;
            if (used is null) Print(output, catalog);
            else Print(output, used);
            if (written is not null)
            {
                File.WriteAllText(written, CatalogYaml.Write(catalog));
                output.WriteLine($"written to {written}");
            }
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>Each catalog an experiment's points use, with the points that use it and whether it is drawn by replication.</summary>
    private static void Print(TextWriter output, IReadOnlyList<ExperimentCatalogs.Used> used)
    {
        foreach (var u in used)
        {
            if (used.Count > 1) output.WriteLine($"{(u.Points.Count == 1 ? "point" : "points")} {string.Join(", ", u.Points.Select(p => p.Index))} ({u.Where}):");
            if (u.Drawn) output.WriteLine($"drawn anew for each point and replication (the same for every strategy of one); point {u.Points[0].Index}, replication 0 draws:");
            Print(output, u.Catalog);
            if (used.Count > 1) output.WriteLine();
        }
    }

    private static void Print(TextWriter output, Catalog catalog)
    {
        var clusters = BackboneStructure.Find(catalog, out string? whyNot);
        output.WriteLine(whyNot is null
            ? $"{catalog.Models.Count} models, {catalog.Blocks.Count} blocks, {catalog.Blocks.Sum(b => b.Bytes):N0} bytes; backbone-sharing: {clusters.Count} cluster(s)"
            : $"{catalog.Models.Count} models, {catalog.Blocks.Count} blocks, {catalog.Blocks.Sum(b => b.Bytes):N0} bytes; general sharing ({whyNot})");
        output.WriteLine($"{"model",-28} {"blocks",6} {"bytes",16} {"most shared",16}  with");
        foreach (var m in catalog.Models)
        {
            var best = catalog.Models.Where(o => o != m).Select(o => (Other: o, Shared: catalog.SharedBytes(m, o))).DefaultIfEmpty().MaxBy(x => x.Shared);
            output.WriteLine($"{m.Id,-28} {m.BlockIds.Count,6} {catalog.Bytes(m),16:N0} {best.Shared,16:N0}  {(best.Shared > 0 ? best.Other!.Id : "-")}");
        }
    }
}

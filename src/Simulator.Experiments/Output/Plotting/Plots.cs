using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// The plots an experiment asks for, as PNG and SVG under plots/ (ScottPlot): each a <see cref="PlotKind"/> the
/// scenario kind offers, with a title, axis labels with units (the metrics' declarations), a legend right of the
/// data, and 95 % intervals; each title says how many replications it averages.
/// </summary>
public static class Plots
{
    /// <summary>Writes every plot; returns the files written (relative to <paramref name="directory"/>) for the report.</summary>
    public static IReadOnlyList<string> WriteAll(ExperimentSpec spec, IReadOnlyList<RunRecord> records, string directory)
    {
        var files = new List<string>();
        var context = new PlotContext(spec, records);
        Directory.CreateDirectory(Path.Combine(directory, "plots"));
        for (int i = 0; i < spec.Plots.Count; i++)
        {
            var (plot, name) = Draw(context, spec.Plots[i]);
            string stem = $"plots/{i:00}-{name}";
            plot.SavePng(Path.Combine(directory, stem + ".png"), 900, 560);
            plot.SaveSvg(Path.Combine(directory, stem + ".svg"), 900, 560);
            files.Add(stem + ".png");
        }
        return files;
    }

    /// <summary>One plot, drawn but not saved (tests read what it holds), and its file name.</summary>
    public static (Plot Plot, string Name) Draw(ExperimentSpec spec, IReadOnlyList<RunRecord> records, PlotSpec p) => Draw(new PlotContext(spec, records), p);

    private static (Plot Plot, string Name) Draw(PlotContext context, PlotSpec p)
    {
        var plot = new Plot();
        return (plot, p.Kind.Draw(plot, context, p));
    }
}

using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// The plots an experiment asks for, under plots/ (ScottPlot): each a <see cref="PlotKind"/> the scenario kind offers,
/// with its title (or the plot's own, saying what it averages and how its intervals are formed), size, formats
/// (PNG, SVG, PDF) and axes (linear or logarithmic); axis labels with units (the metrics' declarations), a legend
/// right of the data, one colour per strategy in every figure. Drawing them again replaces the folder's figures:
/// none is left from an earlier plots section.
/// </summary>
public static class Plots
{
    /// <summary>Writes every plot; returns the files written (relative to <paramref name="directory"/>) and their captions, for the report.</summary>
    public static IReadOnlyList<Figure> WriteAll(ExperimentSpec spec, IReadOnlyList<RunRecord> records, string directory)
    {
        var files = new List<Figure>();
        string folder = Path.Combine(directory, "plots");
        if (Directory.Exists(folder))
            foreach (var stale in Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f) is ".png" or ".svg" or ".pdf"))
                File.Delete(stale);
        Directory.CreateDirectory(folder);
        // Figures of one point share its traced runs (a CDF and two time series at the busiest rate): traced once.
        var traces = new TraceCache(spec, records);
        for (int i = 0; i < spec.Plots.Count; i++)
        {
            var p = spec.Plots[i];
            var (plot, name, caption) = Drawn(spec, records, p, traces);
            string stem = $"plots/{i:00}-{name}";
            foreach (var format in p.Formats)
            {
                string file = Path.Combine(directory, $"{stem}.{format}");
                switch (format)
                {
                    case "png": plot.SavePng(file, p.Width, p.Height); break;
                    case "svg": plot.SaveSvg(file, p.Width, p.Height); break;
                    default: SavePdf(plot, file, p.Width, p.Height); break;
                }
            }
            // The report shows the PNG, or the first format written.
            files.Add(new Figure($"{stem}.{(p.Formats.Contains("png") ? "png" : p.Formats[0])}", caption));
        }
        return files;
    }

    /// <summary>One plot, drawn but not saved (tests read what it holds), and its file name.</summary>
    public static (Plot Plot, string Name) Draw(ExperimentSpec spec, IReadOnlyList<RunRecord> records, PlotSpec p, TraceCache? traces = null)
    {
        var (plot, name, _) = Drawn(spec, records, p, traces);
        return (plot, name);
    }

    /// <summary>One plot drawn, its file name, and what the report says under it.</summary>
    public static (Plot Plot, string Name, string? Caption) Drawn(ExperimentSpec spec, IReadOnlyList<RunRecord> records, PlotSpec p, TraceCache? traces = null)
    {
        var plot = new Plot();
        var context = new PlotContext(spec, records, new PlotScale(p.LogX, p.LogY), traces);
        string name = p.Kind.Draw(plot, context, p);
        string? caption = p.Kind.Caption(context, p);
        context.Scale.Apply(plot);
        if (p.Title is { } title)
        {
            if (title.Length == 0) plot.Axes.Title.IsVisible = false;
            else plot.Title(PlotText.Wrap(title));
        }
        return (plot, name, caption);
    }

    /// <summary>A PDF page of the figure (SkiaSharp's PDF back end: vector text and lines).</summary>
    private static void SavePdf(Plot plot, string file, int width, int height)
    {
        using var stream = File.Create(file);
        using var document = SkiaSharp.SKDocument.CreatePdf(stream);
        var canvas = document.BeginPage(width, height);
        plot.Render(canvas, width, height);
        document.EndPage();
        document.Close();
    }
}

/// <summary>A figure as the report shows it: its file (relative to the results folder) and what is said under it, if anything.</summary>
public sealed record Figure(string File, string? Caption);

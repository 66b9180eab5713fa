namespace Simulator.Experiments;

/// <summary>
/// A file of <c>plots:</c> alone, which <c>plot &lt;dir&gt; --plots</c> draws with a results folder's experiment. Read
/// without an experiment, each figure is checked as far as that allows (a plot kind, the axes it takes, its y, its
/// looks), in every scenario kind that offers its plot; what only a sweep decides (x and at) waits for the folder.
/// </summary>
public static class PlotsFile
{
    /// <summary>How many figures the file declares, and the scenario kinds whose experiments draw every one of them.</summary>
    public sealed record Checked(int Figures, IReadOnlyList<ScenarioKind> Kinds);

    /// <summary>The file's figures, refused at the first one no kind draws (with that kind's reason), or when no one kind draws them all.</summary>
    public static Checked Read(YamlDoc doc, ScenarioKinds kinds)
    {
        var figures = doc.Mapping(ExperimentKeys.Plots.Name)[ExperimentKeys.Plots.Name].Sequence();
        var fitting = kinds.All.ToList();
        var drawnBy = new List<IReadOnlyList<ScenarioKind>>();
        foreach (var figure in figures)
        {
            var fits = Fitting(figure, kinds);
            drawnBy.Add(fits);
            fitting.RemoveAll(k => !fits.Contains(k));
        }
        if (figures.Count > 0 && fitting.Count == 0)
            throw doc.Error($"no one scenario kind draws all of these figures: {string.Join("; ", drawnBy.Select((fits, i) => $"figure {i + 1} is drawn by {string.Join(", ", fits.Select(k => k.Name))}"))}.");
        return new Checked(figures.Count, fitting);
    }

    /// <summary>The kinds that draw <paramref name="figure"/>; none refuses it with the first offering kind's reason.</summary>
    private static List<ScenarioKind> Fitting(YamlDoc figure, ScenarioKinds kinds)
    {
        string name = ExperimentReader.PlotName(figure, kinds);
        var fits = new List<ScenarioKind>();
        ConfigException? refusal = null;
        foreach (var kind in kinds.All.Where(k => k.Plots.Any(p => p.Name == name)))
        {
            try
            {
                var drawn = ExperimentReader.ReadFigure(figure, kind, kinds);
                drawn.Kind.CheckY(drawn.Y, kind, figure);
                fits.Add(kind);
            }
            catch (ConfigException ex)
            {
                refusal ??= ex;
            }
        }
        return fits.Count > 0 ? fits : throw refusal!;
    }
}

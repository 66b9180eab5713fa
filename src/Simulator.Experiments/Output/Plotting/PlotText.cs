using System.Globalization;

namespace Simulator.Experiments;

/// <summary>
/// The words a plot shows: a swept setting as words with the unit its values read best in (MHz, GB, ms), the
/// fixed values of the sweep as the file wrote them, how many replications a plot averages, and titles wrapped
/// to the figure's width instead of cut.
/// </summary>
internal static class PlotText
{
    /// <summary>The characters of a title line: ScottPlot centres the title over the data area, which the legend on the right narrows to about 500 px at 16 px bold.</summary>
    private const int TitleWidth = 52;

    /// <summary>A dotted path as words, as the tables' headers read it: "scenario." left out ("uplink bandwidth").</summary>
    public static string Words(string path) =>
        string.Join(' ', path.Split('.').Where(p => p != "scenario")).Replace('_', ' ');

    /// <summary>
    /// A swept setting's axis title and the conversion of its resolved SI values to the unit named, from the kind of
    /// quantity its key declares (none for a plain number: the title is its words alone).
    /// </summary>
    public static (string Label, Func<double, double> Convert) Axis(string path, UnitKind? kind, IEnumerable<double> values)
    {
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        string words = Words(path);
        // The largest step the values reach, or the smallest.
        (string Unit, double Scale) Scaled(params (string Unit, double Scale)[] steps) => steps.FirstOrDefault(s => largest >= s.Scale, steps[^1]);
        var bytes = MetricUnit.ByteScale(largest);
        (string Unit, double Scale)? shown = kind switch
        {
            UnitKind.PerSecond => ("requests/s", 1.0),
            UnitKind.Time => Scaled(("s", 1.0), ("ms", 1e-3)),
            UnitKind.Frequency => Scaled(("GHz", 1e9), ("MHz", 1e6), ("kHz", 1e3), ("Hz", 1.0)),
            UnitKind.Bytes => bytes,
            UnitKind.ByteRate => (bytes.Unit + "/s", bytes.Scale),
            UnitKind.Power => ("W", 1.0),
            UnitKind.PowerSpectralDensity => ("W/Hz", 1.0),
            UnitKind.Decibels => ("dB", 1.0),
            UnitKind.Length => Scaled(("km", 1e3), ("m", 1.0)),
            UnitKind.TimePerSize => ("s/GB", 1e-9),
            _ => null,
        };
        return shown is var (u, factor) ? ($"{words} ({u})", v => v / factor) : (words, v => v);
    }

    /// <summary>" at uplink bandwidth = 20 MHz" for each point named (joined by "and"); empty when nothing is swept.</summary>
    public static string At(ExperimentSpec spec, IEnumerable<SweepPoint> points) =>
        spec.Sweep.Count == 0 ? "" : " at " + string.Join(" and ", points.Select(pt => Values(spec.Sweep.Select(a => a.Path), pt)));

    /// <summary>Settings and their values as written ("uplink bandwidth = 20 MHz, arrivals rate = 10").</summary>
    public static string Values(IEnumerable<string> paths, SweepPoint point) =>
        string.Join(", ", paths.Select(path => $"{Words(path)} = {(point.Written.TryGetValue(path, out var w) ? w : point.Labels[path])}"));

    /// <summary>"10 replications", or "5 to 20 replications" when the adaptive plan stopped cells at different counts.</summary>
    public static string Replications(IEnumerable<RunRecord> records)
    {
        var counts = records.GroupBy(r => (r.Cell.Point, r.Cell.Strategy)).Select(g => g.Count()).DefaultIfEmpty(0).ToArray();
        int low = counts.Min(), high = counts.Max();
        string n = low == high ? low.ToString(CultureInfo.InvariantCulture) : $"{low} to {high}";
        return high == 1 ? "1 replication" : $"{n} replications";
    }

    /// <summary>A title broken at spaces into lines of at most <see cref="TitleWidth"/> characters.</summary>
    public static string Wrap(string title)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in title.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > TitleWidth)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }
}

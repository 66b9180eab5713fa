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

    /// <summary>A swept setting's axis title and the conversion of its resolved SI values to the unit named.</summary>
    public static (string Label, Func<double, double> Convert) Axis(string path, IEnumerable<double> values)
    {
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        string key = path.Split('.').Last(), words = Words(path);
        switch (key)
        {
            case "rate" or "rate_on" or "rate_off":
                return ($"{words} (requests/s)", v => v);
            case "deadline" or "coherence" or "horizon" or "warmup":
                return largest < 1 ? ($"{words} (ms)", v => v * 1e3) : ($"{words} (s)", v => v);
            case "bandwidth" or "carrier":
                var (unit, scale) = largest >= 1e9 ? ("GHz", 1e9) : largest >= 1e6 ? ("MHz", 1e6) : largest >= 1e3 ? ("kHz", 1e3) : ("Hz", 1.0);
                return ($"{words} ({unit})", v => v / scale);
            case "memory" or "capacity" or "activation" or "result_bytes":
                var (bytes, size) = MetricUnit.ByteScale(largest);
                return ($"{words} ({bytes})", v => v / size);
            case "tx_power":
                return ($"{words} (W)", v => v);
            case "shadowing":
                return ($"{words} (dB)", v => v);
            default:
                return (words, v => v);
        }
    }

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

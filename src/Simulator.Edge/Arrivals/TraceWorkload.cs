using System.Globalization;

namespace Simulator.Edge;

/// <summary>
/// Requests replayed from a CSV with the header <c>time,model,bytes,deadline</c>: arrival time (s),
/// model id, input bytes, and the relative deadline budget (s). Rows must be in time order.
/// </summary>
public sealed class TraceWorkload : IWorkload
{
    private readonly List<(double Time, string Model, double Bytes, double Budget)> rows = new();

    public TraceWorkload(string path) : this(path, File.ReadAllLines(path)) { }

    public TraceWorkload(string sourceName, IReadOnlyList<string> lines)
    {
        Source = sourceName;
        if (lines.Count == 0 || lines[0].Replace(" ", "", StringComparison.Ordinal) != "time,model,bytes,deadline")
            throw new FormatException($"{sourceName}:1: expected the header 'time,model,bytes,deadline'.");
        double last = double.NegativeInfinity;
        for (int i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var f = lines[i].Split(',');
            if (f.Length != 4) throw new FormatException($"{sourceName}:{i + 1}: expected 4 fields (time,model,bytes,deadline), found {f.Length}.");
            double time = Number(f[0], "time", i), bytes = Number(f[2], "bytes", i), budget = Number(f[3], "deadline", i);
            if (time < last) throw new FormatException($"{sourceName}:{i + 1}: time {time} is before the previous row's {last}; rows must be in time order.");
            if (bytes < 0 || budget < 0) throw new FormatException($"{sourceName}:{i + 1}: bytes and deadline must be non-negative.");
            last = time;
            rows.Add((time, f[1].Trim(), bytes, budget));
        }
    }

    public string Source { get; }

    public int Count => rows.Count;

    public IEnumerable<RequestDraft> Requests(Catalog catalog, RandomStreams streams)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            var (time, model, bytes, budget) = rows[i];
            if (!catalog.Contains(model)) throw new FormatException($"{Source}:{i + 2}: model '{model}' is not in the catalog.");
            yield return new RequestDraft(i, time, model, 8 * bytes, time + budget);
        }
    }

    private double Number(string text, string field, int line) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new FormatException($"{Source}:{line + 1}: {field} '{text.Trim()}' is not a number.");
}

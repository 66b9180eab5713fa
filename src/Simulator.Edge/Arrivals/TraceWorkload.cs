using System.Globalization;

namespace Simulator.Edge;

/// <summary>
/// Requests replayed from a CSV with the header <c>time,model,bytes,deadline</c>: arrival time (s),
/// model id, input bytes, and the relative deadline budget (s). Times are at least 0 and in order, sizes
/// at least 0, budgets above 0; <see cref="Check"/> finds a model the catalog lacks before any run.
/// </summary>
public sealed class TraceWorkload : IWorkload
{
    private readonly List<(double Time, string Model, double Bytes, double Budget, int Line)> rows = new();

    public TraceWorkload(string path) : this(path, TextFile.ReadLines(path)) { }

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
            if (time < 0) throw new FormatException($"{sourceName}:{i + 1}: time {time} is before 0; the trace starts at 0 s.");
            if (time < last) throw new FormatException($"{sourceName}:{i + 1}: time {time} is before the previous row's {last}; rows must be in time order.");
            if (bytes < 0) throw new FormatException($"{sourceName}:{i + 1}: bytes {bytes} is negative.");
            if (!(budget > 0)) throw new FormatException($"{sourceName}:{i + 1}: deadline {budget} s must be above 0 (it is the budget after arrival).");
            if (f[1].Trim().Length == 0) throw new FormatException($"{sourceName}:{i + 1}: the model is empty.");
            last = time;
            rows.Add((time, f[1].Trim(), bytes, budget, i + 1));
        }
    }

    public string Source { get; }

    public int Count => rows.Count;

    /// <summary>The first and last arrival times (s); NaN for a trace without requests.</summary>
    public double First => rows.Count > 0 ? rows[0].Time : double.NaN;

    public double Last => rows.Count > 0 ? rows[^1].Time : double.NaN;

    /// <summary>How many requests arrive in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int Arrivals(double from, double to) => rows.Count(r => r.Time >= from && r.Time < to);

    /// <summary>Refuses, with its line, the first row whose model <paramref name="catalog"/> does not have.</summary>
    public void Check(Catalog catalog)
    {
        foreach (var row in rows)
            if (!catalog.Contains(row.Model))
                throw new FormatException($"{Source}:{row.Line}: model '{row.Model}' is not in the catalog.{Spelling.Hint(row.Model, catalog.Models.Select(m => m.Id))}");
    }

    public IEnumerable<RequestDraft> Requests(Catalog catalog, RandomStreams streams)
    {
        Check(catalog);
        for (int i = 0; i < rows.Count; i++)
        {
            var (time, model, bytes, budget, _) = rows[i];
            yield return new RequestDraft(i, time, model, 8 * bytes, time + budget);
        }
    }

    private double Number(string text, string field, int line) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new FormatException($"{Source}:{line + 1}: {field} '{text.Trim()}' is not a number.");
}

namespace Simulator.Edge;

/// <summary>
/// Requests replayed from a CSV with the columns <c>time,model,bytes,deadline</c> (any order): arrival time (s),
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
        var table = CsvTable.Parse(lines, "the columns " + string.Join(", ", Columns), (line, problem) => new FormatException($"{sourceName}:{line}: {problem}"));
        table.AllowOnly(Columns, "a trace");
        int timeAt = table.Column("time"), modelAt = table.Column("model"), bytesAt = table.Column("bytes"), deadlineAt = table.Column("deadline");
        double last = double.NegativeInfinity;
        foreach (var row in table.Rows)
        {
            double time = row.Number(timeAt), bytes = row.Number(bytesAt), budget = row.Number(deadlineAt);
            string model = row[modelAt];
            if (time < 0) throw new FormatException($"{sourceName}:{row.Line}: time {time} is before 0; the trace starts at 0 s.");
            if (time < last) throw new FormatException($"{sourceName}:{row.Line}: time {time} is before the previous row's {last}; rows must be in time order.");
            if (bytes < 0) throw new FormatException($"{sourceName}:{row.Line}: bytes {bytes} is negative.");
            if (!(budget > 0)) throw new FormatException($"{sourceName}:{row.Line}: deadline {budget} s must be above 0 (it is the budget after arrival).");
            if (model.Length == 0) throw new FormatException($"{sourceName}:{row.Line}: the model is empty.");
            last = time;
            rows.Add((time, model, bytes, budget, row.Line));
        }
    }

    /// <summary>The columns a trace has, in any order: arrival time (s), model id, input bytes, deadline budget after arrival (s).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["time", "model", "bytes", "deadline"];

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
}

using System.Globalization;
using System.Text;

namespace Simulator.Edge;

/// <summary>
/// A CSV input as a header and rows, read as pandas, R and spreadsheets write it (RFC 4180): fields separated by
/// commas, a field in double quotes may hold commas and doubled quotes, spaces around a field are not part of it,
/// blank lines are skipped. Columns are found by name, in any order and any case, so the same table saved by
/// another tool reads the same. Every refusal goes through the caller's <c>error(line, problem)</c>, so it names
/// the file and line the way that caller's other refusals do. A quoted field that runs past its line is refused:
/// no input here holds a line break in a field.
/// </summary>
public sealed class CsvTable
{
    private readonly Func<int, string, Exception> error;
    private readonly string[] header;
    private readonly IReadOnlyList<string> lines;

    private CsvTable(string[] header, IReadOnlyList<string> lines, Func<int, string, Exception> error)
    {
        this.header = header;
        this.lines = lines;
        this.error = error;
    }

    /// <summary>The column names as the header gives them.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>
    /// The rows that are not blank, each with its line in the file, read as they are enumerated (a trace of millions of
    /// rows is not held twice); a row whose fields are not as many as the header's columns is refused when reached.
    /// </summary>
    public IEnumerable<CsvRow> Rows
    {
        get
        {
            for (int i = 1; i < lines.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i])) continue;
                var fields = Fields(lines[i], i + 1, error);
                if (fields.Length != header.Length)
                    throw error(i + 1, $"expected {header.Length} fields ({string.Join(", ", header)}), as the header has, found {fields.Length}.");
                yield return new CsvRow(this, i + 1, fields);
            }
        }
    }

    /// <summary>
    /// Reads the header of <paramref name="lines"/>, refusing an empty file (saying it expected
    /// <paramref name="expectedHeader"/>) and a header column with no name or named twice.
    /// </summary>
    public static CsvTable Parse(IReadOnlyList<string> lines, string expectedHeader, Func<int, string, Exception> error)
    {
        if (lines.Count == 0 || string.IsNullOrWhiteSpace(lines[0])) throw error(1, $"expected a header with {expectedHeader}, found an empty file.");
        string[] header = Fields(lines[0], 1, error);
        if (header.Length == 1 && header[0].IndexOfAny([';', '\t']) is var at and >= 0)
            throw error(1, $"the header's fields are separated by '{(header[0][at] == ';' ? ";" : "a tab")}': a CSV here separates them by commas, and writes decimals with a point (save it as comma-separated).");
        for (int c = 0; c < header.Length; c++)
        {
            if (header[c].Length == 0)
                throw error(1, c == 0
                    ? "the header's first column has no name (R's write.csv writes its row names there: give it row.names = FALSE)."
                    : $"the header's column {c + 1} has no name.");
            int first = Array.FindIndex(header, h => string.Equals(h, header[c], StringComparison.OrdinalIgnoreCase));
            if (first < c) throw error(1, $"the header names the column '{header[c]}' twice (columns {first + 1} and {c + 1}).");
        }
        return new CsvTable(header, lines, error);
    }

    /// <summary>The index of the column named <paramref name="name"/> (any case), refused at the header when there is none.</summary>
    public int Column(string name) =>
        IndexOf(name) is var i and >= 0 ? i : throw error(1, $"no '{name}' column; the header has {string.Join(", ", Header)}.");

    /// <summary>Refuses a column that is not one of <paramref name="names"/>, which <paramref name="what"/> (such as "a trace") has, so that none is dropped unread.</summary>
    public void AllowOnly(IReadOnlyList<string> names, string what)
    {
        foreach (string h in Header)
            if (!names.Contains(h, StringComparer.OrdinalIgnoreCase))
                throw error(1, $"'{h}' is not a column {what} has: it has {string.Join(", ", names)}.{Spelling.Hint(h, names)}");
    }

    private int IndexOf(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    internal Exception Error(int line, string problem) => error(line, problem);

    /// <summary>The fields of one line: unquoted ones trimmed, quoted ones as the quotes hold them with <c>""</c> read as one quote.</summary>
    private static string[] Fields(string line, int number, Func<int, string, Exception> error)
    {
        if (!line.Contains('"'))
        {
            var plain = line.Split(',');
            for (int f = 0; f < plain.Length; f++) plain[f] = plain[f].Trim();
            return plain;
        }
        var fields = new List<string>();
        int i = 0;
        while (true)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (i < line.Length && line[i] == '"')
            {
                var field = new StringBuilder();
                int opened = i++, closed;
                while (true)
                {
                    if (i >= line.Length)
                        throw error(number, string.Create(CultureInfo.InvariantCulture, $"the quote opened at column {opened + 1} is not closed on its line (a field cannot hold a line break here)."));
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        closed = ++i;
                        break;
                    }
                    field.Append(line[i++]);
                }
                while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
                if (i < line.Length && line[i] != ',')
                    throw error(number, string.Create(CultureInfo.InvariantCulture, $"text after the quote that closes the field at column {closed}: a quoted field ends at its quote (write a quote inside it as \"\")."));
                fields.Add(field.ToString());
            }
            else
            {
                int end = line.IndexOf(',', i);
                if (end < 0) end = line.Length;
                string field = line[i..end].Trim();
                if (field.Contains('"'))
                    throw error(number, $"a quote inside the unquoted field '{field}': quote the whole field, and write a quote inside it as \"\".");
                fields.Add(field);
                i = end;
            }
            if (i >= line.Length) return fields.ToArray();
            i++;
        }
    }
}

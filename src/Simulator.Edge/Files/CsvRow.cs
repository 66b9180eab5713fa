using System.Globalization;

namespace Simulator.Edge;

/// <summary>One row of a <see cref="CsvTable"/>: its line in the file and its fields.</summary>
public sealed class CsvRow
{
    private readonly CsvTable table;
    private readonly string[] fields;

    internal CsvRow(CsvTable table, int line, string[] fields)
    {
        this.table = table;
        Line = line;
        this.fields = fields;
    }

    /// <summary>The row's line in the file, from 1.</summary>
    public int Line { get; }

    public string this[int column] => fields[column];

    /// <summary>The field as a finite number (invariant culture, so <c>0.5</c> and <c>2e5</c>), refused at this line naming the column otherwise.</summary>
    public double Number(int column) =>
        double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw table.Error(Line, $"{table.Header[column]} '{fields[column]}' is not a number.");
}

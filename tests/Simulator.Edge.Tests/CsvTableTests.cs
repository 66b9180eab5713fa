using CsCheck;

namespace Simulator.Edge.Tests;

public class CsvTableTests
{
    private static CsvTable Parse(params string[] lines) =>
        CsvTable.Parse(lines, "the columns a, b", (line, problem) => new FormatException($"f.csv:{line}: {problem}"));

    private static string Refusal(params string[] lines) => Assert.Throws<FormatException>(() => Parse(lines).Rows.ToArray()).Message;

    /// <summary>How RFC 4180 writes a field (as Python's csv module and R do): quoted when it holds a comma or a quote, and here also when empty or with outer spaces, which an unquoted field loses.</summary>
    private static string Written(string field) =>
        field.Contains(',') || field.Contains('"') || field.Trim() != field || field.Length == 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    [Fact]
    public void Any_table_written_the_standard_way_reads_back_field_for_field()
    {
        var field = Gen.Char[" ,\"ab1.;\t"].Array[0, 6].Select(c => new string(c));
        Gen.Int[1, 4].SelectMany(columns => field.Array[columns].Array[0, 5].Select(rows => (columns, rows))).Sample(t =>
        {
            var (columns, rows) = t;
            string[] header = Enumerable.Range(0, columns).Select(c => $"c{c}").ToArray();
            var lines = new[] { string.Join(",", header) }.Concat(rows.Select(r => string.Join(",", r.Select(Written)))).ToArray();
            var table = Parse(lines);
            Assert.Equal(header, table.Header);
            var read = table.Rows.ToArray();
            Assert.Equal(rows.Length, read.Length);
            for (int r = 0; r < rows.Length; r++)
            {
                Assert.Equal(r + 2, read[r].Line);
                for (int c = 0; c < columns; c++) Assert.Equal(rows[r][c], read[r][c]);
            }
        });
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_case_and_rows_keep_their_lines()
    {
        var table = Parse("\"B\" , a", "", " \"x, \"\"y\"\"\" , 2.5 ", "3,4e1");
        Assert.Equal(0, table.Column("b"));
        Assert.Equal(1, table.Column("A"));
        var rows = table.Rows.ToArray();
        Assert.Equal(new[] { 3, 4 }, rows.Select(r => r.Line));
        Assert.Equal("x, \"y\"", rows[0][0]);
        Assert.Equal(2.5, rows[0].Number(1));
        Assert.Equal(40, rows[1].Number(1));
    }

    [Theory]
    [InlineData(new string[0], "f.csv:1: expected a header with the columns a, b, found an empty file.")]
    [InlineData(new[] { "\"\",a,b" }, "f.csv:1: the header's first column has no name (R's write.csv writes its row names there: give it row.names = FALSE).")]
    [InlineData(new[] { "a,,b" }, "f.csv:1: the header's column 2 has no name.")]
    [InlineData(new[] { "a,b,A" }, "f.csv:1: the header names the column 'A' twice (columns 1 and 3).")]
    [InlineData(new[] { "a;b", "1;2" }, "f.csv:1: the header's fields are separated by ';': a CSV here separates them by commas")]
    [InlineData(new[] { "a\tb" }, "f.csv:1: the header's fields are separated by 'a tab'")]
    [InlineData(new[] { "a,b", "1,\"2" }, "f.csv:2: the quote opened at column 3 is not closed on its line")]
    [InlineData(new[] { "a,b", "\"1\"x,2" }, "f.csv:2: text after the quote that closes the field at column 3: a quoted field ends at its quote")]
    [InlineData(new[] { "a,b", "1,2\"" }, "f.csv:2: a quote inside the unquoted field '2\"'")]
    [InlineData(new[] { "a,b", "1,2", "1,2,3" }, "f.csv:3: expected 2 fields (a, b), as the header has, found 3.")]
    public void A_malformed_table_is_refused_at_its_line(string[] lines, string message)
    {
        Assert.StartsWith(message, Refusal(lines));
    }

    [Fact]
    public void Missing_and_foreign_columns_and_non_numbers_are_named()
    {
        var table = Parse("a,bee", "1,x");
        Assert.Equal("f.csv:1: no 'c' column; the header has a, bee.", Assert.Throws<FormatException>(() => table.Column("c")).Message);
        Assert.Equal("f.csv:1: 'bee' is not a column a test table has: it has a, b. Did you mean 'b'?", Assert.Throws<FormatException>(() => table.AllowOnly(["a", "b"], "a test table")).Message);
        Assert.Equal("f.csv:2: bee 'x' is not a number.", Assert.Throws<FormatException>(() => table.Rows.First().Number(1)).Message);
        Assert.Equal("f.csv:2: a 'NaN' is not a number.", Assert.Throws<FormatException>(() => Parse("a", "NaN").Rows.First().Number(0)).Message);
        table.AllowOnly(["A", "BEE", "c"], "a test table");
    }
}

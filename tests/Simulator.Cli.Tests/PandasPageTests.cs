using System.Text;
using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests;

/// <summary>
/// docs/pandas.md, read against real results: its table of files names each file's columns as the simulator writes
/// them, and its Python blocks run as written, in order, in Debian's pandas, on a shortened quickstart (the run-id
/// placeholder filled in). The Parquet block runs only where pyarrow is installed, which the page says it needs.
/// </summary>
public sealed class PandasPageTests
{
    private static readonly string Root = Simulator.Testing.RepositoryRoot.Find();
    private static readonly string[] Short = { "-r", "2", "--set", "horizon=60 s", "--set", "plots=null", "-q" };

    [Fact]
    public void The_table_names_each_files_columns_as_they_are_written()
    {
        string home = Path.Combine(Path.GetTempPath(), $"pandas-{Guid.NewGuid():N}");
        try
        {
            string run = Quickstart(home);
            var rows = Regex.Matches(File.ReadAllText(Path.Combine(Root, "docs", "pandas.md")), @"^\| `(\w+)\.csv`[^|]*\| [^|]+ \| (.+) \|$", RegexOptions.Multiline);
            Assert.Equal(new[] { "runs", "summary", "paired", "columns", "timing" }, rows.Select(m => m.Groups[1].Value));
            foreach (Match row in rows)
            {
                string file = row.Groups[1].Value + ".csv";
                var header = File.ReadLines(Path.Combine(run, file)).First().Split(',');
                // What the page names, leaving out its asides in parentheses (a unit's symbols, the kind of interval).
                var named = Regex.Matches(Regex.Replace(row.Groups[2].Value, @"\([^)]*\)", ""), "`([a-z0-9_]+)`").Select(m => m.Groups[1].Value).ToArray();
                if (file == "columns.csv")
                {
                    Assert.Equal(named, header);
                    continue;
                }
                // The point and the swept settings come first; runs.csv goes on with every metric after the columns named.
                Assert.Equal(new[] { "point", "scenario.arrivals.rate" }, header[..2]);
                Assert.Equal(named, file == "runs.csv" ? header[2..(2 + named.Length)] : header[2..]);
            }
        }
        finally
        {
            if (Directory.Exists(home)) Directory.Delete(home, true);
        }
    }

    [SkippableFact]
    public void Every_python_block_runs_as_written_on_real_results()
    {
        string python = Simulator.Testing.Python.Ready("pandas", "python3-pandas");
        bool parquet = Simulator.Testing.Python.Run(python, "-c \"import pyarrow\"", Root, out _) == 0;

        string home = Path.Combine(Path.GetTempPath(), $"pandas-{Guid.NewGuid():N}");
        try
        {
            string run = Quickstart(home);
            foreach (var (args, name) in new[] { (Array.Empty<string>(), "quickstart-a"), (new[] { "--seed", "7" }, "quickstart-b") })
            {
                var (code, _, error) = CliHarness.Run(new[] { "run", "--out", Path.Combine(home, "results", name) }.Concat(args).Concat(Short).ToArray());
                Assert.True(code == 0, error);
            }
            var script = new StringBuilder();
            int blocks = 0;
            foreach (var block in PythonBlocks(File.ReadAllText(Path.Combine(Root, "docs", "pandas.md"))))
            {
                blocks++;
                if (block.Contains("import pyarrow", StringComparison.Ordinal) && !parquet) continue;
                script.AppendLine(block.Replace("results/quickstart/<run-id>/", Path.GetRelativePath(home, run).Replace('\\', '/') + "/", StringComparison.Ordinal));
            }
            Assert.Equal(6, blocks);
            Assert.DoesNotContain("<run-id>", script.ToString(), StringComparison.Ordinal);
            string file = Path.Combine(home, "page.py");
            File.WriteAllText(file, script.ToString());
            int exit = Simulator.Testing.Python.Run(python, $"\"{file}\"", home, out string output);
            Assert.True(exit == 0, output);
            // The first block says what it prints.
            Assert.Equal("s higher", output.Split('\n')[0].Trim());
        }
        finally
        {
            if (Directory.Exists(home)) Directory.Delete(home, true);
        }
    }

    /// <summary>A shortened quickstart written to home/results/quickstart/test-run, as a user's run would be.</summary>
    private static string Quickstart(string home)
    {
        string run = Path.Combine(home, "results", "quickstart", "test-run");
        var (code, _, error) = CliHarness.Run(new[] { "run", "--out", run }.Concat(Short).ToArray());
        Assert.True(code == 0, error);
        return run;
    }

    private static IEnumerable<string> PythonBlocks(string markdown) =>
        Regex.Matches(markdown, @"^```python\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline).Select(m => m.Groups[1].Value);
}

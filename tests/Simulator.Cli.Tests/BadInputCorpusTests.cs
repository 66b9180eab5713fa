using System.Text;
using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests;

/// <summary>
/// The corpus of bad inputs: every row of Corpus/cases.txt is a command line that must fail as
/// a researcher needs it to, with the exit code, the file and line the message names, and its gist; no
/// stack trace or exception name ever reaches the user, and a refused run writes nothing into --out.
/// </summary>
public partial class BadInputCorpusTests
{
    private static readonly string Repo = RepositoryRoot.Find();
    private static readonly string Corpus = Path.Combine(Repo, "tests", "Simulator.Cli.Tests", "Corpus");

    /// <summary>The rows of cases.txt: exit | file (a suffix of the path named, or -) | line (or -) | gist | arguments.</summary>
    public static TheoryData<string> Cases() => new(Rows());

    private static IEnumerable<string> Rows() =>
        File.ReadLines(Path.Combine(Corpus, "cases.txt")).Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));

    [Fact]
    public void The_corpus_holds_at_least_150_cases_of_every_kind_of_input()
    {
        var rows = Rows().ToArray();
        Assert.True(rows.Length >= 150, $"{rows.Length} cases");
        foreach (var folder in new[] { "experiments", "catalogs", "instances", "traces", "coordinates" })
        {
            var files = Directory.GetFiles(Path.Combine(Corpus, folder));
            Assert.NotEmpty(files);
            // Every file of the corpus is used by some case.
            foreach (var file in files)
                Assert.Contains(rows, r => r.Contains($"{{corpus}}/{folder}/{Path.GetFileName(file)}", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_input_fails_with_its_exit_code_file_line_and_gist(string row)
    {
        var fields = row.Split('|', 5);
        Assert.True(fields.Length == 5, $"a case is exit | file | line | gist | arguments: {row}");
        int exit = int.Parse(fields[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        string file = fields[1].Trim(), line = fields[2].Trim(), gist = fields[3].Trim();
        string outDir = Path.Combine(Path.GetTempPath(), "corpus-" + Guid.NewGuid().ToString("N"));
        var args = Split(fields[4].Trim().Replace("{corpus}", Corpus, StringComparison.Ordinal).Replace("{repo}", Repo, StringComparison.Ordinal).Replace("{out}", outDir, StringComparison.Ordinal).Replace("{home}", Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), StringComparison.Ordinal));
        var before = Entries(Corpus);
        var (code, output, error) = CliHarness.Run(args);
        string all = output + error;
        Assert.True(code == exit, $"exit {code}, expected {exit}: {all}");
        Assert.DoesNotMatch(StackFrame(), all);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        // Nothing of a binary input is echoed: no control character but line ends, no undecodable bytes.
        Assert.DoesNotMatch(@"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFD]", all);
        Assert.Contains(gist, error, StringComparison.Ordinal);
        var first = error.Split('\n')[0];
        if (file != "-")
        {
            var where = Where().Match(first);
            Assert.True(where.Success, $"no file:line: at the start of '{first}'");
            Assert.EndsWith(file, where.Groups["file"].Value.Replace('\\', '/'), StringComparison.Ordinal);
            if (line != "-") Assert.Equal(line, where.Groups["line"].Value);
        }
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), $"a refused run wrote into {outDir}");
        Assert.Equal(before, Entries(Corpus));
    }

    /// <summary>What a folder holds, with sizes and times: a refused command leaves its inputs' folder as it was.</summary>
    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(e => $"{e} {(File.Exists(e) ? new FileInfo(e).Length : -1)} {File.GetLastWriteTimeUtc(e).Ticks}").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Splits a command line on spaces, keeping "quoted parts" together.</summary>
    private static string[] Split(string text)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in text)
        {
            if (c == '"') { quoted = !quoted; any = true; }
            else if (c == ' ' && !quoted)
            {
                if (any || current.Length > 0) args.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else current.Append(c);
        }
        if (any || current.Length > 0) args.Add(current.ToString());
        return args.ToArray();
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+): ")]
    private static partial Regex Where();
}

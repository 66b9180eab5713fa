using System.Text;
using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests;

/// <summary>
/// The commands of the README and of the tutorial, run as written, in order, on a fresh copy of the repository's
/// experiments with nothing beside it: the built simulator stands for <c>simulator</c> and for
/// <c>dotnet run ... --</c>; files the tutorial asks the reader to save (a yaml block opening with
/// <c># file: NAME</c>) are saved there first. Runs of shipped experiments are shortened (two replications, 60 s);
/// a line ending in <c>|| true</c> is one the text says fails, with exit code 2.
/// </summary>
public class DocumentedCommandsTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private const string DotnetRun = "dotnet run -c Release --project src/Simulator.Cli --";

    public static TheoryData<string> Pages() => new("README.md", "docs/tutorial.md");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_command_runs_as_written_on_a_fresh_copy(string page)
    {
        string clone = Path.Combine(Path.GetTempPath(), $"documented-{Guid.NewGuid():N}");
        try
        {
            CopyTracked(Path.Combine(Root, "experiments"), Path.Combine(clone, "experiments"));
            int ran = 0;
            foreach (var (kind, text, line) in Blocks(File.ReadAllText(Path.Combine(Root, page))))
            {
                if (kind == "yaml")
                {
                    if (Regex.Match(text, @"\A# file: (\S+)") is { Success: true } m) File.WriteAllText(Path.Combine(clone, m.Groups[1].Value), text);
                    continue;
                }
                foreach (var raw in text.Split('\n'))
                {
                    string command = Regex.Replace(raw, @"\s+#\s.*$", "").Trim();
                    if (command.Length == 0) continue;
                    string where = $"{page}:{line}: {command}";
                    if (command.StartsWith("dotnet test", StringComparison.Ordinal))
                    {
                        Assert.True(command == "dotnet test -c Release", $"{where}: the test command is `dotnet test -c Release`");
                        continue;
                    }
                    if (command == "dotnet build -c Release") continue;
                    if (command.StartsWith("alias simulator=", StringComparison.Ordinal))
                    {
                        string target = Regex.Match(command, "\\$PWD/([^\"]+)\"").Groups[1].Value;
                        Assert.True(File.Exists(Path.Combine(Root, target)), $"{where}: {target} is not the built binary");
                        continue;
                    }
                    bool fails = command.EndsWith("|| true", StringComparison.Ordinal);
                    if (fails) command = command[..^"|| true".Length].TrimEnd();
                    if (command.StartsWith(DotnetRun, StringComparison.Ordinal)) command = "simulator" + command[DotnetRun.Length..];
                    Assert.True(command.StartsWith("simulator", StringComparison.Ordinal), $"{where}: not a simulator command");
                    var args = Shortened(Words(command).Skip(1).ToList(), clone);
                    var (process, error) = CliHarness.Start(args, clone);
                    Assert.True(process.WaitForExit(300_000), $"{where}: still running after 300 s");
                    string message = await error;
                    Assert.True(process.ExitCode == (fails ? 2 : 0), $"{where}: exit {process.ExitCode} (expected {(fails ? 2 : 0)}): {message}");
                    ran++;
                }
            }
            Assert.True(ran >= 2, $"{page}: only {ran} commands");
            if (page == "README.md")
                Assert.True(Directory.Exists(Path.Combine(clone, "results", "quickstart")), "the README's run wrote no results/quickstart");
        }
        finally
        {
            if (Directory.Exists(clone)) Directory.Delete(clone, true);
        }
    }

    /// <summary>Fenced blocks with their language and first line number.</summary>
    private static IEnumerable<(string Kind, string Text, int Line)> Blocks(string markdown)
    {
        var lines = markdown.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].Length == 3) continue;
            string kind = lines[i][3..].Trim();
            var sb = new StringBuilder();
            int start = i + 2;
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) sb.Append(lines[i]).Append('\n');
            yield return (kind, sb.ToString(), start);
        }
    }

    /// <summary>A command line split as a POSIX shell would split these: on blanks, double quotes grouping.</summary>
    private static IEnumerable<string> Words(string command)
    {
        var word = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in command)
        {
            if (c == '"') { quoted = !quoted; any = true; }
            else if (char.IsWhiteSpace(c) && !quoted) { if (any) yield return word.ToString(); word.Clear(); any = false; }
            else { word.Append(c); any = true; }
        }
        if (any) yield return word.ToString();
    }

    /// <summary>A run of a shipped experiment (or the quickstart), shortened: two replications, and 60 s where it simulates time.</summary>
    private static List<string> Shortened(List<string> args, string clone)
    {
        if (args is not ["run", ..]) return args;
        string? file = args.Skip(1).FirstOrDefault(a => a.EndsWith(".yaml", StringComparison.Ordinal));
        string source = file ?? "experiments/quickstart.yaml";
        if (!source.StartsWith("experiments/", StringComparison.Ordinal)) return args;
        for (int i = 0; i < args.Count - 1; i++)
            if (args[i] is "--replications" or "-r") args.RemoveRange(i, 2);
        args.AddRange(new[] { "--replications", "2" });
        if (File.ReadLines(Path.Combine(clone, source)).Any(l => l.StartsWith("horizon:", StringComparison.Ordinal)))
            args.AddRange(new[] { "--set", "horizon=60 s", "--set", "warmup=10 s" });
        return args;
    }

    private static void CopyTracked(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}

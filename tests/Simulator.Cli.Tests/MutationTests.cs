using System.Text.RegularExpressions;
using CsCheck;

namespace Simulator.Cli.Tests;

/// <summary>
/// Random edits of every shipped experiment file: drop, duplicate or retype a key, or put a
/// negative, zero, huge, NaN or unitless value in place of one. Each mutant gives exit 0 or exit 2 with
/// the file and line, never another outcome, and a mutant that validates also runs.
/// </summary>
public sealed partial class MutationTests : IDisposable
{
    private static readonly string Repo = RepositoryRoot.Find();
    private readonly string root = Path.Combine(Path.GetTempPath(), $"mutants-{Guid.NewGuid():N}");

    /// <summary>Every shipped experiment, and whether one of its cells is cheap enough to run here (the three long ones are not).</summary>
    private static readonly (string Path, bool Runnable)[] Shipped = Directory.GetFiles(Path.Combine(Repo, "experiments"), "*.yaml", SearchOption.AllDirectories)
        .Where(f => f.Contains("partialloading", StringComparison.Ordinal) || f.Contains("chasing", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(f => (f, !Regex.IsMatch(Path.GetFileName(f), "stochastic|long")))
        .ToArray();

    private static readonly string[] Operations = { "drop", "duplicate", "retype", "negative", "zero", "huge", "nan", "unitless" };

    [Fact]
    public async Task Every_mutant_of_a_shipped_experiment_exits_0_or_2_with_its_file_and_validate_and_run_agree()
    {
        Assert.True(Shipped.Length >= 19, $"{Shipped.Length} shipped experiments");
        Directory.CreateDirectory(root);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(int File, string Path, int Code)>();
        int n = 0;
        Gen.Select(Gen.Int[0, Shipped.Length - 1], Gen.Int[0, 1_000_000], Gen.Int[0, Operations.Length - 1]).Sample((file, site, op) =>
        {
            string text = File.ReadAllText(Shipped[file].Path);
            string mutant = Mutate(text, site, Operations[op]);
            string path = Path.Combine(root, $"m{Interlocked.Increment(ref n)}-{Path.GetFileName(Shipped[file].Path)}");
            File.WriteAllText(path, mutant);
            var (code, output, error) = CliHarness.Run("validate", path);
            string all = output + error;
            if (all.Contains("Exception", StringComparison.Ordinal) || StackFrame().IsMatch(all))
                throw new InvalidOperationException($"{Operations[op]} on {Path.GetFileName(Shipped[file].Path)}: a stack trace or exception name: {all}");
            if (code == 2 && !error.StartsWith(path + ":", StringComparison.Ordinal))
                throw new InvalidOperationException($"{Operations[op]} on {Path.GetFileName(Shipped[file].Path)}: exit 2 without the file and line: {error}");
            if (code is not (0 or 2))
                throw new InvalidOperationException($"{Operations[op]} on {Path.GetFileName(Shipped[file].Path)}: exit {code}: {all}");
            outcomes.Add((file, path, code));
        }, iter: 400, threads: 2, seed: "0N0XIzNsQ0O2");

        var valid = outcomes.Where(o => o.Code == 0).ToArray();
        var refused = outcomes.Count(o => o.Code == 2);
        Assert.True(valid.Length >= 40 && refused >= 150, $"{valid.Length} mutants validated, {refused} refused: the mutations should do both");
        // A mutant that validates runs: its first cell, through `run` itself (the reader, the world, the
        // strategies, the outputs). Every fourth one of the files whose cells are short.
        foreach (var (file, path, _) in valid.Where(o => Shipped[o.File].Runnable).OrderBy(o => o.Path, StringComparer.Ordinal).Where((_, i) => i % 4 == 0))
        {
            var cells = Cells(CliHarness.Run("validate", path).Output);
            // A child process, so that a mutant that validates and then never ends fails here instead of hanging.
            var (child, error) = CliHarness.Start(new[] { "run", path, "--quiet", "--shard", $"0/{cells}", "--out", path + ".out" });
            using var _ = child;
            // A guard against a hang, not a speed limit: the cells chosen take a second or two when idle.
            bool ended = child.WaitForExit(TimeSpan.FromSeconds(300));
            if (!ended) child.Kill(entireProcessTree: true);
            Assert.True(ended, $"{Path.GetFileName(path)} validates but its first cell does not end within 300 s:\n{File.ReadAllText(path)}");
            Assert.True(child.ExitCode == 0, $"{Path.GetFileName(path)} validates but its run exits {child.ExitCode}: {await error}");
        }
    }

    /// <summary>The number of cells from validate's line "ok: name: P point(s) x S strategies x R replications" (or "R1 to R2": the most).</summary>
    private static int Cells(string validated)
    {
        var m = Grid().Match(validated);
        Assert.True(m.Success, validated);
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            * int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
            * int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One edit at the <paramref name="site"/>-th `key: value` of the file (modulo their count), in block or flow style.</summary>
    private static string Mutate(string text, int site, string operation)
    {
        var pairs = Pair().Matches(text).Where(m => !IsComment(text, m.Index)).ToArray();
        var m = pairs[site % pairs.Length];
        string key = m.Groups["key"].Value, value = m.Groups["value"].Value.TrimEnd();
        int valueStart = m.Groups["value"].Index;
        string Replace(string v) => text[..valueStart] + v + text[(valueStart + value.Length)..];
        switch (operation)
        {
            case "drop":
                return text[..m.Index] + text[(m.Index + m.Length)..];
            case "duplicate":
                // Inside a flow mapping the copy follows after a comma; in a block, on its own line.
                bool flow = m.Index + m.Length < text.Length && text[m.Index + m.Length] is ',' or '}' or ']';
                return text[..(m.Index + m.Length)] + (flow ? ", " : "\n" + Indent(text, m.Index)) + $"{key}: {value}" + text[(m.Index + m.Length)..];
            case "retype":
                return text[..m.Groups["key"].Index] + (key.Length > 2 ? key[1] + key[0].ToString() + key[2..] : key + "x") + text[(m.Groups["key"].Index + key.Length)..];
        }
        if (value.Length == 0 || value.StartsWith('[') || value.StartsWith('{') || value.StartsWith('>')) return text[..m.Index] + text[(m.Index + m.Length)..];
        var number = Number().Match(value);
        string unit = number.Success ? value[number.Length..].Trim() : "";
        return operation switch
        {
            "negative" => Replace(number.Success ? "-" + value.TrimStart('-') : "-1"),
            "zero" => Replace(unit.Length > 0 ? "0 " + unit : "0"),
            "huge" => Replace(unit.Length > 0 ? "1e300 " + unit : "1e300"),
            "nan" => Replace(unit.Length > 0 ? ".nan " + unit : ".nan"),
            _ => Replace(number.Success ? number.Value.Trim() : "7"),
        };
    }

    private static bool IsComment(string text, int index)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return text.AsSpan(lineStart, index - lineStart).Contains('#');
    }

    private static string Indent(string text, int index)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return new string(' ', text[lineStart..].TakeWhile(c => c == ' ').Count());
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }

    // A key and its scalar value up to the end of the line, a comma or a closing bracket.
    [GeneratedRegex(@"(?<key>[A-Za-z_][\w.\-/]*): (?<value>\[[^\]\n]*\]|\{[^}\n]*\}|[^,\n{}\[\]#]*)")]
    private static partial Regex Pair();

    [GeneratedRegex(@"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"(\d+) point\(s\) x (\d+) strategies x (?:\d+ to )?(\d+) replications")]
    private static partial Regex Grid();

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}

using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace Simulator.Cli.Tests;

/// <summary>
/// Random deep and long YAML given to <c>validate</c>: nesting of every syntax (flow brackets, compact block
/// sequences, complex keys, indentation), long lines and keys, and large counts. Every input ends in exit 0 or 2,
/// a refusal names the file and line, nothing prints a stack trace, and none allocates more than a bound.
/// </summary>
public sealed partial class HostileYamlTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}");

    public HostileYamlTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, true);

    private static readonly string Base = File.ReadAllText(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "tests", "Simulator.Cli.Tests", "Corpus", "experiments", "base-network.yaml"));

    /// <summary>The most a validate of one input may allocate: inputs are at most a few hundred kilobytes.</summary>
    private const long MaxAllocatedBytes = 512L << 20;

    /// <summary>One level of nesting, of each syntax YAML has.</summary>
    private static readonly string[] Levels = { "[", "{a: ", "- ", "? ", "  ", "[- ", "{? " };

    private static string Nested(int syntax, int depth, bool blockStart)
    {
        string level = Levels[syntax];
        if (level == "  ") return "\n" + string.Concat(Enumerable.Range(1, depth).Select(i => new string(' ', 2 * i) + "a:\n")) + new string(' ', 2 * depth + 2) + "1";
        return (blockStart && level is "- " or "? " ? "\n  " : "") + string.Concat(Enumerable.Repeat(level, depth)) + "1";
    }

    /// <summary>A hostile fragment: nesting, a long line, a long key, or a large count, placed at some key of the experiment.</summary>
    private static readonly Gen<(string Fragment, string Kind)> Fragment = Gen.OneOf(
        Gen.Select(Gen.Int[0, Levels.Length - 1], Gen.OneOf(Gen.Int[0, 3], Gen.Int[0, 20_000]), Gen.Bool).Select((s, d, b) => (Nested(s, d, b), $"nesting '{Levels[s]}' x {d}")),
        Gen.OneOf(Gen.Int[1, 1_000], Gen.Int[1, 300_000]).Select(n => (new string('x', n), $"a value of {n} characters")),
        Gen.Int[0, 5_000].Select(n => ("1\n" + new string('k', n) + ": 1", $"a key of {n} characters")),
        Gen.Select(Gen.Int[0, 30_000], Gen.Int[0, 3]).Select((n, form) => (form switch
        {
            0 => "[" + string.Join(", ", Enumerable.Repeat("mec-ilp", n)) + "]",
            1 => "\n" + string.Concat(Enumerable.Repeat("  - mec-ilp\n", n)),
            2 => "{" + string.Join(", ", Enumerable.Range(0, n).Select(i => $"k{i}: {i}")) + "}",
            _ => Gen.Int.Single().ToString(System.Globalization.CultureInfo.InvariantCulture) + new string('9', n % 400),
        }, $"a count of {n} (form {form})")));

    /// <summary>Where a fragment goes: a free text, a top-level value, a scenario value, the strategies, a new key.</summary>
    private static readonly string[] Sites = { "description: x", "seed: 1", "  network: {cloudlets: 10}", "strategies: [mec-ilp, mec-nonshare]", "name: corpus-network", "  requests: {count: 20}" };

    [Fact]
    public void Random_deep_and_long_yaml_exits_0_or_2_within_a_memory_bound_and_never_with_a_stack_trace()
    {
        int n = 0, refused = 0, accepted = 0;
        Gen.Select(Fragment, Gen.Int[0, Sites.Length - 1]).Sample((fragment, site) =>
        {
            string line = Sites[site];
            string key = line.TrimStart().Split(':')[0];
            string indent = line[..(line.Length - line.TrimStart().Length)];
            string text = Base.Contains(line, StringComparison.Ordinal)
                ? Base.Replace(line, $"{indent}{key}: {fragment.Fragment}", StringComparison.Ordinal)
                : Base + $"{key}: {fragment.Fragment}\n";
            string path = Path.Combine(root, $"h{Interlocked.Increment(ref n)}.yaml");
            File.WriteAllText(path, text, new UTF8Encoding(false));
            long before = GC.GetAllocatedBytesForCurrentThread();
            var (code, output, error) = CliHarness.Run("validate", path);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            string all = output + error;
            string what = $"{fragment.Kind} at '{key}'";
            if (all.Contains("Exception", StringComparison.Ordinal) || StackFrame().IsMatch(all))
                throw new InvalidOperationException($"{what}: a stack trace or exception name: {all[..Math.Min(all.Length, 2000)]}");
            if (code is not (0 or 2)) throw new InvalidOperationException($"{what}: exit {code}: {all[..Math.Min(all.Length, 2000)]}");
            if (code == 2 && !Regex.IsMatch(error, $@"^({Regex.Escape(path)}|--set):\d+: "))
                throw new InvalidOperationException($"{what}: exit 2 without the file and line: {error[..Math.Min(error.Length, 500)]}");
            if (allocated > MaxAllocatedBytes) throw new InvalidOperationException($"{what}: validate allocated {allocated:N0} bytes");
            if (code == 2) Interlocked.Increment(ref refused);
            else Interlocked.Increment(ref accepted);
            File.Delete(path);
        }, iter: 300, seed: "0N0XIzNsQ0O2");
        // The inputs do both: shallow and short ones are read, deep and long ones refused.
        Assert.True(refused >= 100 && accepted >= 5, $"{refused} refused, {accepted} accepted");
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}

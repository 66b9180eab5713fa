using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulator.Benchmarks;

/// <summary>
/// The speed-up of two cores over one for a whole `simulator run`, as a user sees it.
/// One core means the process is confined to CPU 0 with taskset: `--parallel 1` alone is not one core,
/// because the runtime's JIT and GC threads then use the second core for free.
/// </summary>
internal static partial class SpeedUp
{
    public static void Print(string[] args)
    {
        string cli = BuiltSimulator.Find();
        var experiment = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        int repeats = 3;
        foreach (var a in args.Where(a => a.StartsWith("--repeat=", StringComparison.Ordinal)))
            repeats = int.Parse(a["--repeat=".Length..], CultureInfo.InvariantCulture);

        var one = new List<Measure>();
        var two = new List<Measure>();
        for (int i = 0; i < repeats; i++)
        {
            // Alternating the two keeps slow drifts of a shared machine out of the ratio.
            one.Add(Run(cli, experiment, oneCore: true));
            two.Add(Run(cli, experiment, oneCore: false));
            Console.WriteLine(FormattableString.Invariant(
                $"round {i + 1}: 1 core {one[^1].RunsPerSecond:F1} runs/s ({one[^1].Wall:F2} s whole), 2 cores {two[^1].RunsPerSecond:F1} runs/s ({two[^1].Wall:F2} s whole)"));
        }
        double Median(IEnumerable<double> xs) { var s = xs.Order().ToArray(); return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2; }
        double r1 = Median(one.Select(m => m.RunsPerSecond)), r2 = Median(two.Select(m => m.RunsPerSecond));
        double w1 = Median(one.Select(m => m.Wall)), w2 = Median(two.Select(m => m.Wall));
        Console.WriteLine(FormattableString.Invariant(
            $"median: simulation {r1:F1} -> {r2:F1} runs/s = {r2 / r1:F2}x; whole command {w1:F2} -> {w2:F2} s = {w1 / w2:F2}x"));
    }

    private sealed record Measure(double RunsPerSecond, double Wall);

    private static Measure Run(string cli, string[] experiment, bool oneCore)
    {
        var (output, wall, _) = BuiltSimulator.Run(cli, experiment, oneCore, _ => 0);
        var m = RunsPerSecond().Match(output);
        if (!m.Success) throw new InvalidOperationException($"no 'runs/s' line in the output:\n{output}");
        return new Measure(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), wall);
    }

    [GeneratedRegex(@"\(([0-9.]+) runs/s on")]
    private static partial Regex RunsPerSecond();
}

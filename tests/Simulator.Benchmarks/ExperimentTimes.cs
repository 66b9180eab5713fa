using System.Globalization;

namespace Simulator.Benchmarks;

/// <summary>
/// The wall time of `simulator run` on every shipped experiment, as a user waits for it: the built binary,
/// all cores, outputs and plots included, into a fresh folder that is removed afterwards. Prints a
/// Markdown table with the machine and date, for the benchmarks page.
/// </summary>
internal static class ExperimentTimes
{
    public static void Print(string[] args)
    {
        string root = Simulator.Testing.RepositoryRoot.Find();
        string cli = BuiltSimulator.Find();
        var files = args.Length > 0 ? args : Shipped(root);
        Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine();
        Console.WriteLine("| experiment | runs | wall (s) |");
        Console.WriteLine("|---|---|---|");
        foreach (var file in files)
        {
            var (runs, wall) = Run(cli, file);
            Console.WriteLine(FormattableString.Invariant($"| `{Path.GetRelativePath(root, file)}` | {runs} | {wall:F1} |"));
        }
    }

    /// <summary>Every experiment file the repository ships (the folders of data, catalogs, profiles and instances hold none).</summary>
    private static string[] Shipped(string root)
    {
        string experiments = Path.Combine(root, "experiments");
        var skip = new[] { "data", "catalogs", "profiles", "instances" }.Select(d => Path.Combine(experiments, d) + Path.DirectorySeparatorChar).ToArray();
        return Directory.EnumerateFiles(experiments, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !skip.Any(s => f.StartsWith(s, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToArray();
    }

    private static (string Runs, double Wall) Run(string cli, string file)
    {
        var (_, wall, runs) = BuiltSimulator.Run(cli, new[] { file }, oneCore: false,
            dir => File.Exists(Path.Combine(dir, "runs.csv")) ? File.ReadLines(Path.Combine(dir, "runs.csv")).Count() - 1 : -1);
        return (runs.ToString(CultureInfo.InvariantCulture), wall);
    }
}

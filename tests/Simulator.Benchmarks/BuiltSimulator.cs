using System.Diagnostics;

namespace Simulator.Benchmarks;

/// <summary>The built `simulator` binary, run as a user runs it: each run into a fresh folder, removed afterwards.</summary>
internal static class BuiltSimulator
{
    /// <summary>The binary of a Release build; an error saying how to build it when it is missing.</summary>
    public static string Find()
    {
        string cli = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "src", "Simulator.Cli", "bin", "Release", "net10.0", "simulator");
        if (!File.Exists(cli))
            throw new InvalidOperationException($"{cli} is missing: build first with `dotnet build -c Release`.");
        return cli;
    }

    /// <summary>
    /// `simulator run <paramref name="arguments"/> --quiet --out DIR` (on CPU 0 alone when <paramref name="oneCore"/>):
    /// its standard output, its wall time in seconds, and what <paramref name="read"/> takes from DIR before it is removed.
    /// </summary>
    public static (string Output, double Wall, T Read) Run<T>(string cli, IEnumerable<string> arguments, bool oneCore, Func<string, T> read)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"simulator-run-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo(oneCore ? "taskset" : cli) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (oneCore) { info.ArgumentList.Add("-c"); info.ArgumentList.Add("0"); info.ArgumentList.Add(cli); }
        foreach (var a in new[] { "run" }.Concat(arguments).Concat(new[] { "--quiet", "--out", dir })) info.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        string error = errors.Result;
        process.WaitForExit();
        double wall = watch.Elapsed.TotalSeconds;
        try
        {
            if (process.ExitCode != 0) throw new InvalidOperationException($"simulator run {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
            return (output, wall, read(dir));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}

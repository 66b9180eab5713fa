using System.Diagnostics;

namespace Simulator.Testing;

/// <summary>
/// The Python the tests run: $SIMULATOR_PYTHON, else Debian's /usr/bin/python3, else python3 on the PATH. The client's
/// suite needs numpy and pytest there (Debian's python3-numpy and python3-pytest), docs/pandas.md's blocks pandas
/// (python3-pandas); CI installs them (.ci/python-up).
/// </summary>
internal static class Python
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("SIMULATOR_PYTHON") is { Length: > 0 } given) return given;
        if (File.Exists("/usr/bin/python3")) return "/usr/bin/python3";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "python3"))) return Path.Combine(dir, "python3");
        return "python3";
    }

    /// <summary>
    /// The Python to run once it imports <paramref name="modules"/> (Debian's <paramref name="packages"/>): without them
    /// the test is skipped, or fails where CI requires them (SIMULATOR_REQUIRE_PYTHON=1).
    /// </summary>
    public static string Ready(string modules, string packages)
    {
        string python = Find();
        bool ready = Run(python, $"-c \"import {modules}\"", Path.GetTempPath(), out _) == 0;
        if (Environment.GetEnvironmentVariable("SIMULATOR_REQUIRE_PYTHON") == "1")
            Xunit.Assert.True(ready, $"SIMULATOR_REQUIRE_PYTHON=1 but {python} lacks {modules} (run .ci/python-up).");
        Xunit.Skip.IfNot(ready, $"{python} lacks {modules}; .ci/run installs Debian's {packages}.");
        return python;
    }

    /// <summary>Runs <paramref name="python"/> with <paramref name="arguments"/> in <paramref name="directory"/>, writing no bytecode; its exit code, and its output followed by its errors.</summary>
    public static int Run(string python, string arguments, string directory, out string output)
    {
        var info = new ProcessStartInfo(python, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        return process.ExitCode;
    }
}

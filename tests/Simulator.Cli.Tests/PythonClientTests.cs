using System.Diagnostics;

namespace Simulator.Cli.Tests;

/// <summary>
/// The Python client's own suite (python/tests, pytest): the Gymnasium API contract, vectorised stepping, an outside
/// policy's side of the protocol, and a short training run that beats a uniformly random policy. It needs Debian's
/// python3 with numpy and pytest; CI requires them (SIMULATOR_REQUIRE_PYTHON=1, .ci/python-up installs them).
/// </summary>
public sealed class PythonClientTests
{
    [SkippableFact]
    public void The_python_client_suite_passes()
    {
        string python = Simulator.Testing.Python.Find();
        bool ready = Run(python, "-c \"import numpy, pytest\"", out _) == 0;
        if (Environment.GetEnvironmentVariable("SIMULATOR_REQUIRE_PYTHON") == "1")
            Assert.True(ready, $"SIMULATOR_REQUIRE_PYTHON=1 but {python} lacks numpy or pytest (run .ci/python-up).");
        Skip.IfNot(ready, $"{python} lacks numpy or pytest; .ci/run installs Debian's python3-numpy and python3-pytest.");
        int code = Run(python, "-m pytest -q -p no:cacheprovider", out string output);
        Assert.True(code == 0, output);
        Assert.Matches(@"\d+ passed", output);
        Assert.DoesNotMatch(@"\d+ failed", output);
    }

    private static int Run(string python, string arguments, out string output)
    {
        var info = new ProcessStartInfo(python, arguments)
        {
            WorkingDirectory = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "python"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        return process.ExitCode;
    }
}

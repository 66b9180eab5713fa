namespace Simulator.Cli.Tests;

/// <summary>
/// The Python client's own suite (python/tests, pytest): the Gymnasium API contract, vectorised stepping, an outside
/// policy's side of the protocol, and a short training run that beats a uniformly random policy. It needs Debian's
/// python3 with numpy and pytest; CI requires them (SIMULATOR_REQUIRE_PYTHON=1, .ci/python-up installs them).
/// </summary>
public sealed class PythonClientTests
{
    private static readonly string Folder = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "python");

    [SkippableFact]
    public void The_python_client_suite_passes()
    {
        string python = Simulator.Testing.Python.Ready("numpy, pytest", "python3-numpy and python3-pytest");
        int code = Simulator.Testing.Python.Run(python, "-m pytest -q -p no:cacheprovider", Folder, out string output);
        Assert.True(code == 0, output);
        Assert.Matches(@"\d+ passed", output);
        Assert.DoesNotMatch(@"\d+ failed", output);
    }
}

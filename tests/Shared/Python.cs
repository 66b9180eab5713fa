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
}

namespace Simulator.Testing;

/// <summary>The folder holding Simulator.sln, found upwards from the test binaries (linked into the test projects that read repository files).</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Simulator.sln above {AppContext.BaseDirectory}.");
    }
}

namespace Simulator.Experiments;

/// <summary>
/// The SHA-256 of a file an experiment reads (a catalog, a trace, a coordinates file), recorded in the resolved
/// config so the config hash changes when the file's content does: a resumed run cannot mix old and new cells.
/// </summary>
public static class FileHash
{
    public static string Of(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}

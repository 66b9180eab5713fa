namespace Simulator.Experiments;

/// <summary>A config or data file that cannot be used: says where (file, line, dotted path) and what was expected.</summary>
public sealed class ConfigException(string file, int line, string path, string problem)
    : Exception($"{file}:{line}: {(path.Length > 0 ? path + ": " : "")}{problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Path { get; } = path;

    public string Problem { get; } = problem;
}

using System.Reflection;

namespace Simulator.Experiments;

/// <summary>The experiment `run` does without a file: experiments/quickstart.yaml, embedded in this assembly.</summary>
public static class Quickstart
{
    public const string Name = "experiments/quickstart.yaml";

    public static string Text()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"{Name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static ExperimentSpec Read(IReadOnlyList<string>? sets = null) =>
        ExperimentReader.Read(new ExperimentSource(Text(), Name, Directory.GetCurrentDirectory(), sets ?? Array.Empty<string>()));
}

using System.Reflection;

namespace Simulator.Experiments;

/// <summary>
/// The simulator build this process is: its informational version, the version and the commit it was built from (as
/// <c>--version</c> prints it). Results folders record it with every cell, and the environment protocol says it, so
/// that numbers and trained policies can be traced to the code that made them.
/// </summary>
public static class SimulatorBuild
{
    /// <summary>"1.0.0+&lt;commit&gt;" ("unknown" for an assembly without the attribute); never holds a comma, so a CSV field takes it.</summary>
    public static string Current { get; } =
        (typeof(SimulatorBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").Replace(',', ';');

    /// <summary>A build as messages and reports name it: "unrecorded" for a cell logged before builds were recorded.</summary>
    public static string Named(string build) => build.Length == 0 ? "unrecorded" : build;
}

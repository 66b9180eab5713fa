using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>How a fault in code reads to whoever must find it (a strategy's author): its type and message, and where it was thrown.</summary>
public static class Fault
{
    private const int ShownFrames = 12;

    /// <summary>
    /// Whether an exception thrown while simulating or planning is a refusal of the input, the same wherever it is met
    /// (a strategy that cannot plan this catalog, a model larger than the GPU), rather than a fault in code. One that
    /// passed through a plugin's code is the plugin's fault, whatever its type: a strategy that asks the catalog for a
    /// model it does not have has a bug, not a bad file.
    /// </summary>
    public static bool IsRefusal(Exception ex) =>
        ex is ConfigException or CatalogException or StrategyException
        && !new System.Diagnostics.StackTrace(ex).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly is { } a && System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(a) is PluginLoadContext);

    public static string Line(Exception fault) => $"{fault.GetType().Name}: {fault.Message}";

    /// <summary>
    /// The frames from the throw down to the first whose method's name starts with <paramref name="caller"/> (a type's or a
    /// namespace's name and a dot: left out with those below), indented; null when there are none.
    /// </summary>
    public static string? Frames(Exception fault, string caller)
    {
        var frames = (fault.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .TakeWhile(f => !f.StartsWith("at " + caller, StringComparison.Ordinal)).ToArray();
        if (frames.Length == 0) return null;
        return string.Join("\n", frames.Take(ShownFrames).Select(f => "      " + f))
            + (frames.Length > ShownFrames ? $"\n      ... {frames.Length - ShownFrames} more frame(s)" : "");
    }
}

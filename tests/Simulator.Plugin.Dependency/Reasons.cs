namespace Simulator.Plugin.Dependency;

/// <summary>What the faults plugin says when it gives up; it lives here so that the plugin needs an assembly of its own.</summary>
public static class Reasons
{
    public static string TooBusy(int queued, int limit) => $"{queued} requests queued, more than {limit}.";
}

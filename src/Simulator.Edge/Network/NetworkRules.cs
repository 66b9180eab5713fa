namespace Simulator.Edge.Network;

/// <summary>How cloudlet capacity constrains a window's choices (network.md section 3).</summary>
public enum CapacityRule
{
    /// <summary>The authors' row: alpha |M_k| &lt;= C_h for each request on its own (the paper profile's default).</summary>
    PerRequest,

    /// <summary>Summed over the window's requests homed at h: sum alpha |M_k| &lt;= C_h (a multiple-choice knapsack per cloudlet).</summary>
    Aggregated,

    /// <summary>
    /// A part store: alpha times the bytes of the distinct blocks the window's requests homed at h take, each block
    /// counted once however many requests use it, &lt;= C_h; so a shared base counts once at a cloudlet.
    /// </summary>
    Store,
}

public static class CapacityRules
{
    /// <summary>Whether the rule binds the requests of a cloudlet together (so that a request may stay unplaced for the others).</summary>
    public static bool Pooled(this CapacityRule rule) => rule != CapacityRule.PerRequest;
}

/// <summary>Where parts may be pulled from (network.md section 3, item 5).</summary>
public enum SourceRule
{
    /// <summary>Cloudlets only, the data centre as the fallback when no cloudlet holds the part (the authors' LP, rounding and NBS).</summary>
    Cloudlets,

    /// <summary>Every holder, the data centre included.</summary>
    All,
}

public static class SourceRules
{
    /// <summary>Whether the data centre is a candidate source of a part that <paramref name="holders"/> cloudlets hold.</summary>
    public static bool OffersDataCentre(this SourceRule rule, int holders) => rule == SourceRule.All || holders == 0;
}

/// <summary>The rules of the offline problem that every strategy and the evaluator share.</summary>
/// <param name="Capacity">Whether capacity binds each request on its own or the window's requests of a cloudlet together.</param>
/// <param name="CapacityFactor">alpha of the capacity row.</param>
/// <param name="Sources">Which holders a part may be pulled from.</param>
public sealed record NetworkRules(CapacityRule Capacity, double CapacityFactor, SourceRule Sources);

namespace Simulator.Edge;

/// <summary>
/// What a sharing-blind system (the no-sharing baselines) finds resident when it loads a model. It knows
/// models, not blocks: it keeps a model it already holds, and loads any other one whole after clearing
/// the GPU. Cross-model sharing is what is off, not keeping what is there.
/// </summary>
public static class SharingBlind
{
    private static readonly IReadOnlySet<string> Nothing = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary><paramref name="gpu"/> when it holds exactly <paramref name="model"/>'s blocks, otherwise nothing.</summary>
    public static IReadOnlySet<string> Resident(Model model, IReadOnlySet<string> gpu) => Holds(model, gpu) ? gpu : Nothing;

    /// <summary>The GPU holds this model whole and nothing else, as a sharing-blind load leaves it.</summary>
    public static bool Holds(Model model, IReadOnlySet<string> gpu)
    {
        if (gpu.Count != model.BlockIds.Count) return false;
        foreach (var id in model.BlockIds)
            if (!gpu.Contains(id)) return false;
        return true;
    }
}

namespace Simulator.Edge;

/// <summary>
/// The world of a sharing-blind system (the no-sharing baselines). It knows models, not blocks: it keeps
/// the models it holds, as any system does, and stores and loads each one whole, on its own. Cross-model
/// sharing is what is off, and nothing else: residency, RAM and eviction work as they do with sharing.
/// </summary>
public static class SharingBlind
{
    private static readonly IReadOnlySet<string> Nothing = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary>
    /// The same models, in the same order, with nothing shared: a block several models list becomes one copy
    /// per model (id "model|block"), so a site running on it duplicates shared bytes on disk, in RAM and on the GPU.
    /// </summary>
    public static Catalog Unshared(Catalog catalog)
    {
        var blocks = new List<Block>();
        var models = new List<Model>();
        foreach (var block in catalog.Blocks)
            if (catalog.UsersOf(block.Id) < 2) blocks.Add(block);
        foreach (var model in catalog.Models)
        {
            var ids = new string[model.BlockIds.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                var block = catalog.Block(model.BlockIds[i]);
                if (catalog.UsersOf(block.Id) < 2) ids[i] = block.Id;
                else
                {
                    ids[i] = $"{model.Id}|{block.Id}";
                    blocks.Add(block with { Id = ids[i] });
                }
            }
            models.Add(model with { BlockIds = ids });
        }
        return new Catalog(blocks, models);
    }

    /// <summary>
    /// What a planner that plans sharing-blind on a catalog with sharing counts as resident for
    /// <paramref name="model"/>: all of <paramref name="gpu"/> when it holds the model whole, otherwise nothing.
    /// </summary>
    public static IReadOnlySet<string> Resident(Model model, IReadOnlySet<string> gpu) => Holds(model, gpu) ? gpu : Nothing;

    /// <summary>The GPU holds every block of the model.</summary>
    public static bool Holds(Model model, IReadOnlySet<string> gpu)
    {
        foreach (var id in model.BlockIds)
            if (!gpu.Contains(id)) return false;
        return true;
    }
}

namespace Simulator.Edge;

/// <summary>
/// The world of a sharing-blind system (the no-sharing baselines). It knows models, not blocks: it keeps
/// the models it holds, as any system does, and stores and loads each one whole, on its own. Cross-model
/// sharing is what is off, and nothing else: residency, RAM and eviction work as they do with sharing.
/// </summary>
public static class SharingBlind
{
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
    /// What a sharing-blind planner sees of a site with sharing: the same queue and time on
    /// <paramref name="unshared"/> (<see cref="Unshared"/> of the view's catalog), where a model is on the GPU
    /// only when all its blocks are, and a block copy is in RAM when its original is.
    /// </summary>
    public static SiteView View(SiteView view, Catalog unshared, LoadEstimator loads)
    {
        var resident = new HashSet<string>(StringComparer.Ordinal);
        var inRam = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in view.Catalog.Models)
        {
            var copy = unshared.Model(model.Id);
            bool held = Holds(model, view.Resident);
            for (int i = 0; i < model.BlockIds.Count; i++)
            {
                string original = model.BlockIds[i];
                bool own = copy.BlockIds[i] == original;
                if (held || (own && view.Resident.Contains(original))) resident.Add(copy.BlockIds[i]);
                if (view.InRam.Contains(original)) inRam.Add(copy.BlockIds[i]);
            }
        }
        return new SiteView(view.Now, view.Queue, resident, inRam, unshared, loads, view.Spec);
    }

    private static bool Holds(Model model, IReadOnlySet<string> gpu)
    {
        foreach (var id in model.BlockIds)
            if (!gpu.Contains(id)) return false;
        return true;
    }
}

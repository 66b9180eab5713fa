namespace Simulator.Edge;

/// <summary>Which resident blocks to evict before a model is loaded.</summary>
public interface IResidencyPolicy
{
    /// <summary>
    /// Blocks to evict so that the model's blocks plus <paramref name="activationBytes"/> fit in the GPU's
    /// memory. Never a block the model needs.
    /// </summary>
    IReadOnlyList<string> Evict(ResidentSet resident, Model next, long activationBytes, Catalog catalog);
}

/// <summary>The paper's policy: after a batch of model i the GPU holds exactly J_i.</summary>
public sealed class PreviousModelResidency : IResidencyPolicy
{
    public IReadOnlyList<string> Evict(ResidentSet resident, Model next, long activationBytes, Catalog catalog)
    {
        var needed = new HashSet<string>(next.BlockIds, StringComparer.Ordinal);
        return resident.Where(id => !needed.Contains(id)).OrderBy(resident.LastUse).ToArray();
    }
}

/// <summary>
/// Blocks stay while memory allows; eviction takes unneeded blocks in order of a key, least recently
/// used first. <see cref="PinSharedResidency"/> changes the key so shared blocks go last.
/// </summary>
public class LruResidency : IResidencyPolicy
{
    public IReadOnlyList<string> Evict(ResidentSet resident, Model next, long activationBytes, Catalog catalog)
    {
        var needed = new HashSet<string>(next.BlockIds, StringComparer.Ordinal);
        long missing = next.BlockIds.Where(id => !resident.Contains(id)).Sum(id => catalog.Block(id).Bytes);
        long excess = resident.Bytes + missing + activationBytes - resident.CapacityBytes;
        var evict = new List<string>();
        if (excess <= 0) return evict;
        foreach (var id in resident.Where(id => !needed.Contains(id)).OrderBy(id => Rank(id, resident, catalog)).ThenBy(resident.LastUse))
        {
            evict.Add(id);
            excess -= catalog.Block(id).Bytes;
            if (excess <= 0) break;
        }
        return evict;
    }

    /// <summary>Eviction classes: lower ranks go first; within a class, least recently used first.</summary>
    protected virtual int Rank(string blockId, ResidentSet resident, Catalog catalog) => 0;
}

/// <summary>Like LRU, but blocks that two or more catalog models use are evicted only after every private block.</summary>
public sealed class PinSharedResidency : LruResidency
{
    protected override int Rank(string blockId, ResidentSet resident, Catalog catalog) => catalog.UsersOf(blockId) >= 2 ? 1 : 0;
}

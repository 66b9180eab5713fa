namespace Simulator.Edge;

/// <summary>
/// The blocks in GPU memory, with the bytes they take and when each was last used (a use counter, so
/// ties never depend on floating-point time). Capacity is the GPU's memory Q.
/// </summary>
public sealed class ResidentSet : BlockIdSet
{
    private readonly Dictionary<string, (long Bytes, long LastUse)> blocks = new(StringComparer.Ordinal);
    private long useCounter;

    public ResidentSet(long capacityBytes)
    {
        if (capacityBytes <= 0) throw new ArgumentOutOfRangeException(nameof(capacityBytes), capacityBytes, "GPU memory must be positive.");
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    public long Bytes { get; private set; }

    public override int Count => blocks.Count;

    public void Add(Block block)
    {
        if (blocks.ContainsKey(block.Id)) return;
        blocks[block.Id] = (block.Bytes, ++useCounter);
        Bytes += block.Bytes;
    }

    public void Remove(string blockId)
    {
        if (blocks.Remove(blockId, out var entry)) Bytes -= entry.Bytes;
    }

    /// <summary>Marks the blocks a batch uses as most recently used, in model order.</summary>
    public void Touch(IEnumerable<string> blockIds)
    {
        foreach (var id in blockIds)
            if (blocks.TryGetValue(id, out var e)) blocks[id] = (e.Bytes, ++useCounter);
    }

    public long LastUse(string blockId) => blocks[blockId].LastUse;

    public override bool Contains(string item) => blocks.ContainsKey(item);

    public override IEnumerator<string> GetEnumerator() => blocks.Keys.GetEnumerator();
}
